'use client';

import type { QuestionsPage, TopicsResponse } from '@peerprep/contracts';
import { LazyAlert as Alert } from '../mui/lazy-alert';
import { Button } from '../ui/button';
import { LinearProgress } from '../ui/linear-progress';
import { PageNav } from '../ui/page-nav';
import { RetryAlert } from '../ui/retry-alert';
import { Surface } from '../ui/surface';
import { Text } from '../ui/type';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { describeFailure } from '../../lib/form-errors';
import { SelectField } from '../forms/select-field';
import {
  DEFAULT_FILTERS,
  filtersFromSearchParams,
  hasActiveFilters,
  PAGE_SIZES,
  pageRangeLabel,
  questionsHref,
  updateFilters,
  type QuestionFilters,
} from '../../lib/questions/filters';
import { QuestionFilterBar } from './question-filter-bar';
import { QuestionList, QuestionListSkeleton } from './question-list';
import { useQuestionsPage, useTopics } from './use-questions';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * The URL is the state: every filter change is a new history entry (so Back
 * undoes it), and the page reads its filters back from the query, so a
 * reload or a shared link shows the same list. The entries are written with
 * the History API, which Next's router follows (useSearchParams changes)
 * without asking the server to render the page again: the browser fetches
 * the list itself; the server renders it only for a page load.
 */
function useUrlFilters() {
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(searchParams), [searchParams]);

  const navigate = useCallback((next: QuestionFilters, mode: 'push' | 'replace') => {
    const href = questionsHref(next);
    if (mode === 'push') window.history.pushState(null, '', href);
    else window.history.replaceState(null, '', href);
  }, []);
  return { filters, navigate };
}

/**
 * The search box: typed text shows at once, the URL follows after a pause
 * (replacing the entry, so Back does not step through every keystroke), and
 * a change of the URL from elsewhere (Back, a link) resets the box.
 */
function useSearchBox(filters: QuestionFilters, navigate: (next: QuestionFilters, mode: 'push' | 'replace') => void) {
  const [text, setText] = useState(filters.q);
  const [urlQ, setUrlQ] = useState(filters.q);
  const [sentQ, setSentQ] = useState<string | null>(null);

  // The URL moved: follow it, unless it only caught up with what was typed.
  if (urlQ !== filters.q) {
    setUrlQ(filters.q);
    if (filters.q !== sentQ) setText(filters.q);
  }

  useEffect(() => {
    if (text.trim() === filters.q.trim()) return;
    const timer = setTimeout(() => {
      setSentQ(text.trim());
      navigate(updateFilters(filters, { q: text }), 'replace');
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters, navigate]);

  return { text, setText };
}

export interface QuestionBrowserProps {
  /** The page of questions the server rendered with, under its key (lib/questions/filters.ts, questionsPageKey). */
  initialPage?: { key: string; data: QuestionsPage };
  initialTopics?: TopicsResponse;
}

export function QuestionBrowser({ initialPage, initialTopics }: QuestionBrowserProps) {
  const { filters, navigate } = useUrlFilters();
  const search = useSearchBox(filters, navigate);
  const questions = useQuestionsPage(filters, initialPage);
  const topics = useTopics(initialTopics);
  const page = questions.data;
  const pageCount = page ? Math.max(1, Math.ceil(page.total / page.pageSize)) : 1;
  const change = (update: Partial<QuestionFilters>) => navigate(updateFilters(filters, update), 'push');
  const clearAll = () => {
    search.setText('');
    navigate({ ...DEFAULT_FILTERS, pageSize: filters.pageSize }, 'push');
  };

  // The page's heading and frame are rendered by the page itself, on the server.
  return (
    <>
      <div className="mt-8">
        <QuestionFilterBar
          filters={filters}
          searchText={search.text}
          onSearchTextChange={search.setText}
          onChange={change}
          topics={topics.data?.items ?? []}
          topicsLoading={topics.loading}
        />
      </div>

      {topics.error ? (
        <Alert severity="warning" className="mt-4">
          Topics could not be loaded: {describeFailure(topics.error, { fields: [] }).message}
        </Alert>
      ) : null}

      <div className="mt-6 flex flex-wrap items-center justify-between gap-2">
        <Text as="p" role="status" aria-live="polite" className="text-sm text-muted" data-testid="questions-summary">
          {page ? pageRangeLabel(page.page, page.pageSize, page.total) : questions.error ? '' : 'Loading questions…'}
        </Text>
        {hasActiveFilters(filters) ? (
          <Button size="small" onClick={clearAll}>
            Clear filters
          </Button>
        ) : null}
      </div>

      <Surface className="mt-2 overflow-hidden rounded-2xl">
        <div className="h-1">{questions.loading && page ? <LinearProgress aria-label="Loading questions" /> : null}</div>
        {questions.error ? (
          <RetryAlert error={questions.error} fallback="The questions could not be loaded." onRetry={questions.reload} className="m-4" />
        ) : page === null ? (
          <QuestionListSkeleton />
        ) : page.items.length > 0 ? (
          <QuestionList questions={page.items} busy={questions.loading} />
        ) : (
          <div className="flex flex-col items-center gap-3 px-4 py-14 text-center">
            <Text variant="h2" className="text-xl">
              {page.total > 0 ? 'This page is past the last one' : 'No questions match'}
            </Text>
            <Text as="p" className="text-muted">
              {page.total > 0
                ? `There are ${page.total} questions on ${pageCount} page${pageCount === 1 ? '' : 's'}.`
                : 'Try fewer topics, another difficulty, or different words.'}
            </Text>
            {page.total > 0 ? (
              <Button variant="outlined" onClick={() => change({ page: 1 })}>
                Go to the first page
              </Button>
            ) : hasActiveFilters(filters) ? (
              <Button variant="outlined" onClick={clearAll}>
                Clear filters
              </Button>
            ) : null}
          </div>
        )}
      </Surface>

      {page && page.total > 0 ? (
        <div className="mt-4 flex flex-col items-center justify-between gap-3 sm:flex-row">
          <PageNav count={pageCount} page={Math.min(filters.page, pageCount)} onChange={(next) => change({ page: next })} />
          <SelectField
            size="small"
            label="Per page"
            value={String(filters.pageSize)}
            options={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))}
            onChange={(value) => change({ pageSize: Number(value) })}
            className="w-28"
          />
        </div>
      ) : null}
    </>
  );
}
