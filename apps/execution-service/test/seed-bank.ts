import path from 'node:path';
import type { Language, QuestionInput } from '@peerprep/contracts';

/**
 * The seed questions and their reference solutions, exactly as the seed
 * stores them in question-service: the seed bank (apps/question-service/
 * prisma/seed/index.ts) is loaded by path, and each question's
 * `referenceSolutions` come from its reference-solutions.ts (JavaScript for
 * every question; TypeScript, Python, Java and C++ for the questions with a
 * `solutions/<slug>/` folder). Only test and bench code reads them:
 * execution-service does not depend on question-service's code, and its test
 * target lists the folder among its inputs so a changed question reruns the proof.
 */
const SEED = path.resolve(__dirname, '../../question-service/prisma/seed');

let bank: Map<string, QuestionInput> | undefined;

function seedBank(): Map<string, QuestionInput> {
  // A computed require: the seed is data to these suites, not an import of the app.
  bank ??= new Map(
    (require(path.join(SEED, 'index.ts')) as { seedQuestions: { question: QuestionInput }[] }).seedQuestions.map(({ question }) => [
      question.slug as string,
      question,
    ]),
  );
  return bank;
}

export function seedSlugs(): string[] {
  return [...seedBank().keys()].sort();
}

export function seedQuestion(slug: string): QuestionInput {
  const question = seedBank().get(slug);
  if (!question) throw new Error(`No seed question ${slug}`);
  return question;
}

export function referenceSolution(slug: string, language: Language): string {
  const code = seedQuestion(slug).referenceSolutions?.[language];
  if (code === undefined) throw new Error(`Seed question ${slug} has no ${language} reference solution`);
  return code;
}
