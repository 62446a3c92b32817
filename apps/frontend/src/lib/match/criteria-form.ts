import { MATCH_TOPICS_MAX, SESSION_LENGTH_DEFAULT_MINUTES, SESSION_MODE_DEFAULT } from '@peerprep/contracts/constants';
import type { Difficulty, Language, MatchCriteria, SessionLength, SessionMode, TopicWithCounts } from '@peerprep/contracts';
import { loadContracts } from '../contracts';
import { ApiError } from '../api-error';
import { describeFailure, validateWith, type FormFailure } from '../form-errors';

/** What the match form holds; `difficulty` is null until the user picks one. */
export interface CriteriaFormValues {
  mode: SessionMode;
  /** Asked for a mock interview only; pair practice sends the default (it has no clock). */
  minutes: SessionLength;
  difficulty: Difficulty | null;
  topics: readonly string[];
  language: Language;
  allowRelaxed: boolean;
}

export const CRITERIA_FIELDS = ['mode', 'minutes', 'difficulty', 'topics', 'language', 'allowRelaxed'] as const;

export const DEFAULT_CRITERIA_FORM: CriteriaFormValues = {
  mode: SESSION_MODE_DEFAULT,
  minutes: SESSION_LENGTH_DEFAULT_MINUTES,
  difficulty: null,
  topics: [],
  language: 'python',
  allowRelaxed: true,
};

export function formValuesFrom(criteria: MatchCriteria | null): CriteriaFormValues {
  return criteria ? { ...criteria, topics: [...criteria.topics] } : DEFAULT_CRITERIA_FORM;
}

/** Questions of `topic` at `difficulty` (all difficulties before one is chosen). */
export function topicCount(topic: TopicWithCounts, difficulty: Difficulty | null): number {
  return difficulty ? topic.counts[difficulty] : topic.total;
}

/** Adds or removes a topic; adding beyond the limit does nothing (the form says why). */
export function toggleTopic(values: CriteriaFormValues, slug: string): CriteriaFormValues {
  if (values.topics.includes(slug)) return { ...values, topics: values.topics.filter((topic) => topic !== slug) };
  if (values.topics.length >= MATCH_TOPICS_MAX) return values;
  return { ...values, topics: [...values.topics, slug] };
}

/**
 * The form as a request body, or the messages to show beside its fields.
 * Beyond the contract, every topic must have a question at the difficulty
 * (the server answers 400 otherwise): said here without a round trip.
 */
export async function toMatchRequest(
  values: CriteriaFormValues,
  topics: readonly TopicWithCounts[],
): Promise<{ data: MatchCriteria; failure: null } | { data: null; failure: FormFailure }> {
  const { createMatchRequestSchema } = await loadContracts('matching');
  const checked = validateWith(createMatchRequestSchema, values, CRITERIA_FIELDS);
  const errors: Record<string, string> = { ...(checked.failure?.fieldErrors ?? {}) };
  if (values.difficulty === null) errors['difficulty'] = 'Pick a difficulty';
  if (values.topics.length === 0) errors['topics'] = 'Pick at least one topic';
  const difficulty = values.difficulty;
  if (difficulty && !errors['topics']) {
    const empty = values.topics
      .map((slug) => topics.find((topic) => topic.slug === slug))
      .filter((topic): topic is TopicWithCounts => topic !== undefined && topic.counts[difficulty] === 0);
    if (empty.length > 0) {
      errors['topics'] = `No ${difficulty.toLowerCase()} questions in ${empty.map((topic) => topic.name).join(', ')} yet`;
    }
  }
  if (checked.data && Object.keys(errors).length === 0) return { data: checked.data, failure: null };
  return { data: null, failure: { fieldErrors: errors, message: checked.failure?.message ?? null } };
}

/** Server field paths (`topics.1`) mapped onto the form's fields (`topics`). */
export function placeServerFieldErrors(fieldErrors: Readonly<Record<string, string>>): Record<string, string> {
  const placed: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const field = path.split('.')[0] ?? path;
    placed[field] ??= message;
  }
  return placed;
}

/** What the form shows when POST /match/requests fails (409 is resumed before it gets here). */
export function describeSubmitFailure(error: unknown): FormFailure {
  if (error instanceof ApiError && error.status === 503) {
    return { fieldErrors: {}, message: 'Matching is unavailable right now. Try again in a moment.' };
  }
  if (error instanceof ApiError && error.status === 400 && Object.keys(error.fieldErrors).length > 0) {
    const placed = placeServerFieldErrors(error.fieldErrors);
    const known = Object.fromEntries(Object.entries(placed).filter(([field]) => (CRITERIA_FIELDS as readonly string[]).includes(field)));
    const rest = Object.entries(placed).filter(([field]) => !(field in known)).map(([, message]) => message);
    return { fieldErrors: known, message: rest.length > 0 ? rest.join(' ') : null };
  }
  return describeFailure(error, { fields: CRITERIA_FIELDS });
}

/**
 * "Widen my criteria" after a timeout: first accept any difficulty; when that
 * was already on, add the topics with the most questions at the difficulty
 * (up to the limit). Null when nothing is left to widen.
 */
export function widenCriteria(criteria: MatchCriteria, topics: readonly TopicWithCounts[]): MatchCriteria | null {
  if (!criteria.allowRelaxed) return { ...criteria, allowRelaxed: true };
  const room = MATCH_TOPICS_MAX - criteria.topics.length;
  const extra = topics
    .filter((topic) => !criteria.topics.includes(topic.slug) && topic.counts[criteria.difficulty] > 0)
    .sort((a, b) => b.counts[criteria.difficulty] - a.counts[criteria.difficulty] || a.name.localeCompare(b.name))
    .slice(0, Math.max(0, room))
    .map((topic) => topic.slug);
  return extra.length > 0 ? { ...criteria, topics: [...criteria.topics, ...extra] } : null;
}

/** What "Widen my criteria" will do, for its button's description. */
export function describeWidening(before: MatchCriteria, after: MatchCriteria): string {
  if (!before.allowRelaxed && after.allowRelaxed) return 'Also accept a partner at another difficulty';
  return `Add ${after.topics.length - before.topics.length} more topic${after.topics.length - before.topics.length === 1 ? '' : 's'}`;
}
