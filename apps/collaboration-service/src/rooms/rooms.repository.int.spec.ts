import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ConflictError } from '@peerprep/service-kit';
import { createTestDatabase, type TestDatabase } from '@peerprep/testing';
import { createPrismaClient, type PrismaClient } from '../db/prisma';
import { createRoomsRepository, type NewRoom, type RoomsRepository } from './rooms.repository';

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
      questionId: randomUUID(),
      language: 'python',
      participants: [
        { userId: randomUUID(), displayName: 'Alice' },
        { userId: randomUUID(), displayName: 'Bob' },
      ],
      ...overrides,
    };
  }

  it('creates an OPEN room with both participants and finds it by id', async () => {
    const input = newRoom();

    const created = await rooms.create(input);

    expect(created).toMatchObject({ matchId: input.matchId, questionId: input.questionId, language: 'python' });
    expect(created.status).toBe('OPEN');
    expect(created.closedAt).toBeNull();
    expect(created.participants.map(({ userId, displayName }) => ({ userId, displayName })).sort((a, b) =>
      a.displayName.localeCompare(b.displayName),
    )).toEqual(input.participants);
    expect(created.participants.every((participant) => participant.roomId === created.id)).toBe(true);
    expect(await rooms.findById(created.id)).toEqual(created);
  });

  it('creates a room before its question is chosen', async () => {
    const created = await rooms.create(newRoom({ questionId: null }));

    expect((await rooms.findById(created.id))?.questionId).toBeNull();
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
  });
});
