import type { QuestionSummary } from '@peerprep/contracts';
import { IntentLink } from '../intent-link';
import type { ReactNode } from 'react';
import { questionHref } from '../../lib/questions/filters';
import { DifficultyChip } from './difficulty-chip';
import { Skeleton } from '../ui/skeleton';
import { Tag } from '../ui/tag';

/** One question per row: title (the link), difficulty, topics; `actions` adds buttons at the end (admin). */
export function QuestionList({
  questions,
  busy,
  actions,
  label = 'Questions',
}: {
  questions: readonly QuestionSummary[];
  busy?: boolean;
  actions?: (question: QuestionSummary) => ReactNode;
  label?: string;
}) {
  return (
    <ul aria-label={label} aria-busy={busy} className={`m-0 list-none divide-y divide-divider p-0 transition-opacity ${busy ? 'opacity-60' : ''}`}>
      {questions.map((question) => (
        <li key={question.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:gap-4 sm:px-5">
          <div className="min-w-0 flex-1">
            <IntentLink
              href={questionHref(question.slug)}
              className="font-semibold text-foreground no-underline hover:text-primary hover:underline"
            >
              {question.title}
            </IntentLink>
            <div className="mt-1 flex flex-wrap gap-1.5">
              {question.topics.map((topic) => (
                <Tag key={topic.slug}>{topic.name}</Tag>
              ))}
            </div>
          </div>
          <div className="flex items-center gap-2 sm:justify-end">
            <DifficultyChip difficulty={question.difficulty} />
            {actions?.(question)}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Placeholder rows shaped like QuestionList while the first page loads. */
export function QuestionListSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <ul aria-hidden="true" className="m-0 list-none divide-y divide-divider p-0">
      {Array.from({ length: rows }, (_, index) => (
        <li key={index} className="flex items-center gap-4 px-4 py-3 sm:px-5">
          <div className="flex-1">
            {/* A line of text: the title's height, its glyphs' part of it. */}
            <div className="flex h-7 items-center">
              <Skeleton width={`${45 + ((index * 17) % 35)}%`} height={17} rounded="md" />
            </div>
            <div className="mt-1 flex gap-1.5">
              <Skeleton width={72} height={24} />
              <Skeleton width={96} height={24} />
            </div>
          </div>
          <Skeleton width={64} height={24} />
        </li>
      ))}
    </ul>
  );
}
