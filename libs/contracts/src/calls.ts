import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';

/**
 * The editor WebSocket's call-signalling message (issue #18 item 5): a
 * `CallSignal` as a JSON string (lib0 `writeVarString`). A client sends the
 * signal alone; the server checks it against `callSignalSchema`, stamps it
 * with the connection's user (`CallSignalEnvelope`) and sends it on, with
 * the same type, to the other participant's sockets only (on every replica,
 * through the room's Redis channel). It is never stored: not in the document,
 * not in the database. y-websocket uses 0–3, runs 100, chat 101.
 */
export const ROOM_CALL_SIGNAL_MESSAGE_TYPE = 102;

/**
 * Bytes of one call signal as sent (the whole message). An SDP offer with
 * audio, video and a data-channel-free bundle is 3–8 KB; 64 KiB leaves room
 * for many codecs and stays far below the socket's 2 MiB frame bound. A
 * bigger one closes the socket with COLLAB_CLOSE_CODES.writeRefused.
 */
export const CALL_SIGNAL_MAX_BYTES = 64 * 1024;

/**
 * One join of the call by one page: random, chosen by the client each time it
 * joins. Signals name the join they belong to, so a peer that reloaded (a new
 * join) is told apart from its previous page's late candidates.
 */
export const callJoinIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, - or _');

const sessionDescriptionSchema = z.strictObject({
  type: z.enum(['offer', 'answer']),
  sdp: z.string().min(1).max(CALL_SIGNAL_MAX_BYTES),
});

/** RTCIceCandidateInit as a browser's `candidate.toJSON()` gives it. */
const iceCandidateSchema = z.strictObject({
  candidate: z.string().max(4096),
  sdpMid: z.string().max(64).nullable().optional(),
  sdpMLineIndex: z.number().int().min(0).max(1024).nullable().optional(),
  usernameFragment: z.string().max(256).nullable().optional(),
});

/**
 * What one peer's page tells the other's about the call:
 * - `join`: "I joined the call" (a page in the call answers `present`);
 * - `present`: "I am in the call too" (the answer to a `join`);
 * - `description`: an SDP offer or answer ("perfect negotiation": either side may offer);
 * - `candidate`: one ICE candidate;
 * - `hangup`: "I left the call" (the other side ends it too).
 */
export const callSignalSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('join'), joinId: callJoinIdSchema }),
  z.strictObject({ kind: z.literal('present'), joinId: callJoinIdSchema }),
  z.strictObject({ kind: z.literal('description'), joinId: callJoinIdSchema, description: sessionDescriptionSchema }),
  z.strictObject({ kind: z.literal('candidate'), joinId: callJoinIdSchema, candidate: iceCandidateSchema }),
  z.strictObject({ kind: z.literal('hangup'), joinId: callJoinIdSchema }),
]);
export type CallSignal = z.infer<typeof callSignalSchema>;

/** A call signal as the other participant receives it: stamped by the server with its sender's user id. */
export const callSignalEnvelopeSchema = z.strictObject({
  from: idSchema,
  signal: callSignalSchema,
});
export type CallSignalEnvelope = z.infer<typeof callSignalEnvelopeSchema>;

/** An RTCIceServer as `new RTCPeerConnection({ iceServers })` takes it. */
export const iceServerSchema = z.object({
  urls: z.array(z.string().regex(/^(stun|turns?):/, 'must be a stun:, turn: or turns: URL')).min(1),
  /** TURN only: `<unix expiry>:<userId>` (coturn's REST scheme, `--use-auth-secret`). */
  username: z.string().optional(),
  /** TURN only: base64(HMAC-SHA1(TURN_SECRET, username)). */
  credential: z.string().optional(),
});
export type IceServer = z.infer<typeof iceServerSchema>;

/**
 * `GET /rooms/:id/ice-servers` (participants of an open room): the ICE
 * servers of the room's call. Empty when the platform runs without a TURN
 * server (`npm start` on one machine): the peers then connect over host
 * candidates, which works on one machine and on a LAN.
 */
export const iceServersViewSchema = z.object({
  iceServers: z.array(iceServerSchema),
  /** When the TURN credentials stop working: fetch again before joining a call after it. */
  expiresAt: isoDateTimeSchema,
});
export type IceServersView = z.infer<typeof iceServersViewSchema>;
