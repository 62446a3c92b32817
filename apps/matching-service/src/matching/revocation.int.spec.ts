import { randomUUID } from 'node:crypto';
import { createRevocationList, type RevocationList } from '@peerprep/auth';
import { WEBSOCKET_CLOSE_CODES } from '@peerprep/contracts';
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { MatchingHarness, type MatchingInstance, type TestUser } from '../../test/matching-harness';

/** user-service revokes (sign-out, password/role change, deletion); the status sockets and routes here must follow. */
describe('revoked access tokens on the match status channel (real service, real Redis)', () => {
  let harness: MatchingHarness;
  let instance: MatchingInstance;
  let redis: Redis;
  let revocations: RevocationList;

  beforeAll(async () => {
    harness = await MatchingHarness.start('matching_revocation');
    instance = await harness.startInstance();
    redis = new Redis(harness.infra.redis.url);
    revocations = createRevocationList({ redis, prefix: harness.revocationPrefix });
  });

  afterAll(async () => {
    await revocations?.close();
    await redis?.quit();
    await harness?.stop();
  });

  const closeCode = (ws: WebSocket) => new Promise<number>((resolve) => ws.once('close', (code: number) => resolve(code)));

  /** The HTTP status of a fresh upgrade with the user's token (101 when it opens). */
  const upgradeStatus = (user: TestUser) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(`${instance.url.replace(/^http/, 'ws')}/api/match/events`, ['peerprep', `bearer.${user.token}`]);
      ws.once('open', () => {
        ws.close();
        resolve(101);
      });
      // terminate() before the handshake completes reports an error: expected here.
      ws.on('error', () => undefined);
      ws.once('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
    });

  const currentRequest = (user: TestUser) =>
    fetch(`${instance.url}/api/match/requests/current`, { headers: { authorization: `Bearer ${user.token}` } });

  it("closes a signed-out session's status sockets and refuses its token, leaving other users alone", async () => {
    const sessionId = randomUUID();
    const alice = await harness.user('Alice', sessionId);
    const other = await harness.user('Other', randomUUID());
    const socket = await harness.connect(instance, alice);
    const otherSocket = await harness.connect(instance, other);
    const closed = closeCode(socket.ws);

    await revocations.revokeSession(alice.id, sessionId);

    expect(await closed).toBe(WEBSOCKET_CLOSE_CODES.tokenRevoked);
    expect(await upgradeStatus(alice)).toBe(401);
    expect((await currentRequest(alice)).status).toBe(401);
    expect(otherSocket.ws.readyState).toBe(WebSocket.OPEN);
    await otherSocket.close();
  });

  it("closes every status socket of a user whose tokens were revoked (password or role change, deletion) and refuses the old token", async () => {
    const bob = await harness.user('Bob', randomUUID());
    const first = await harness.connect(instance, bob);
    const second = await harness.connect(instance, bob);
    const closed = Promise.all([closeCode(first.ws), closeCode(second.ws)]);

    await revocations.revokeUserTokens(bob.id);

    expect(await closed).toEqual([WEBSOCKET_CLOSE_CODES.tokenRevoked, WEBSOCKET_CLOSE_CODES.tokenRevoked]);
    expect((await currentRequest(bob)).status).toBe(401);
    expect(await upgradeStatus(bob)).toBe(401);
  });
});
