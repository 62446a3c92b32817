import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Language, QuestionInput, ReferenceSolutions } from '@peerprep/contracts';
import ts from 'typescript';

/**
 * A seed question's reference solutions per language, as the seed stores them
 * (`referenceSolutions` of the create body) and as execution-service's
 * reference-solutions suite runs them through the sandbox (it loads the seed
 * bank by path, so both read these very texts):
 *
 * - JavaScript, for every question: the question's own `referenceSolution`,
 *   its source text from `export const referenceSolution` to the end of the
 *   question file, bound to the entry point's name, with its types stripped;
 * - TypeScript, Python, Java and C++, for the questions that have a
 *   `solutions/<slug>/` folder: the same text with its types, and the
 *   folder's `solution.py`, `Solution.java` and `solution.cpp`.
 *
 * Files are read relative to this module. The image's bundled seed
 * (tools/delivery/bundle-seed.mjs) has no sources beside it: the bundler runs
 * this once at build time and bundles the result instead.
 */
const SEED_DIR = __dirname;

/** The files of `solutions/<slug>/`, by language. */
export const SOLUTION_FILES = { python: 'solution.py', java: 'Solution.java', cpp: 'solution.cpp' } as const satisfies Partial<
  Record<Language, string>
>;

function typescriptSolution(slug: string, functionName: string): string {
  const source = readFileSync(path.join(SEED_DIR, 'questions', `${slug}.ts`), 'utf8');
  const start = source.indexOf('export const referenceSolution');
  if (start < 0) throw new Error(`Seed question ${slug} has no referenceSolution`);
  return source.slice(start).replace('export const referenceSolution', `const ${functionName}`);
}

function stripTypes(typescript: string): string {
  return ts.transpileModule(typescript, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
}

export function referenceSolutionsOf(question: Pick<QuestionInput, 'slug' | 'entryPoint'>): ReferenceSolutions {
  const slug = question.slug;
  if (!slug) throw new Error(`A seed question needs a slug (${question.entryPoint.functionName})`);
  const typescript = typescriptSolution(slug, question.entryPoint.functionName);
  const folder = path.join(SEED_DIR, 'solutions', slug);
  if (!existsSync(folder)) return { javascript: stripTypes(typescript) };
  const file = (language: keyof typeof SOLUTION_FILES) => readFileSync(path.join(folder, SOLUTION_FILES[language]), 'utf8');
  return {
    javascript: stripTypes(typescript),
    typescript,
    python: file('python'),
    java: file('java'),
    cpp: file('cpp'),
  };
}
