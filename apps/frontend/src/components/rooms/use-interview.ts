'use client';

import type { InterviewRole, InterviewView, RoomQuestion, RoomView } from '@peerprep/contracts';
import { createClockOffsetEstimator } from '@peerprep/contracts/clock';
import { useEffect, useRef, useState } from 'react';
import { fetchInterview, fetchReleasedHints } from '../../lib/rooms/interview-api';
import { roleOf } from '../../lib/rooms/interview-state';
import { fetchRoom } from '../../lib/rooms/room-api';
import type { RoomSession, RoomSessionSnapshot } from '../../lib/rooms/room-session';
import { useAuth } from '../auth/auth-provider';

export interface InterviewState {
  /** The rounds as the server last said (null until the first answer or push). */
  view: InterviewView | null;
  /** Who this user is in the round being played (null while waiting and once over). */
  role: InterviewRole | null;
  /** Server time minus this client's, from the GET's round trips: what the countdown adds to `Date.now()`. */
  offsetMs: number;
  /** Round two's question, once round two has started (`GET /rooms/:id` shows it from then on). */
  secondQuestion: RoomQuestion | null;
}

/**
 * A mock interview's state in its room: the view from `GET /rooms/:id/interview`
 * at each (re)connection and from the server's pushes (message 103, in the
 * session), the clock offset from those GETs' round trips, the released
 * hints, and round two's question once it starts. Null for pair practice,
 * which asks nothing of any of it.
 */
export function useInterview(room: RoomView, session: RoomSession | null, snapshot: RoomSessionSnapshot, selfId: string): InterviewState | null {
  const enabled = room.mode === 'interview';
  const { request } = useAuth();
  // The session store hands out a new `request` on every refresh: that must not refetch.
  const requestRef = useRef(request);
  useEffect(() => {
    requestRef.current = request;
  }, [request]);

  // Samples live as long as the page: a reload starts afresh, as it must (the client's clock may have moved).
  const [estimator] = useState(createClockOffsetEstimator);
  const [offsetMs, setOffsetMs] = useState(0);
  const [secondQuestion, setSecondQuestion] = useState<RoomQuestion | null>(room.secondQuestion ?? null);

  // At first and after every reconnect: the view (a clock sample each time) and the hints missed meanwhile.
  const { connections } = snapshot;
  useEffect(() => {
    if (!enabled || !session) return;
    const controller = new AbortController();
    fetchInterview(requestRef.current, room.id, controller.signal).then(
      ({ view, sample }) => {
        estimator.add(sample);
        setOffsetMs(estimator.offsetMs);
        if (view.mode === 'interview') session.receiveInterview(view);
      },
      // The pushes still arrive; the next reconnect asks again.
      () => undefined,
    );
    fetchReleasedHints(requestRef.current, room.id, controller.signal).then(
      (hints) => session.receiveHints(hints),
      () => undefined,
    );
    return () => controller.abort();
  }, [enabled, session, connections, room.id, estimator]);

  const view = enabled ? snapshot.interview : null;
  const roundTwoStarted = view?.rounds.some((round) => round.index === 2 && round.startedAt !== null) ?? false;
  useEffect(() => {
    if (!enabled || !roundTwoStarted || secondQuestion) return;
    const controller = new AbortController();
    fetchRoom(requestRef.current, room.id, controller.signal).then(
      (fresh) => setSecondQuestion(fresh.secondQuestion ?? null),
      () => undefined,
    );
    return () => controller.abort();
    // A failed fetch is tried again at the next reconnect.
  }, [enabled, roundTwoStarted, secondQuestion, room.id, connections]);

  if (!enabled) return null;
  return { view, role: roleOf(view, selfId), offsetMs, secondQuestion };
}
