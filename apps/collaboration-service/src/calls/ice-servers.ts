import { createHmac } from 'node:crypto';
import type { IceServersView } from '@peerprep/contracts';

export interface TurnSettings {
  /** TURN_URLS: the TURN server's URLs; empty without one. */
  urls: readonly string[];
  /** TURN_SECRET: coturn's `--static-auth-secret`. */
  secret: string;
  /** TURN_CREDENTIAL_TTL_SECONDS: how long a credential works. */
  ttlSeconds: number;
}

/**
 * A TURN credential in coturn's REST scheme (`--use-auth-secret`): the user
 * name is `<unix expiry>:<userId>`, the password base64(HMAC-SHA1(secret,
 * user name)). coturn recomputes it from the secret it shares with this
 * service and refuses it after the expiry, so no TURN password is stored
 * anywhere and a leaked one stops working by itself.
 */
export function turnCredential(secret: string, userId: string, expiresAtUnix: number): { username: string; credential: string } {
  const username = `${expiresAtUnix}:${userId}`;
  return { username, credential: createHmac('sha1', secret).update(username).digest('base64') };
}

/**
 * The ICE servers of a call for `userId`: the TURN server with a fresh
 * credential, or none (`npm start` on one machine: host candidates connect
 * the two browsers on one machine or a LAN).
 */
export function iceServersFor(turn: TurnSettings, userId: string, now: Date = new Date()): IceServersView {
  const expiresAtUnix = Math.floor(now.getTime() / 1000) + turn.ttlSeconds;
  const expiresAt = new Date(expiresAtUnix * 1000).toISOString();
  if (turn.urls.length === 0) return { iceServers: [], expiresAt };
  return { iceServers: [{ urls: [...turn.urls], ...turnCredential(turn.secret, userId, expiresAtUnix) }], expiresAt };
}
