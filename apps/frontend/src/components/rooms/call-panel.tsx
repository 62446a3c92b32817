'use client';

import { Button } from '../ui/button';
import { Text } from '../ui/type';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import type { RoomSession } from '../../lib/rooms/room-session';

/**
 * The call itself (WebRTC, devices, controls) loads only when the user opens
 * it: the room page stays as light as before for everyone who never calls.
 */
const LiveCall = dynamic(() => import('./live-call').then((module) => module.LiveCall), {
  ssr: false,
  loading: () => (
    <p role="status" data-testid="call-state" data-state="loading" className="m-0 text-sm text-muted">
      Starting the call…
    </p>
  ),
});

export interface CallPanelProps {
  roomId: string;
  session: RoomSession | null;
  selfId: string;
  /** The other participant (null once they deleted their account: nobody to call). */
  peer: { id: string; name: string } | null;
  /** The partner's page is in the room now (presence). */
  peerOnline: boolean;
  /** The partner's page announced it is in the call. */
  peerInCall: boolean;
  /** The session has ended: no call any more. */
  sessionEnded: boolean;
}

/**
 * The room's voice (and video) call: "not started" with a button that asks
 * for the microphone only when clicked, then the live call. Ending the
 * session, or the partner leaving, ends it.
 */
export function CallPanel({ roomId, session, selfId, peer, peerOnline, peerInCall, sessionEnded }: CallPanelProps) {
  /** Each opening of the call is a fresh one (0: not opened yet). */
  const [opening, setOpening] = useState(0);
  const open = opening > 0 && session !== null && peer !== null;

  return (
    <section aria-labelledby="call-heading" data-testid="call-panel" className="flex min-w-0 flex-col gap-3">
      <Text id="call-heading" variant="h2" className="text-base font-bold">
        Call
      </Text>
      {open ? (
        <LiveCall
          key={opening}
          roomId={roomId}
          session={session}
          selfId={selfId}
          peer={peer}
          peerOnline={peerOnline}
          sessionEnded={sessionEnded}
          onCallAgain={() => setOpening((count) => count + 1)}
        />
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <p role="status" data-testid="call-state" data-state="idle" className="m-0 min-w-0 flex-1 text-sm">
            {sessionEnded
              ? 'Not started. The session has ended.'
              : peer === null
                ? 'Not started. Your partner deleted their account.'
                : peerInCall
                  ? `Not started. ${peer.name} is in the call.`
                  : 'Not started. Talk while you code: voice, and video if you like.'}
          </p>
          <Button
            variant="contained"
            data-testid="call-start"
            disabled={session === null || peer === null || sessionEnded}
            onClick={() => setOpening((count) => count + 1)}
          >
            {peerInCall ? 'Join call' : 'Start call'}
          </Button>
        </div>
      )}
    </section>
  );
}
