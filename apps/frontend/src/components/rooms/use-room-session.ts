'use client';

import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { gatewayWsBase, matchEventsProtocols } from '../../lib/match/match-events-url';
import type { AwarenessUser } from '../../lib/rooms/presence';
import { INITIAL_ROOM_SNAPSHOT, RoomSession, type RoomSessionSnapshot } from '../../lib/rooms/room-session';
import { useAccessTokenSource } from '../match/use-access-token';

const noSubscription = () => () => undefined;
const initialSnapshot = () => INITIAL_ROOM_SNAPSHOT;

/**
 * The room's live session, created in an effect once a token is in hand and
 * destroyed in its cleanup, so one page never holds two providers (StrictMode
 * runs the effect, its cleanup, then the effect again). Null until created.
 */
export function useRoomSession(roomId: string, self: AwarenessUser): { session: RoomSession | null; snapshot: RoomSessionSnapshot } {
  const tokenSource = useAccessTokenSource();
  // The session store hands out a new function on every refresh: that must not reopen the room.
  const tokenRef = useRef(tokenSource);
  useEffect(() => {
    tokenRef.current = tokenSource;
  }, [tokenSource]);

  const [session, setSession] = useState<RoomSession | null>(null);
  const { id, name, color } = self;

  useEffect(() => {
    let cancelled = false;
    let opened: RoomSession | null = null;
    void tokenRef
      .current()
      .catch(() => null)
      .then((token) => {
        // Without a token the session is over: RequireAuth is already sending the user to log in.
        if (cancelled || !token) return;
        opened = new RoomSession({
          roomId,
          serverUrl: `${gatewayWsBase(window.location, process.env.NEXT_PUBLIC_GATEWAY_WS_URL)}/api/collab`,
          self: { id, name, color },
          getToken: (options) => tokenRef.current(options),
          protocolsFor: matchEventsProtocols,
        });
        void opened.start(token);
        setSession(opened);
      });
    return () => {
      cancelled = true;
      opened?.destroy();
      setSession(null);
    };
  }, [roomId, id, name, color]);

  const snapshot = useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    session?.getSnapshot ?? initialSnapshot,
    initialSnapshot,
  );
  return { session, snapshot };
}
