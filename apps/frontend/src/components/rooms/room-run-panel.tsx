'use client';

import type { JsonValue, RoomQuestion, RunKind } from '@peerprep/contracts';
import { Surface } from '../ui/surface';
import { useEffect, useRef } from 'react';
import type { RoomSession, RoomSessionSnapshot } from '../../lib/rooms/room-session';
import { createRoomRun, fetchRoomRuns } from '../../lib/runs/run-api';
import { startedByText } from '../../lib/runs/run-format';
import { runInProgress } from '../../lib/runs/run-list';
import { useAuth } from '../auth/auth-provider';
import { useApiResource } from '../questions/use-api-resource';
import { RunControls } from '../runs/run-controls';
import { RecordedRuns, RunPanel } from '../runs/run-panel';

export interface RoomRunPanelProps {
  roomId: string;
  question: RoomQuestion;
  session: RoomSession | null;
  snapshot: RoomSessionSnapshot;
  selfId: string;
  ended: boolean;
  /** Why runs cannot start now besides the above (a mock interview waiting for round one), or null. */
  blockedReason?: string | null;
}

/** Earlier runs shown before "Show all": the list sits under the results, it must not push them away. */
const RECENT_RUNS = 5;

/**
 * The room's results panel under the editor. The runs come from the session
 * (the server's run messages on the editor socket, seen by both peers as they
 * happen) and from `GET /rooms/:id/runs`, fetched when the socket connects and
 * again after every reconnect, for whatever was missed meanwhile. Starting a
 * run sends only its kind and custom input: the server runs the room's live
 * code and language.
 */
export function RoomRunPanel({ roomId, question, session, snapshot, selfId, ended, blockedReason = null }: RoomRunPanelProps) {
  const { request } = useAuth();
  // The session store hands out a new `request` on every refresh: that must not refetch.
  const requestRef = useRef(request);
  useEffect(() => {
    requestRef.current = request;
  }, [request]);

  const { connections, runs } = snapshot;
  useEffect(() => {
    if (!session || connections === 0) return;
    const controller = new AbortController();
    fetchRoomRuns(requestRef.current, roomId, controller.signal).then(
      (items) => session.receiveRuns(items),
      // The live messages still arrive; the next reconnect fetches again.
      () => undefined,
    );
    return () => controller.abort();
  }, [session, connections, roomId]);

  const going = runInProgress(runs);
  let disabledReason: string | null = null;
  if (ended) disabledReason = 'The session has ended: runs are read-only.';
  else if (!session) disabledReason = 'Connecting to the room…';
  else if (blockedReason) disabledReason = blockedReason;
  else if (going) disabledReason = `${startedByText(going, selfId)}: wait for that run to finish.`;

  const start = async (kind: RunKind, customInput: JsonValue[] | undefined) => {
    const run = await createRoomRun(request, roomId, customInput ? { kind, customInput } : { kind });
    // The socket brings it too; the answer may come first.
    session?.receiveRuns([run]);
  };

  return (
    <RunPanel
      title="Run and submit"
      controls={ended ? undefined : <RunControls entryPoint={question.entryPoint} disabledReason={disabledReason} onStart={start} />}
      latest={runs[0] ?? null}
      runs={runs}
      listLabel="Runs in this room"
      emptyText={
        ended ? 'No code was run in this session.' : 'Run tries the examples (and your custom input); Submit runs every test, hidden ones too. Both of you see the results.'
      }
      selfId={selfId}
      paramNames={question.entryPoint.params.map((param) => param.name)}
      initialListCount={RECENT_RUNS}
    />
  );
}

/** The runs of a room that had already ended when the page opened: read-only, as history shows them. */
export function ClosedRoomRuns({ roomId, question, selfId }: { roomId: string; question: RoomQuestion; selfId: string }) {
  const { request } = useAuth();
  const runs = useApiResource(`room-runs:${roomId}`, (signal) => fetchRoomRuns(request, roomId, signal));
  if (!runs.data) return null;
  return (
    <Surface className="rounded-2xl p-4">
      <RecordedRuns runs={runs.data} selfId={selfId} paramNames={question.entryPoint.params.map((param) => param.name)} />
    </Surface>
  );
}
