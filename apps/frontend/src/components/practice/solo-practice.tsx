'use client';

import { isFinishedPhase, type EntryPoint, type JsonValue, type Language, type RunKind, type RunView, type StarterCode } from '@peerprep/contracts';
import Alert from '@mui/material/Alert';
import { Button } from '../ui/button';
import { Surface } from '../ui/surface';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../lib/api-error';
import { describeFailure } from '../../lib/form-errors';
import { browserStorage, loadSoloCode, loadSoloLanguage, saveSoloCode, saveSoloLanguage, soloCodeProblem } from '../../lib/practice/solo-code';
import { runDiagnostics } from '../../lib/runs/diagnostics';
import { createSoloRun, fetchRun, fetchSoloRuns } from '../../lib/runs/run-api';
import { upsertRuns } from '../../lib/runs/run-list';
import { pollRun } from '../../lib/runs/poll-run';
import { useAuth } from '../auth/auth-provider';
import { LazyCodeEditor } from '../editor/lazy-code-editor';
import { useApiResource } from '../questions/use-api-resource';
import { LanguagePicker } from '../rooms/language-picker';
import { RunControls } from '../runs/run-controls';
import { RunPanel } from '../runs/run-panel';
import { RunsPagination } from '../runs/runs-pagination';
import { RetryAlert } from '../ui/retry-alert';
import { MuiScope } from '../mui/mui-scope';

export interface SoloPracticeProps {
  questionId: string;
  slug: string;
  entryPoint: EntryPoint;
  starterCode: StarterCode;
  /** The first visible test's arguments, to start the custom input from. */
  firstArgs?: JsonValue[];
}

export const SUBMISSIONS_PAGE_SIZE = 10;

/**
 * Solo practice on a question's page, for a signed-in student: Monaco with a
 * language picker (the question's starter code, then whatever the student
 * wrote, kept in this browser per question and language), Run and Submit
 * with the room's results panel, the run polled until it is done, and the
 * student's own runs of this question below ("Your submissions", paged).
 * Loaded only once the student opens it or scrolls to it (PracticeEntry).
 */
export function SoloPractice({ questionId, entryPoint, starterCode, firstArgs }: SoloPracticeProps) {
  const { request, user } = useAuth();
  const requestRef = useRef(request);
  useEffect(() => {
    requestRef.current = request;
  }, [request]);

  const [storage] = useState(browserStorage);
  const [language, setLanguage] = useState<Language>(() => loadSoloLanguage(storage, questionId) ?? 'python');
  const [code, setCode] = useState(() => loadSoloCode(storage, questionId, language, starterCode[language]));

  const [live, setLive] = useState<RunView | null>(null);
  const [pollError, setPollError] = useState<string | null>(null);
  const polling = useRef<AbortController | null>(null);
  useEffect(() => () => polling.current?.abort(), []);

  const [page, setPage] = useState(1);
  const submissions = useApiResource(`solo-runs:${questionId}:${page}`, (signal) =>
    fetchSoloRuns(request, { questionId, page, pageSize: SUBMISSIONS_PAGE_SIZE }, signal),
  );

  const switchLanguage = (next: Language) => {
    saveSoloLanguage(storage, questionId, next);
    setLanguage(next);
    setCode(loadSoloCode(storage, questionId, next, starterCode[next]));
  };
  const edit = (next: string) => {
    setCode(next);
    saveSoloCode(storage, questionId, language, next, starterCode[language]);
  };

  const start = async (kind: RunKind, customInput: JsonValue[] | undefined) => {
    const problem = soloCodeProblem(code);
    // Refused here as the server would (400, 413), without the round trip.
    if (problem) throw new ApiError({ status: 400, title: problem });
    const run = await createSoloRun(request, { questionId, language, code, kind, ...(customInput ? { customInput } : {}) });
    setPollError(null);
    setLive(run);
    polling.current?.abort();
    const controller = new AbortController();
    polling.current = controller;
    pollRun(run, { load: (signal) => fetchRun(requestRef.current, run.id, signal), onUpdate: setLive, signal: controller.signal }).then(
      () => submissions.reload(),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setPollError(describeFailure(error, { fields: [] }).message ?? 'The run’s progress could not be read.');
      },
    );
  };

  const items = submissions.data?.items ?? [];
  // The run just started shows at the top of the first page before the list knows it.
  const runs = page === 1 && live ? upsertRuns(items, [live], SUBMISSIONS_PAGE_SIZE) : items;
  const latest = live ?? (page === 1 ? (items[0] ?? null) : null);
  const diagnostics = useMemo(() => runDiagnostics(live, language), [live, language]);
  const disabledReason = live && !isFinishedPhase(live.phase) ? 'Your run is in progress: wait for it to finish.' : null;

  return (
    <MuiScope>
      <div className="flex min-w-0 flex-col gap-4" data-testid="solo-practice">
        <div className="flex flex-wrap items-center gap-3">
          <LanguagePicker value={language} disabled={false} onChange={switchLanguage} />
          <Button size="small" onClick={() => edit(starterCode[language])} disabled={code === starterCode[language]}>
            Reset to starter code
          </Button>
        </div>
        <Surface data-testid="solo-editor" data-language={language} className="h-[60vh] min-h-80 overflow-hidden rounded-2xl">
          <LazyCodeEditor language={language} readOnly={false} ariaLabel="Your code" value={code} onChange={edit} diagnostics={diagnostics} />
        </Surface>
        <Surface className="rounded-2xl p-4">
          <RunPanel
            title="Run and submit"
            controls={
              <>
                <RunControls entryPoint={entryPoint} initialArgs={firstArgs} disabledReason={disabledReason} onStart={start} />
                {pollError ? (
                  <Alert severity="error" role="alert">
                    {pollError}
                  </Alert>
                ) : null}
              </>
            }
            latest={latest}
            runs={runs}
            listLabel="Your submissions"
            emptyText="Run tries the examples (and your custom input); Submit runs every test, hidden ones too."
            selfId={user?.id ?? null}
            paramNames={entryPoint.params.map((param) => param.name)}
            listFooter={
              submissions.error ? (
                <RetryAlert error={submissions.error} fallback="Your submissions could not be loaded." onRetry={submissions.reload} />
              ) : submissions.data ? (
                <RunsPagination page={page} total={submissions.data.total} pageSize={submissions.data.pageSize} noun="submissions" onChange={setPage} />
              ) : null
            }
          />
        </Surface>
      </div>
    </MuiScope>
  );
}
