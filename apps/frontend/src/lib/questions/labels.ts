import type { Difficulty, Language, QuestionSort } from '@peerprep/contracts';

export const DIFFICULTY_LABELS: Readonly<Record<Difficulty, string>> = { EASY: 'Easy', MEDIUM: 'Medium', HARD: 'Hard' };

export const LANGUAGE_LABELS: Readonly<Record<Language, string>> = {
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  python: 'Python',
  java: 'Java',
  cpp: 'C++',
};

export const SORT_LABELS: Readonly<Record<QuestionSort, string>> = {
  relevance: 'Best match',
  newest: 'Newest first',
  oldest: 'Oldest first',
  title: 'Title (A–Z)',
  difficulty: 'Difficulty (easy first)',
};
