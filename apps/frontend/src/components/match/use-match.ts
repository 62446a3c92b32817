'use client';

import type { MatchCriteria } from '@peerprep/contracts';
import { startTransition, useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { ApiError } from '../../lib/api-client';
import { describeFailure, type FormFailure } from '../../lib/form-errors';
import { describeSubmitFailure } from '../../lib/match/criteria-form';
import { cancelMatchRequest, createMatchRequest, fetchCurrentMatchRequest } from '../../lib/match/match-api';
import { matchEventsProtocols, matchEventsUrl } from '../../lib/match/match-events-url';
import { initialMatchState, matchReducer, needsLiveStatus } from '../../lib/match/match-state';
import { MatchStatusChannel, openBrowserSocket, type ChannelState } from '../../lib/match/match-status-channel';
import { useAuth } from '../auth/auth-provider';
import { useAccessTokenSource } from './use-access-token';

export type LiveChannel = ChannelState;

/** How often a matched page without its room asks for it (a room is usually ready within a second). */
const ROOM_RESYNC_MS = 2000;

/** The match page's state and actions: resume on load, request, cancel, live status. */
export function useMatch() {
  const { request } = useAuth();
  const tokenSource = useAccessTokenSource();
  const [state, dispatch] = useReducer(matchReducer, initialMatchState);
  const [formFailure, setFormFailure] = useState<FormFailure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [channel, setChannel] = useState<LiveChannel>('closed');
  // Effects read the latest request function without re-running on each render.
  const requestRef = useRef(request);
  // The session hands out a new function on every refresh; the socket must not reconnect for that.
  const tokenRef = useRef(tokenSource);
  useEffect(() => {
    requestRef.current = request;
    tokenRef.current = tokenSource;
  }, [request, tokenSource]);

  const resync = useCallback(async (signal?: AbortSignal) => {
    const view = await fetchCurrentMatchRequest(requestRef.current, signal);
    if (signal?.aborted) return;
    dispatch(view ? { type: 'requestLoaded', view } : { type: 'requestGone', now: Date.now() });
  }, []);

  // A reload (or a second tab) picks up the request where it stands.
  useEffect(() => {
    const controller = new AbortController();
    fetchCurrentMatchRequest(requestRef.current, controller.signal).then(
      // What it brings (the form, or a request's panel) renders as a transition: time-sliced,
      // not one long task on a phone's main thread.
      (view) => startTransition(() => dispatch({ type: 'requestLoaded', view })),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        dispatch({ type: 'requestLoaded', view: null });
        setActionError(describeFailure(error, { fields: [] }).message);
      },
    );
    return () => controller.abort();
  }, []);

  const live = needsLiveStatus(state);
  useEffect(() => {
    if (!live) return;
    const url = matchEventsUrl(window.location, process.env.NEXT_PUBLIC_GATEWAY_WS_URL);
    const statusChannel = new MatchStatusChannel({
      getToken: (options) => tokenRef.current(options),
      openSocket: (token) => openBrowserSocket(url, matchEventsProtocols(token)),
      onMessage: (message) => dispatch({ type: 'statusReceived', message }),
      onOpen: () => void resync().catch(() => undefined),
      onStateChange: setChannel,
    });
    statusChannel.start();
    return () => statusChannel.stop();
  }, [live, resync]);

  // The room's id comes by push, but a push sent while the status socket was still being set up on the server
  // is lost, and the re-read at open can come before the room exists: ask again until the room is there.
  const waitingForRoom = state.kind === 'matched' && state.outcome.roomId === null;
  useEffect(() => {
    if (!waitingForRoom) return;
    const timer = setInterval(() => void resync().catch(() => undefined), ROOM_RESYNC_MS);
    return () => clearInterval(timer);
  }, [waitingForRoom, resync]);

  const submit = useCallback(
    async (criteria: MatchCriteria) => {
      setFormFailure(null);
      setNotice(null);
      setActionError(null);
      dispatch({ type: 'submitted', criteria });
      try {
        dispatch({ type: 'requestLoaded', view: await createMatchRequest(requestRef.current, criteria) });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          // Already waiting (another tab, or a lost answer): carry on with that request.
          const current = await fetchCurrentMatchRequest(requestRef.current).catch(() => null);
          if (current) {
            setNotice('You already had a request in progress, so it is shown here.');
            dispatch({ type: 'requestLoaded', view: current });
            return;
          }
        }
        dispatch({ type: 'submitFailed' });
        setFormFailure(describeSubmitFailure(error));
      }
    },
    [],
  );

  const cancel = useCallback(async () => {
    setActionError(null);
    dispatch({ type: 'cancelStarted' });
    try {
      await cancelMatchRequest(requestRef.current);
      dispatch({ type: 'cancelConfirmed' });
    } catch (error) {
      dispatch({ type: 'cancelFailed' });
      // 409: matched in the meantime; the live status (or this re-read) shows it.
      if (error instanceof ApiError && error.status === 409) await resync().catch(() => undefined);
      else setActionError(describeFailure(error, { fields: [] }).message);
    }
  }, [resync]);

  const showForm = useCallback((criteria?: MatchCriteria) => {
    setFormFailure(null);
    setNotice(null);
    setActionError(null);
    dispatch({ type: 'formRequested', criteria });
  }, []);

  return { state, channel, formFailure, notice, actionError, submit, cancel, showForm };
}
