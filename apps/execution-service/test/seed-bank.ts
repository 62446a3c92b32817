import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Language, QuestionInput } from '@peerprep/contracts';
import ts from 'typescript';

/**
 * The seed questions and their reference solutions, read as data from
 * question-service's seed folder (apps/question-service/prisma/seed). Only
 * test and bench code reads them, by path: execution-service does not depend
 * on question-service's code, and its test target lists the folder among its
 * inputs so a changed question reruns the proof.
 *
 * TypeScript and JavaScript solutions are the seed's own `referenceSolution`
 * (every question keeps one): its source text, from `export const
 * referenceSolution` to the end of the question file, bound to the entry
 * point's name, and for JavaScript the same text with its types stripped.
 * Python, Java and C++ solutions are files in `seed/solutions/<slug>/`.
 */
const SEED = path.resolve(__dirname, '../../question-service/prisma/seed');

const FILES: Partial<Record<Language, string>> = {
  python: 'solution.py',
  java: 'Solution.java',
  cpp: 'solution.cpp',
};

export function seedSlugs(): string[] {
  return readdirSync(path.join(SEED, 'questions'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();
}

export function seedQuestion(slug: string): QuestionInput {
  // A computed require: the seed's question modules are data to these suites, not an import of the app.
  return (require(path.join(SEED, 'questions', `${slug}.ts`)) as { question: QuestionInput }).question;
}

function typescriptSolution(slug: string): string {
  const source = readFileSync(path.join(SEED, 'questions', `${slug}.ts`), 'utf8');
  const start = source.indexOf('export const referenceSolution');
  if (start < 0) throw new Error(`${slug} has no referenceSolution`);
  return source.slice(start).replace('export const referenceSolution', `const ${seedQuestion(slug).entryPoint.functionName}`);
}

export function referenceSolution(slug: string, language: Language): string {
  if (language === 'typescript') return typescriptSolution(slug);
  if (language === 'javascript') {
    return ts.transpileModule(typescriptSolution(slug), { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText;
  }
  return readFileSync(path.join(SEED, 'solutions', slug, FILES[language] as string), 'utf8');
}
