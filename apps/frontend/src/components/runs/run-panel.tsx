'use client';

import { isFinishedPhase } from '@peerprep/contracts/constants';
import type { RunView } from '@peerprep/contracts';
import CircularProgress from '@mui/material/CircularProgress';
import { Text } from '../ui/type';
import { useId, useState, type ReactNode } from 'react';
import { formatRunTime, phaseText, startedByText } from '../../lib/runs/run-format';
import { RunHistoryList } from './run-history-list';
import { RunHeadline, RunResult } from './run-result';
import { MuiScope } from '../mui/mui-scope';

export interface RunPanelProps {
  /** The panel's heading. */
  title: string;
  /** Run and Submit (RunControls); left out where results are read-only (history). */
  controls?: ReactNode;
  /** The run the panel follows until the reader opens another: the newest (the room), the one just started (solo). */
  latest: RunView | null;
  /** Earlier runs to open, newest first. */
  runs: readonly RunView[];
  listLabel: string;
  /** Said when there is no run at all. */
  emptyText: string;
  selfId: string | null;
  /** The entry point's parameter names, to label each test's arguments. */
  paramNames: readonly string[];
  /** Below the list: its pagination, when it pages. */
  listFooter?: ReactNode;
  /** Items the list shows before "Show all". */
  initialListCount?: number;
  /** Each listed run names its question (runs of many questions). */
  showQuestion?: boolean;
}

/**
 * The results panel, the same in the room, on a question's page and in
 * history: Run and Submit (when live), a status line (an aria-live region:
 * a spinner and the phase while queued or running, who started it, then the
 * summary), the result with one row per test, and earlier runs to open.
 * A newer `latest` (a new run, by either peer) takes the panel back to it.
 * It brings its MuiScope, so a page without one (history) can load it lazily.
 */
export function RunPanel({
  title,
  controls,
  latest,
  runs,
  listLabel,
  emptyText,
  selfId,
  paramNames,
  listFooter,
  initialListCount,
  showQuestion,
}: RunPanelProps) {
  const headingId = useId();
  const [opened, setOpened] = useState<{ run: RunView; whileLatest: string | null } | null>(null);
  const openedStillCurrent = opened !== null && opened.whileLatest === (latest?.id ?? null);
  // An opened run follows its own updates when the list has a newer copy of it.
  const shown = openedStillCurrent ? (runs.find((run) => run.id === opened.run.id) ?? opened.run) : latest;
  const inProgress = shown !== null && !isFinishedPhase(shown.phase);

  return (
    <MuiScope>
      <section aria-labelledby={headingId} className="flex min-w-0 flex-col gap-3" data-testid="run-panel">
        <Text id={headingId} variant="h6" as="h2" className="font-bold">
          {title}
        </Text>
        {controls}
        <div role="status" className="flex min-h-6 min-w-0 flex-wrap items-center gap-x-3 gap-y-1" data-testid="run-status" data-phase={shown?.phase ?? 'none'}>
          {shown === null ? (
            <Text as="span" variant="body2" className="text-muted">
              {emptyText}
            </Text>
          ) : (
            <>
              {inProgress ? (
                <span className="inline-flex items-center gap-2 font-semibold" data-testid="run-phase">
                  <CircularProgress size={16} aria-hidden="true" />
                  {phaseText(shown)}
                </span>
              ) : (
                <RunHeadline run={shown} />
              )}
              <Text as="span" variant="body2" className="text-muted" data-testid="run-started-by">
                {startedByText(shown, selfId)} · <time dateTime={shown.createdAt}>{formatRunTime(shown.createdAt)}</time>
              </Text>
            </>
          )}
        </div>
        {shown ? <RunResult run={shown} paramNames={paramNames} /> : null}
        {runs.length > 0 ? (
          <div className="flex min-w-0 flex-col gap-1">
            <Text variant="subtitle2" as="h3" className="font-bold">
              {listLabel}
            </Text>
            <RunHistoryList
              runs={runs}
              shownId={shown?.id ?? null}
              onOpen={(run) => setOpened({ run, whileLatest: latest?.id ?? null })}
              selfId={selfId}
              label={listLabel}
              initialCount={initialListCount}
              showQuestion={showQuestion}
            />
            {listFooter}
          </div>
        ) : null}
      </section>
    </MuiScope>
  );
}

/** The runs of a session that has ended (an attempt, a closed room), read-only, the newest shown first. */
export function RecordedRuns({ runs, selfId, paramNames }: { runs: readonly RunView[]; selfId: string | null; paramNames: readonly string[] }) {
  return (
    <RunPanel
      title="Runs and submissions"
      latest={runs[0] ?? null}
      runs={runs}
      listLabel="Every run of the session"
      emptyText="No code was run in this session."
      selfId={selfId}
      paramNames={paramNames}
      initialListCount={10}
    />
  );
}
