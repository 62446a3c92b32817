import { callSignalEnvelopeSchema, ROOM_CALL_SIGNAL_MESSAGE_TYPE, type CallSignal, type CallSignalEnvelope } from '@peerprep/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** The editor socket's call-signal message (ROOM_CALL_SIGNAL_MESSAGE_TYPE): the signal alone, as JSON; the server stamps the sender. */
export function encodeCallSignal(signal: CallSignal): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, ROOM_CALL_SIGNAL_MESSAGE_TYPE);
  encoding.writeVarString(encoder, JSON.stringify(signal));
  return encoding.toUint8Array(encoder);
}

/** The server's call-signal message (after its type): the envelope, or null when it breaks the contract. */
export function decodeCallSignal(decoder: decoding.Decoder): CallSignalEnvelope | null {
  try {
    const parsed = callSignalEnvelopeSchema.safeParse(JSON.parse(decoding.readVarString(decoder)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Whether the other participant's page is in the call, from the signals it
 * sent: a `join` or `present` says so, a `hangup` of the same join says it
 * left. What the room shows before this page joins ("Ada is in the call").
 */
export function peerInCallAfter(current: string | null, signal: CallSignal): string | null {
  if (signal.kind === 'join' || signal.kind === 'present') return signal.joinId;
  if (signal.kind === 'hangup' && signal.joinId === current) return null;
  return current;
}
