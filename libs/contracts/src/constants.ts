// The contracts' vocabularies and limits as plain values: no zod here, so a
// page can render choices and helper texts from them alone, as
// `@peerprep/contracts/constants`, and load zod and the schemas only when it
// validates. The schema modules build on these and re-export them.

/**
 * ASVS 2.1: at least 8 characters, long passphrases allowed; the upper bound
 * only keeps the hash from being fed megabytes.
 */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const DIFFICULTIES = ['EASY', 'MEDIUM', 'HARD'] as const;

/** The languages the editor, the starter code and (later) the runner support. */
export const LANGUAGES = ['javascript', 'typescript', 'python', 'java', 'cpp'] as const;

export const ROLES = ['USER', 'ADMIN'] as const;

export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;
/** Deep pages cost an OFFSET scan; nobody pages past this in practice. */
export const PAGE_MAX = 10_000;

/** Topics one match request may name. */
export const MATCH_TOPICS_MAX = 5;

/**
 * What a session is: `interview`, a mock interview (two rounds with swapped
 * roles), or `pair`, pair practice (one shared room, no clock). Matching pairs
 * only requests of the same mode.
 */
export const SESSION_MODES = ['interview', 'pair'] as const;
export const SESSION_MODE_DEFAULT = 'interview';

/**
 * The length of a whole mock interview in minutes (two rounds of half each).
 * Pair practice has no clock but still carries the field. Two requests may ask
 * for different lengths: the session gets the shorter.
 */
export const SESSION_LENGTHS_MINUTES = [30, 45, 60] as const;
export const SESSION_LENGTH_DEFAULT_MINUTES = 45;

/**
 * The type vocabulary of entry-point parameters and results. Small on purpose:
 * each one maps to one obvious type in every supported language, so one
 * harness can call a solution in any of them with JSON arguments.
 */
export const VALUE_TYPES = [
  'int',
  'long',
  'double',
  'bool',
  'string',
  'int[]',
  'long[]',
  'double[]',
  'bool[]',
  'string[]',
  'int[][]',
  'double[][]',
  'bool[][]',
  'string[][]',
] as const;

export const QUESTION_SORTS = ['newest', 'oldest', 'title', 'difficulty', 'relevance'] as const;

/** Question and topic slugs: lower-case letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const TOPIC_SLUG_MAX_LENGTH = 50;

/** The rule of `topicSlugSchema`, for code that must not load zod (the question browser's URL). */
export function isTopicSlug(value: string): boolean {
  return value.length <= TOPIC_SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

/** A question's rubric has at most this many criteria (see rubric.ts). */
export const RUBRIC_MAX_CRITERIA = 8;

/** A run's phases, in order (see runs.ts). */
export const RUN_PHASES = ['queued', 'compiling', 'running', 'done', 'failed'] as const;

/** A phase after which nothing changes. */
export function isFinishedPhase(phase: (typeof RUN_PHASES)[number]): boolean {
  return phase === 'done' || phase === 'failed';
}

/**
 * A mock interview's phases (issue #18): waiting for both peers to connect
 * once, round one, round two (roles swapped, the second question), over.
 */
export const INTERVIEW_PHASES = ['waiting', 'round1', 'round2', 'finished'] as const;

/** Why a round ended: its time was up, its interviewer ended it, or the session ended during it. */
export const ROUND_END_REASONS = ['time', 'interviewer', 'session'] as const;

/** Who someone is in a round of a mock interview. */
export const INTERVIEW_ROLES = ['interviewer', 'candidate'] as const;

/** How long before a round's end both peers are warned. */
export const INTERVIEW_WARNING_SECONDS = 300;

/** Characters of an interviewer's private notes on one round. */
export const INTERVIEW_NOTES_MAX_LENGTH = 10_000;

/** Feedback rates every criterion of the round's rubric on this scale (1 = weak, 4 = strong). */
export const FEEDBACK_SCORE_MIN = 1;
export const FEEDBACK_SCORE_MAX = 4;

/** Characters of a feedback comment (it may be empty). */
export const FEEDBACK_COMMENT_MAX_LENGTH = 2_000;

/**
 * Hours after the room closed when feedback becomes visible to its receiver
 * even if the receiver gave none: sooner only once both have given theirs, so
 * nobody rates after reading what they got (no retaliation).
 */
export const FEEDBACK_VISIBLE_AFTER_HOURS = 24;

/** Hours after the room closed during which a round's interviewer may still edit their notes. */
export const INTERVIEW_NOTES_EDITABLE_HOURS = 24;
