import type { Route } from 'next';
import { DIFFICULTIES, isTopicSlug, PAGE_MAX, PAGE_SIZE_DEFAULT, QUESTION_SORTS } from '@peerprep/contracts/constants';
import type { Difficulty, QuestionSort } from '@peerprep/contracts';

/** What the question browser shows; the URL query is its only store. */
export interface QuestionFilters {
  difficulty?: Difficulty;
  /** Topic slugs; a question matches when it has any of them. */
  topics: readonly string[];
  q: string;
  sort?: QuestionSort;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [10, 20, 50] as const;
const MAX_TOPICS = 20;
const MAX_QUERY_LENGTH = 200;

export const DEFAULT_FILTERS: QuestionFilters = { topics: [], q: '', page: 1, pageSize: PAGE_SIZE_DEFAULT };

/** The read side of URLSearchParams (Next's ReadonlyURLSearchParams fits too). */
export interface SearchParamsLike {
  get(name: string): string | null;
  getAll(name: string): string[];
}

function positiveInt(raw: string | null): number | undefined {
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= 1 ? value : undefined;
}

function isOneOf<T extends string>(values: readonly T[], raw: string | null): raw is T {
  return raw !== null && (values as readonly string[]).includes(raw);
}

/**
 * Reads the filters from a URL query. A shared or hand-edited link may hold
 * anything, so every value the API would refuse is dropped instead of turning
 * the page into an error: `?difficulty=easy&page=-3` shows the first page of
 * everything.
 */
export function filtersFromSearchParams(params: SearchParamsLike): QuestionFilters {
  const difficulty = params.get('difficulty');
  const sort = params.get('sort');
  const page = positiveInt(params.get('page'));
  const pageSize = positiveInt(params.get('pageSize'));
  const topics = [
    ...new Set(
      params
        .getAll('topics')
        .flatMap((value) => value.split(','))
        .map((value) => value.trim())
        .filter(isTopicSlug),
    ),
  ].slice(0, MAX_TOPICS);
  return {
    difficulty: isOneOf(DIFFICULTIES, difficulty) ? difficulty : undefined,
    topics,
    q: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
    sort: isOneOf(QUESTION_SORTS, sort) ? sort : undefined,
    page: page !== undefined && page <= PAGE_MAX ? page : DEFAULT_FILTERS.page,
    pageSize: pageSize !== undefined && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_FILTERS.pageSize,
  };
}

/**
 * The canonical query for `filters`: defaults left out and a fixed key order,
 * so one state has one URL (and a link can be compared or shared as is).
 */
export function filtersToSearchParams(filters: QuestionFilters): URLSearchParams {
  const params = new URLSearchParams();
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.difficulty) params.set('difficulty', filters.difficulty);
  if (filters.topics.length > 0) params.set('topics', filters.topics.join(','));
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.page !== DEFAULT_FILTERS.page) params.set('page', String(filters.page));
  if (filters.pageSize !== DEFAULT_FILTERS.pageSize) params.set('pageSize', String(filters.pageSize));
  return params;
}

/** `/questions?…` for `filters` (no `?` when every filter is at its default). */
export function questionsHref(filters: QuestionFilters): Route {
  const query = filtersToSearchParams(filters).toString();
  // typedRoutes checks the path; the query is ours to shape.
  return (query ? `/questions?${query}` : '/questions') as Route;
}

/** The query of `GET /api/questions` for `filters`. */
export function filtersToApiQuery(filters: QuestionFilters): Record<string, string | number | undefined> {
  return {
    q: filters.q.trim() || undefined,
    difficulty: filters.difficulty,
    topics: filters.topics.length > 0 ? filters.topics.join(',') : undefined,
    // Relevance needs a search text; without one the server's default (newest) applies.
    sort: filters.sort === 'relevance' && !filters.q.trim() ? undefined : filters.sort,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

/**
 * Applies a change from the filter bar. Any change except turning the page
 * starts again at page 1: page 3 of another result set means nothing.
 */
/** What names one page of questions (the page's key in the browser, and the server's answer for it): the API query of `filters`. */
export function questionsPageKey(filters: QuestionFilters): string {
  return JSON.stringify(filtersToApiQuery(filters));
}

export function updateFilters(filters: QuestionFilters, change: Partial<QuestionFilters>): QuestionFilters {
  const next = { ...filters, ...change };
  if (change.page === undefined) next.page = 1;
  return next;
}

/** Whether any filter narrows the list (the empty state offers to clear them). */
export function hasActiveFilters(filters: QuestionFilters): boolean {
  return Boolean(filters.difficulty || filters.topics.length > 0 || filters.q.trim());
}

/** "21–40 of 61" for the page shown. */
export function pageRangeLabel(page: number, pageSize: number, total: number): string {
  if (total === 0) return '0 questions';
  const first = Math.min((page - 1) * pageSize + 1, total);
  const last = Math.min(page * pageSize, total);
  return `${first}–${last} of ${total} question${total === 1 ? '' : 's'}`;
}

/** The question page. */
export function questionHref(slug: string): Route {
  return `/questions/${encodeURIComponent(slug)}` as Route;
}

/** The admin edit page of a question. */
export function editQuestionHref(slug: string): Route {
  return `/admin/questions/${encodeURIComponent(slug)}/edit` as Route;
}
