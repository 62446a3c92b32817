import type { CallEndReason, CallSnapshot } from './call-session';

/** The call's state as the page says it (text, never colour alone), with the partner's name where it helps. */
export function callStateLabel(call: Pick<CallSnapshot, 'state' | 'waitingForPeer' | 'endReason'> | null, peerName: string): string {
  if (call === null) return 'Not started';
  switch (call.state) {
    case 'connecting':
      return call.waitingForPeer ? `Connecting… waiting for ${peerName} to join` : 'Connecting…';
    case 'connected':
      return 'Connected';
    case 'reconnecting':
      return 'Reconnecting…';
    case 'ended':
      return `Call ended: ${callEndLabel(call.endReason ?? 'hungUp', peerName)}`;
  }
}

const END_LABELS: Readonly<Record<CallEndReason, (peerName: string) => string>> = {
  hungUp: () => 'you left the call.',
  peerHungUp: (peer) => `${peer} left the call.`,
  peerLeft: (peer) => `${peer} left the room.`,
  sessionEnded: () => 'the session ended.',
  noMicrophone: () => 'the microphone is blocked or missing. Allow it in the browser and try again.',
  unavailable: () => 'the call could not be set up. Try again.',
};

export function callEndLabel(reason: CallEndReason, peerName: string): string {
  return END_LABELS[reason](peerName);
}
