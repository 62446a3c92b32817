import { randomUUID } from 'node:crypto';
import { attemptDetailSchema, historyPageSchema } from '@peerprep/contracts';
import { waitFor } from '@peerprep/testing';
import request from 'supertest';
import { CollabHarness, testQuestion, type CollabInstance, type TestUser } from '../../test/collab-harness';

describe('history: own attempts only', () => {
  let harness: CollabHarness;
  let service: CollabInstance;

  beforeAll(async () => {
    harness = await CollabHarness.start('collab_history');
    service = await harness.startInstance();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const get = (user: TestUser, path: string) => request(service.url).get(path).set('authorization', `Bearer ${user.token}`);

  /** A finished session between the two, with some code and a chat line. */
  async function session(a: TestUser, b: TestUser, code: string): Promise<string> {
    harness.questions = [testQuestion({ title: `About ${code}` })];
    const { roomId } = await harness.openRoom([a, b]);
    const client = harness.client(service, a, roomId);
    await harness.synced(client);
    client.text.delete(0, client.text.length);
    client.text.insert(0, code);
    await harness.chat(client, `hi from ${a.displayName}`);
    await request(service.url).post(`/api/rooms/${roomId}/end`).set('authorization', `Bearer ${b.token}`).expect(200);
    client.destroy();
    return roomId;
  }

  it('lists a user\'s attempts newest first with paging, and opens only their own', async () => {
    const [alice, bob, carol] = [await harness.user('Alice'), await harness.user('Bob'), await harness.user('Carol')];
    await session(alice, bob, 'first');
    await session(alice, carol, 'second');
    await session(alice, bob, 'third');

    const all = historyPageSchema.parse((await get(alice, '/api/history').expect(200)).body);
    expect(all.total).toBe(3);
    expect(all.items.map((item) => item.question.title)).toEqual(['About third', 'About second', 'About first']);
    expect(all.items[1].partner).toEqual({ id: carol.id, displayName: 'Carol' });

    const page = historyPageSchema.parse((await get(alice, '/api/history?page=2&pageSize=2').expect(200)).body);
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.items.map((item) => item.question.title)).toEqual(['About first']);

    const detail = attemptDetailSchema.parse((await get(alice, `/api/history/${all.items[0].id}`).expect(200)).body);
    expect(detail).toMatchObject({ finalCode: 'third', chat: [expect.objectContaining({ text: 'hi from Alice' })] });

    const carols = historyPageSchema.parse((await get(carol, '/api/history').expect(200)).body);
    expect(carols.items.map((item) => item.question.title)).toEqual(['About second']);
    await get(carol, `/api/history/${all.items[0].id}`).expect(403);
    await get(alice, `/api/history/${randomUUID()}`).expect(404);
  });

  it('rejects bad input and anonymous callers with clear errors', async () => {
    const alice = await harness.user('Alice');
    await request(service.url).get('/api/history').expect(401);
    const badPage = await get(alice, '/api/history?page=0').expect(400);
    expect(badPage.body.errors).toEqual([expect.objectContaining({ field: 'page', location: 'query' })]);
    const badId = await get(alice, '/api/history/nope').expect(400);
    expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'id', location: 'params' })]);
  });

  it('anonymises a deleted account (user.deleted) in the partner\'s history and the room', async () => {
    const [dora, eve] = [await harness.user('Dora'), await harness.user('Eve')];
    const roomId = await session(dora, eve, 'code');

    await harness.events.publish('user.deleted', { userId: dora.id });
    await waitFor(async () => (await harness.prisma.attempt.count({ where: { userId: dora.id } })) === 0, 10_000, 'anonymisation');

    const eves = historyPageSchema.parse((await get(eve, '/api/history').expect(200)).body);
    expect(eves.items[0].partner).toEqual({ id: null, displayName: 'Deleted user' });
    const detail = attemptDetailSchema.parse((await get(eve, `/api/history/${eves.items[0].id}`).expect(200)).body);
    expect(detail.chat).toEqual([expect.objectContaining({ authorId: null, authorName: 'Deleted user', text: 'hi from Dora' })]);
    const room = await get(eve, `/api/rooms/${roomId}`).expect(200);
    expect(room.body.participants).toEqual([
      { id: null, displayName: 'Deleted user' },
      { id: eve.id, displayName: 'Eve' },
    ]);
  });
});
