'use client';

import { isFinishedPhase } from '@peerprep/contracts/constants';
import type { RunView } from '@peerprep/contracts';
import { Button } from '../ui/button';
import CircularProgress from '@mui/material/CircularProgress';
import { useState } from 'react';
import { LANGUAGE_LABELS } from '../../lib/questions/labels';
import { formatRunTime, KIND_LABELS, phaseText, STATUS_TONES, type Tone } from '../../lib/runs/run-format';
import { IntentLink } from '../intent-link';

const toneClass: Readonly<Record<Tone, string>> = {
  // The palette's main colours as text: 4.5:1 on paper in both schemes (see the theme).
  success: 'text-[var(--mui-palette-success-main)]',
  error: 'text-[var(--mui-palette-error-main)]',
  warning: 'text-[var(--mui-palette-warning-main)]',
  default: 'text-foreground',
};

function runTone(run: RunView): Tone {
  if (run.phase === 'failed') return 'error';
  return run.result ? STATUS_TONES[run.result.status] : 'default';
}

export interface RunHistoryListProps {
  runs: readonly RunView[];
  /** The run the panel shows (its item is marked as current). */
  shownId: string | null;
  onOpen(run: RunView): void;
  selfId: string | null;
  label: string;
  /** Items shown before "Show all"; every item when left out. */
  initialCount?: number;
  /** The question of each run, with a link to its page (the history's practice list). */
  showQuestion?: boolean;
}

/**
 * Earlier runs, one line each (who, Run or Submit, language, summary, when),
 * each a button that opens its result in the panel above.
 */
export function RunHistoryList({ runs, shownId, onOpen, selfId, label, initialCount, showQuestion = false }: RunHistoryListProps) {
  const [expanded, setExpanded] = useState(false);
  const visible = initialCount === undefined || expanded ? runs : runs.slice(0, initialCount);
  return (
    <div className="flex flex-col gap-2">
      <ul aria-label={label} className="m-0 flex list-none flex-col gap-1 p-0">
        {visible.map((run) => {
          const shown = run.id === shownId;
          return (
            <li key={run.id} data-testid="run-list-item" data-run-id={run.id} className="flex min-w-0 flex-col">
              {showQuestion ? (
                <IntentLink href={`/questions/${run.question.slug}`} className="px-3 pt-1 text-sm font-semibold text-primary no-underline hover:underline">
                  {run.question.title}
                </IntentLink>
              ) : null}
              <button
                type="button"
                onClick={() => onOpen(run)}
                aria-current={shown ? 'true' : undefined}
                className={`flex w-full min-w-0 cursor-pointer flex-wrap items-center gap-x-3 gap-y-0.5 rounded-lg border border-solid px-3 py-2 text-left text-sm text-foreground ${
                  // No tint behind the shown one: the verdict colours keep their 4.5:1 on plain paper.
                  shown ? 'border-primary bg-transparent shadow-[inset_4px_0_0_var(--mui-palette-primary-main)]' : 'border-transparent bg-transparent hover:bg-foreground/5'
                }`}
              >
                <span className="font-semibold">{selfId !== null && run.userId === selfId ? 'You' : run.userName}</span>
                <span className="text-muted">
                  {KIND_LABELS[run.kind]} · {LANGUAGE_LABELS[run.language]}
                </span>
                <span className={`inline-flex min-w-0 items-center gap-1.5 font-semibold ${toneClass[runTone(run)]}`}>
                  {isFinishedPhase(run.phase) ? null : <CircularProgress size={12} aria-hidden="true" />}
                  {phaseText(run)}
                </span>
                <time dateTime={run.createdAt} className="ml-auto text-muted">
                  {formatRunTime(run.createdAt)}
                </time>
              </button>
            </li>
          );
        })}
      </ul>
      {initialCount !== undefined && runs.length > initialCount ? (
        <Button size="small" className="self-start" onClick={() => setExpanded((open) => !open)} aria-expanded={expanded}>
          {expanded ? 'Show fewer' : `Show all ${runs.length}`}
        </Button>
      ) : null}
    </div>
  );
}
