'use client';

import type { Language, RunView } from '@peerprep/contracts';
import { useEffect, useRef, useState } from 'react';
import { describeFailure } from '../../../lib/form-errors';
import { isRunFinished, referenceRunRequest, RUN_POLL_INTERVAL_MS } from '../../../lib/questions/reference-run';
import { createSoloRun, fetchRun } from '../../../lib/runs/run-api';
import { pollRun } from '../../../lib/runs/poll-run';
import { useAuth } from '../../auth/auth-provider';

export interface ReferenceRunState {
  language: Language;
  /** Null until the run is created. */
  run: RunView | null;
  /** Why the run could not be started or followed. */
  error: string | null;
}

/**
 * Submits a reference solution as the admin's own run (`POST /runs`, kind
 * submit) and reads it again every second until it is done or failed. One run
 * at a time (the server allows one unfinished run per user); leaving the page
 * stops the polling, not the run.
 */
export function useReferenceRun(questionId: string | undefined) {
  const { request } = useAuth();
  const [state, setState] = useState<ReferenceRunState | null>(null);
  const following = useRef<AbortController | null>(null);

  useEffect(() => () => following.current?.abort(), []);

  async function start(language: Language, code: string): Promise<void> {
    if (!questionId) return;
    following.current?.abort();
    const controller = new AbortController();
    following.current = controller;
    const { signal } = controller;
    setState({ language, run: null, error: null });
    try {
      const run = await createSoloRun(request, referenceRunRequest(questionId, language, code), signal);
      setState({ language, run, error: null });
      // The solo practice's poller: a failed read is retried (backing off) before giving up.
      await pollRun(run, {
        load: (pollSignal) => fetchRun(request, run.id, pollSignal),
        onUpdate: (next) => setState({ language, run: next, error: null }),
        signal,
        intervalMs: RUN_POLL_INTERVAL_MS,
      });
    } catch (error) {
      if (signal.aborted) return;
      const message = describeFailure(error, { fields: [] }).message ?? 'The run could not be started.';
      setState((current) => ({ language, run: current?.run ?? null, error: message }));
    }
  }

  const busy = state !== null && state.error === null && (state.run === null || !isRunFinished(state.run));
  return { state, busy, start };
}
