import { isFinishedPhase, ROOM_RUNS_LIMIT, type RunPhase, type RunView } from '@peerprep/contracts';

/**
 * A room's runs as the page holds them: upserted by id from the editor
 * socket's run messages and from `GET /rooms/:id/runs` (on load and on every
 * reconnect), newest first. The two sources race (a list fetched before a
 * message may answer after it), so an update never moves a run backwards.
 */

const PHASE_RANK: Readonly<Record<RunPhase, number>> = { queued: 0, compiling: 1, running: 2, done: 3, failed: 3 };

/**
 * Whether `incoming` is newer than `held` (the same run): a finished run
 * (done or failed) is final; otherwise a later phase wins, and within
 * `running` the later test.
 */
export function supersedes(incoming: RunView, held: RunView): boolean {
  if (isFinishedPhase(held.phase)) return false;
  const rank = PHASE_RANK[incoming.phase] - PHASE_RANK[held.phase];
  if (rank !== 0) return rank > 0;
  if (incoming.phase === 'running') {
    const next = incoming.progress?.testIndex ?? -1;
    const now = held.progress?.testIndex ?? -1;
    return next >= now;
  }
  return true;
}

const newestFirst = (a: RunView, b: RunView) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/**
 * `runs` with each of `incoming` inserted or, when newer, replacing the held
 * one; newest first, at most `limit`. Returns `runs` itself when nothing
 * changed, so a snapshot stays the same object.
 */
export function upsertRuns(runs: readonly RunView[], incoming: readonly RunView[], limit = ROOM_RUNS_LIMIT): readonly RunView[] {
  let next: RunView[] | null = null;
  for (const run of incoming) {
    const list: RunView[] = next ?? [...runs];
    const index = list.findIndex((held) => held.id === run.id);
    if (index < 0) list.push(run);
    else if (supersedes(run, list[index])) list[index] = run;
    else continue;
    next = list;
  }
  if (!next) return runs;
  return next.sort(newestFirst).slice(0, limit);
}

/** The run in progress, if any (the newest one that has not finished). */
export function runInProgress(runs: readonly RunView[]): RunView | null {
  return runs.find((run) => !isFinishedPhase(run.phase)) ?? null;
}
