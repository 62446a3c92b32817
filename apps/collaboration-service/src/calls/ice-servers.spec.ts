import { execFileSync } from 'node:child_process';
import { iceServersViewSchema } from '@peerprep/contracts';
import { iceServersFor, turnCredential } from './ice-servers';

const userId = '3c1f5a8e-9b10-4f0a-9d3e-b2f0c1de7a44';
const secret = 'a-turn-secret-0123456789';

/** HMAC-SHA1 computed by openssl, independently of node:crypto: what coturn checks. */
function opensslHmacSha1Base64(key: string, data: string): string {
  const digest = execFileSync('openssl', ['dgst', '-sha1', '-hmac', key, '-binary'], { input: data });
  return digest.toString('base64');
}

describe('TURN credentials (coturn REST scheme)', () => {
  it('names the expiry and the user, and signs the name with HMAC-SHA1 of the secret as openssl computes it', () => {
    const credential = turnCredential(secret, userId, 1_800_000_000);
    expect(credential.username).toBe(`1800000000:${userId}`);
    expect(credential.credential).toBe(opensslHmacSha1Base64(secret, `1800000000:${userId}`));
  });

  it('matches a fixed vector (computed once with `openssl dgst -sha1 -hmac <secret> -binary | base64`)', () => {
    expect(turnCredential(secret, userId, 1_800_000_000).credential).toBe('X2kB5PNcJ2D0cbex3QHo2IKURYM=');
    expect(turnCredential('another-turn-secret-0123', userId, 1_800_000_000).credential).not.toBe('X2kB5PNcJ2D0cbex3QHo2IKURYM=');
  });

  it('hands out the TURN server with a credential expiring after the TTL, or no server at all without one', () => {
    const now = new Date('2026-12-05T10:00:00.500Z');
    const turn = { urls: ['turn:turn.example.com:3478?transport=udp', 'turn:turn.example.com:3478?transport=tcp'], secret, ttlSeconds: 3600 };
    const view = iceServersViewSchema.parse(iceServersFor(turn, userId, now));
    const expiry = Math.floor(now.getTime() / 1000) + 3600;
    expect(view).toEqual({
      iceServers: [{ urls: turn.urls, username: `${expiry}:${userId}`, credential: opensslHmacSha1Base64(secret, `${expiry}:${userId}`) }],
      expiresAt: '2026-12-05T11:00:00.000Z',
    });
    expect(iceServersFor({ ...turn, urls: [] }, userId, now)).toEqual({ iceServers: [], expiresAt: '2026-12-05T11:00:00.000Z' });
  });
});
