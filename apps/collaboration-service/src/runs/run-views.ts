import {
  customInputSchema,
  executionResultSchema,
  languageSchema,
  questionRefSchema,
  roundIndexSchema,
  runKindSchema,
  runPhaseSchema,
  type RunDetail,
  type RunSummary,
  type RunView,
} from '@peerprep/contracts';
import type { Run } from '../generated/prisma/client';

// Stored JSON is this service's own, but it is parsed on the way out so a
// shape drift fails loudly here instead of in a browser.

export function toRunView(run: Run): RunView {
  const phase = runPhaseSchema.parse(run.phase);
  const inProgress = phase === 'compiling' || phase === 'running';
  return {
    id: run.id,
    roomId: run.roomId,
    question: questionRefSchema.parse(run.question),
    userId: run.userId,
    userName: run.userName,
    kind: runKindSchema.parse(run.kind),
    language: languageSchema.parse(run.language),
    phase,
    progress: inProgress ? { testIndex: run.testIndex, testCount: run.testCount } : null,
    result: run.result === null ? null : executionResultSchema.parse(run.result),
    error: run.error,
    customInput: run.customInput === null ? null : customInputSchema.parse(run.customInput),
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    ...(run.round === null ? {} : { round: roundIndexSchema.parse(run.round) }),
  };
}

export function toRunDetail(run: Run): RunDetail {
  return { ...toRunView(run), code: run.code };
}

const PHASE_SUMMARIES = { queued: 'Queued', compiling: 'Compiling', running: 'Running', done: 'Done', failed: 'Failed' } as const;

export function toRunSummary(run: Run): RunSummary {
  return runSummaryOf(toRunView(run));
}

/** A run in one line, for history rows. */
export function runSummaryOf(view: RunView): RunSummary {
  return {
    id: view.id,
    kind: view.kind,
    language: view.language,
    phase: view.phase,
    status: view.result?.status ?? null,
    summary: view.result?.summary ?? (view.phase === 'failed' ? (view.error ?? 'Failed') : PHASE_SUMMARIES[view.phase]),
    totalTimeMs: view.result?.totalTimeMs ?? null,
    createdAt: view.createdAt,
  };
}
