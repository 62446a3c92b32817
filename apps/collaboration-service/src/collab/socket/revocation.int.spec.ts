import { randomUUID } from 'node:crypto';
import { createRevocationList, type RevocationList } from '@peerprep/auth';
import { WEBSOCKET_CLOSE_CODES } from '@peerprep/contracts';
import { waitFor, websocketHandshake } from '@peerprep/testing';
import { Redis } from 'ioredis';
import { CollabHarness, type CollabInstance } from '../../../test/collab-harness';

/** user-service revokes (sign-out, password/role change, deletion), tokens expire: open editor sockets must follow. */
describe('revoked and expired access tokens on the editor socket (real service, real Redis)', () => {
  let harness: CollabHarness;
  let service: CollabInstance;
  let redis: Redis;
  let revocations: RevocationList;

  beforeAll(async () => {
    harness = await CollabHarness.start('collab_revocation');
    // A fast heartbeat: that is when sockets of expired tokens are closed.
    service = await harness.startInstance({ COLLAB_HEARTBEAT_MS: '100' });
    redis = new Redis(harness.infra.redis.url);
    revocations = createRevocationList({ redis, prefix: harness.revocationPrefix });
  });

  afterEach(() => harness.disconnectAll());

  afterAll(async () => {
    await revocations?.close();
    await redis?.quit();
    await harness?.stop();
  });

  it("closes a signed-out session's editor socket with 4001 and keeps its peer's open", async () => {
    const sessionId = randomUUID();
    const alice = await harness.user('Alice', '10m', sessionId);
    const bob = await harness.user('Bob', '10m', randomUUID());
    const room = await harness.openRoom([alice, bob]);
    const aliceClient = harness.client(service, alice, room.roomId);
    const bobClient = harness.client(service, bob, room.roomId);
    await Promise.all([harness.synced(aliceClient), harness.synced(bobClient)]);
    const closed = harness.refusal(aliceClient);

    await revocations.revokeSession(alice.id, sessionId);

    expect((await closed).code).toBe(WEBSOCKET_CLOSE_CODES.tokenRevoked);
    expect(bobClient.provider.wsconnected).toBe(true);
    // A reconnect with the revoked token is refused at the handshake.
    expect((await websocketHandshake(`${service.wsUrl}/${room.roomId}`, ['peerprep', `bearer.${alice.token}`], 300)).status).toBe(401);
  });

  it("closes every editor socket of a user whose earlier tokens were revoked (password or role change, deletion)", async () => {
    const alice = await harness.user('Alice');
    const bob = await harness.user('Bob');
    const room = await harness.openRoom([alice, bob]);
    const aliceClient = harness.client(service, alice, room.roomId);
    await harness.synced(aliceClient);
    const closed = harness.refusal(aliceClient);

    await revocations.revokeUserTokens(alice.id);

    expect((await closed).code).toBe(WEBSOCKET_CLOSE_CODES.tokenRevoked);
  });

  it('closes a socket whose token expired with 4401, and a fresh token resumes the document without losing an edit', async () => {
    const alice = await harness.user('Alice', '2s');
    const bob = await harness.user('Bob');
    const room = await harness.openRoom([alice, bob]);
    const aliceClient = harness.client(service, alice, room.roomId);
    const bobClient = harness.client(service, bob, room.roomId);
    await Promise.all([harness.synced(aliceClient), harness.synced(bobClient)]);
    const closed = harness.refusal(aliceClient);

    expect((await closed).code).toBe(WEBSOCKET_CLOSE_CODES.tokenExpired);
    // Typed while disconnected: what the browser's client does on 4401 is reconnect with a fresh token.
    aliceClient.text.insert(0, 'typed offline');
    aliceClient.provider.protocols = ['peerprep', `bearer.${await harness.sign(alice.id, 'Alice')}`];
    aliceClient.provider.connect();

    await waitFor(() => bobClient.text.toString().includes('typed offline'), 10_000, 'the offline edit to reach the peer');
  });
});
