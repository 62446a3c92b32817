import { randomUUID } from 'node:crypto';
import { roomViewSchema } from '@peerprep/contracts';
import { waitFor } from '@peerprep/testing';
import request from 'supertest';
import * as Y from 'yjs';
import { CollabHarness, testQuestion, type CollabInstance, type TestUser } from '../../test/collab-harness';

describe('rooms: opened for matches, shown to participants only', () => {
  let harness: CollabHarness;
  let service: CollabInstance;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    harness = await CollabHarness.start('collab_rooms');
    service = await harness.startInstance();
  });

  beforeEach(async () => {
    harness.questions = [testQuestion()];
    alice = await harness.user('Alice');
    bob = await harness.user('Bob');
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const getRoom = (user: TestUser, id: string) =>
    request(service.url).get(`/api/rooms/${id}`).set('authorization', `Bearer ${user.token}`);

  it('opens a room for match.found with a fitting question and its starter code, and announces it', async () => {
    // As the picker answers a service: hidden test cases and the interviewer material included.
    const question = testQuestion({
      difficulty: 'MEDIUM',
      topics: [{ slug: 'graphs', name: 'Graphs' }],
      testCases: [{ args: [1, 2], expected: 3, hidden: true }],
      hints: ['Add them.'],
      referenceSolutions: { java: 'class Solution {\n  int solve(int a, int b) { return a + b; }\n}\n' },
      rubric: [{ id: 'arithmetic', title: 'Adds correctly', description: 'Gets 3 for 1 and 2.' }],
    });
    harness.questions = [question];

    const created = await harness.openRoom([alice, bob], { difficulty: 'MEDIUM', topics: ['graphs'], language: 'java' });

    expect(created).toMatchObject({
      questionId: question.id,
      language: 'java',
      questionIsFresh: true,
      users: [
        { userId: alice.id, displayName: 'Alice' },
        { userId: bob.id, displayName: 'Bob' },
      ],
    });
    const body = (await getRoom(bob, created.roomId).expect(200)).body;
    // None of them is shown to the pair nor kept with the room (an interviewer's pane asks question-service itself).
    for (const field of ['testCases', 'hints', 'referenceSolutions', 'rubric']) expect(Object.keys(body.question)).not.toContain(field);
    const room = await harness.prisma.room.findUniqueOrThrow({ where: { id: created.roomId } });
    expect(JSON.stringify(room.question)).not.toMatch(/referenceSolutions|testCases|hints|rubric|Add them|Adds correctly/);
    const view = roomViewSchema.parse(body);
    expect(view).toMatchObject({
      id: created.roomId,
      status: 'OPEN',
      language: 'java',
      closedAt: null,
      closedBy: null,
      participants: [
        { id: alice.id, displayName: 'Alice' },
        { id: bob.id, displayName: 'Bob' },
      ],
      question: { id: question.id, title: question.title, starterCode: question.starterCode },
    });
    expect(view.question).not.toHaveProperty('testCases');

    const stored = await harness.prisma.roomDocument.findUniqueOrThrow({ where: { roomId: created.roomId } });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.snapshot);
    expect(doc.getText('code').toString()).toBe(question.starterCode.java);
    expect(doc.getMap('meta').get('language')).toBe('java');
  });

  it('keeps the mode and length agreed at match time with the room and shows them', async () => {
    // A mock interview takes two questions.
    harness.questions = [testQuestion(), testQuestion()];
    const interview = await harness.openRoom([alice, bob], { mode: 'interview', minutes: 30 });
    expect((await getRoom(alice, interview.roomId).expect(200)).body).toMatchObject({ mode: 'interview', minutes: 30 });

    const carol = await harness.user('Carol');
    const practice = await harness.openRoom([carol, bob], { mode: 'pair', minutes: 60 });
    expect((await getRoom(carol, practice.roomId).expect(200)).body).toMatchObject({ mode: 'pair', minutes: 60 });
  });

  it('opens a match.found written before modes existed as 45 minutes of pair practice', async () => {
    const { mode: _mode, minutes: _minutes, ...before } = harness.matchFound([alice, bob]);
    const users = before.users.map(({ criteria: { mode: _m, minutes: _n, ...criteria }, ...user }) => ({ ...user, criteria }));
    // The envelope as the previous version of matching wrote it (publish() would parse in the defaults).
    await harness.events.publishEnvelope({
      id: before.matchId,
      type: 'match.found',
      version: 1,
      occurredAt: before.matchedAt,
      payload: { ...before, users },
    });
    await waitFor(() => harness.created.some((room) => room.matchId === before.matchId), 15_000, 'room.created');
    const created = harness.created.find((room) => room.matchId === before.matchId);
    expect((await getRoom(alice, created?.roomId ?? '').expect(200)).body).toMatchObject({ mode: 'pair', minutes: 45 });
  });

  it('answers 401 without a token, 403 to a stranger, 404 for an unknown room and 400 for a malformed id', async () => {
    const { roomId } = await harness.openRoom([alice, bob]);
    const stranger = await harness.user('Mallory');

    await request(service.url).get(`/api/rooms/${roomId}`).expect(401);
    const forbidden = await getRoom(stranger, roomId).expect(403);
    expect(forbidden.headers['content-type']).toContain('application/problem+json');
    await getRoom(alice, randomUUID()).expect(404);
    const malformed = await getRoom(alice, 'not-a-room').expect(400);
    expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'id', location: 'params' })]);
  });

  it('avoids questions either user already had, falls back to one they had, and then says there is none', async () => {
    const [first, second] = [testQuestion(), testQuestion()];
    harness.questions = [first, second];
    const one = await harness.openRoom([alice, bob]);
    expect(one.questionId).toBe(first.id);

    const carol = await harness.user('Carol');
    const two = await harness.openRoom([carol, alice]);
    expect(two).toMatchObject({ questionId: second.id, questionIsFresh: true });

    const three = await harness.openRoom([bob, carol]);
    expect(three).toMatchObject({ questionIsFresh: false });

    harness.questions = [];
    const match = harness.matchFound([alice, bob], { topics: ['nothing-here'] });
    await harness.events.publish('match.found', match);
    await waitFor(() => harness.failed.some((f) => f.matchId === match.matchId), 10_000, 'room.failed');
    expect(harness.failed.find((f) => f.matchId === match.matchId)).toMatchObject({
      reason: 'no_question',
      users: [{ userId: alice.id }, { userId: bob.id }],
      message: expect.stringContaining('nothing-here'),
    });
    expect(await harness.prisma.room.count({ where: { matchId: match.matchId } })).toBe(0);
  });

  it('tells both users when question-service is down instead of leaving them waiting', async () => {
    harness.pickerDown = true;
    try {
      const match = harness.matchFound([alice, bob]);
      await harness.events.publish('match.found', match);
      await waitFor(() => harness.failed.some((f) => f.matchId === match.matchId), 15_000, 'room.failed');
      expect(harness.failed.find((f) => f.matchId === match.matchId)?.reason).toBe('question_service_unavailable');
    } finally {
      harness.pickerDown = false;
    }
  });

  it('opens one room for a redelivered match and announces that same room again', async () => {
    harness.questions = [testQuestion()];
    const match = harness.matchFound([alice, bob]);
    await harness.events.publish('match.found', match);
    await harness.events.publish('match.found', match);

    await waitFor(() => harness.created.filter((r) => r.matchId === match.matchId).length === 2, 10_000, 'two announcements');
    const announced = harness.created.filter((r) => r.matchId === match.matchId);
    expect(new Set(announced.map((r) => r.roomId)).size).toBe(1);
    expect(await harness.prisma.room.count({ where: { matchId: match.matchId } })).toBe(1);
  });
});
