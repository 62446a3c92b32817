import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Language, QuestionInput } from '@peerprep/contracts';

/**
 * The seed questions and their reference solutions, read as data from
 * question-service's seed folder (apps/question-service/prisma/seed). Only
 * this test helper reads them, at test time and by path: execution-service
 * does not depend on question-service's code, and the test target lists the
 * folder among its inputs so a changed question reruns the proof.
 */
const SEED = path.resolve(__dirname, '../../question-service/prisma/seed');

const FILES: Record<Language, string> = {
  python: 'solution.py',
  javascript: 'solution.js',
  typescript: 'solution.ts',
  java: 'Solution.java',
  cpp: 'solution.cpp',
};

export function seedQuestion(slug: string): QuestionInput {
  // A computed require: the seed's question modules are data to this suite, not an import of the app.
  return (require(path.join(SEED, 'questions', `${slug}.ts`)) as { question: QuestionInput }).question;
}

export function referenceSolution(slug: string, language: Language): string {
  return readFileSync(path.join(SEED, 'solutions', slug, FILES[language]), 'utf8');
}
