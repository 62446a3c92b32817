import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { roomQuestionSchema } from '@peerprep/contracts';
import { ConflictError } from '@peerprep/service-kit';
import { createTestDatabase, type TestDatabase } from '@peerprep/testing';
import { testQuestion } from '../../test/collab-harness';
import { createPrismaClient, type PrismaClient } from '../db/prisma';
import { initialDocumentUpdate } from '../documents/room-document';
import { createRoomsRepository, DELETED_USER_NAME, type NewRoom, type RoomsRepository } from './rooms.repository';

const migrationsDir = path.join(__dirname, '../../prisma/migrations');

describe('rooms repository (real Postgres)', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let rooms: RoomsRepository;

  beforeAll(async () => {
    db = await createTestDatabase({ migrationsDir, label: 'rooms_repo' });
    prisma = createPrismaClient(db.url);
    rooms = createRoomsRepository(prisma);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  function newRoom(overrides: Partial<NewRoom> = {}): NewRoom {
    return {
      matchId: randomUUID(),
      question: roomQuestionSchema.parse(testQuestion()),
      language: 'python',
      mode: 'interview',
      minutes: 45,
      participants: [
        { userId: randomUUID(), displayName: 'Alice' },
        { userId: randomUUID(), displayName: 'Bob' },
      ],
      initialDocument: initialDocumentUpdate('python', 'pass\n'),
      ...overrides,
    };
  }

  it('creates an OPEN room with both participants in order and its first document', async () => {
    const input = newRoom();

    const created = await rooms.create(input);

    expect(created).toMatchObject({ matchId: input.matchId, questionId: input.question.id, language: 'python', status: 'OPEN' });
    expect(created.closedAt).toBeNull();
    expect(created.participants.map(({ userId, displayName, position }) => ({ userId, displayName, position }))).toEqual([
      { ...input.participants[0], position: 0 },
      { ...input.participants[1], position: 1 },
    ]);
    expect(await rooms.findById(created.id)).toEqual(created);
    expect(await rooms.findByMatchId(input.matchId)).toEqual(created);
    const document = await prisma.roomDocument.findUniqueOrThrow({ where: { roomId: created.id } });
    expect(Buffer.from(document.snapshot)).toEqual(Buffer.from(input.initialDocument));
  });

  it('finds no room for an unknown id', async () => {
    expect(await rooms.findById(randomUUID())).toBeNull();
  });

  it('refuses a second room for the same match with a conflict naming matchId', async () => {
    const first = await rooms.create(newRoom());

    const attempt = rooms.create(newRoom({ matchId: first.matchId }));

    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ fields: [{ field: 'matchId' }] });
  });

  it('refuses the same user twice in one room and leaves no half-created room', async () => {
    const userId = randomUUID();
    const input = newRoom({
      participants: [
        { userId, displayName: 'Alice' },
        { userId, displayName: 'Alice again' },
      ],
    });

    await expect(rooms.create(input)).rejects.toMatchObject({ name: 'ConflictError', fields: [{ field: 'participants' }] });
    expect(await prisma.room.count({ where: { matchId: input.matchId } })).toBe(0);
    expect(await prisma.roomDocument.count()).toBe(await prisma.room.count());
  });

  it('lists the questions users already had', async () => {
    const room = await rooms.create(newRoom());
    const [alice] = room.participants;

    expect(await rooms.questionIdsSeenBy([alice.userId as string, randomUUID()])).toEqual([room.questionId]);
    expect(await rooms.questionIdsSeenBy([randomUUID()])).toEqual([]);
  });

  it('closes an open room once, saving an attempt for each participant in the same transaction', async () => {
    const room = await rooms.create(newRoom());
    const closedAt = new Date(room.createdAt.getTime() + 90_500);
    const chat = [{ id: 'm1', authorId: room.participants[0].userId, authorName: 'Alice', text: 'hi', sentAt: closedAt.toISOString() }];

    const closed = await rooms.close({ roomId: room.id, closedBy: room.participants[1].userId, closedAt, language: 'java', finalCode: 'x', chat });

    expect(closed?.room).toMatchObject({ status: 'CLOSED', closedAt, closedBy: room.participants[1].userId, language: 'java' });
    expect(closed?.attempts).toHaveLength(2);
    for (const attempt of closed?.attempts ?? []) {
      expect(attempt).toMatchObject({ finalCode: 'x', language: 'java', durationSeconds: 90, chat, endedAt: closedAt, startedAt: room.createdAt });
      expect(attempt.partnerId).not.toBe(attempt.userId);
    }
    expect(await rooms.close({ roomId: room.id, closedBy: null, closedAt, language: 'java', finalCode: 'y', chat: [] })).toBeNull();
    expect(await prisma.attempt.count({ where: { roomId: room.id } })).toBe(2);
  });

  it('anonymises a deleted user: their attempts go, they are anonymous as participant, partner, closer and chat author', async () => {
    const room = await rooms.create(newRoom());
    const [alice, bob] = room.participants.map((participant) => participant.userId as string);
    const chat = [
      { id: 'm1', authorId: alice, authorName: 'Alice', text: 'hi', sentAt: new Date().toISOString() },
      { id: 'm2', authorId: bob, authorName: 'Bob', text: 'hello', sentAt: new Date().toISOString() },
    ];
    await rooms.close({ roomId: room.id, closedBy: alice, closedAt: new Date(), language: 'python', finalCode: '', chat });

    await rooms.anonymiseUser(alice);

    const after = await rooms.findById(room.id);
    expect(after?.closedBy).toBeNull();
    expect(after?.participants.map((p) => [p.userId, p.displayName])).toEqual([
      [null, DELETED_USER_NAME],
      [bob, 'Bob'],
    ]);
    const attempts = await prisma.attempt.findMany({ where: { roomId: room.id } });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ userId: bob, partnerId: null, partnerName: DELETED_USER_NAME });
    expect(attempts[0].chat).toEqual([
      { ...chat[0], authorId: null, authorName: DELETED_USER_NAME },
      chat[1],
    ]);
  });
});
