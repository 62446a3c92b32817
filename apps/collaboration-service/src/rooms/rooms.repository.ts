import { randomUUID } from 'node:crypto';
import {
  attemptRoundSchema,
  type ChatMessage,
  type EventEnvelope,
  type Language,
  type QuestionRef,
  type RoomQuestion,
  type RoundEndReason,
  type RoundIndex,
  type SessionLength,
  type SessionMode,
} from '@peerprep/contracts';
import { outboxRow } from '@peerprep/messaging';
import { ConflictError, uniqueViolationFields } from '@peerprep/service-kit';
import { z } from 'zod';
import type { PrismaClient } from '../db/prisma';
import type { Attempt, Prisma, Room, RoomParticipant, RoomStatus } from '../generated/prisma/client';

export type { RoomParticipant, RoomStatus };

/** How a user who deleted their account is named in rooms and history. */
export const DELETED_USER_NAME = 'Deleted user';

export interface RoomWithParticipants extends Room {
  /** In `position` order. */
  participants: RoomParticipant[];
}

export interface NewRoom {
  matchId: string;
  question: RoomQuestion;
  /** A mock interview's second question (round two's); absent or null in pair practice. */
  question2?: RoomQuestion | null;
  language: Language;
  /** Agreed at match time (match.found). */
  mode: SessionMode;
  minutes: SessionLength;
  /** In order: the first gets position 0. */
  participants: { userId: string; displayName: string }[];
  /** The document's first state (see initialDocumentUpdate). */
  initialDocument: Uint8Array;
}

/** One round of a mock interview as the session ended with it: who asked and answered, when, and its code. */
export interface ClosingRound {
  index: RoundIndex;
  question: QuestionRef;
  interviewerId: string;
  candidateId: string;
  startedAt: Date | null;
  endedAt: Date | null;
  endReason: RoundEndReason | null;
  language: Language;
  finalCode: string;
}

/** A round as an attempt keeps it (attempts.rounds): the attempt's owner's role rather than both ids, so deleting the partner leaves nothing to rewrite. */
export const savedRoundSchema = attemptRoundSchema.omit({ runs: true });
export type SavedRound = z.infer<typeof savedRoundSchema>;

export interface ClosingRoom {
  roomId: string;
  closedBy: string | null;
  closedAt: Date;
  language: Language;
  finalCode: string;
  chat: ChatMessage[];
  /** A mock interview's rounds (both: a round two that never started too); absent in pair practice. */
  rounds?: ClosingRound[];
}

const withParticipants = { participants: { orderBy: { position: 'asc' } } } as const;

/** Writes events to the outbox in the transaction of `tx` (the change they announce). */
async function commitEvents(tx: Prisma.TransactionClient, events: EventEnvelope[]): Promise<void> {
  if (events.length > 0) await tx.outboxEvent.createMany({ data: events.map(outboxRow) });
}

/** The only code that reads or writes rooms, their participants and their attempts. */
export function createRoomsRepository(prisma: PrismaClient) {
  return {
    /**
     * Creates the room, its participants and its document in one
     * transaction. A second room for the same match is a ConflictError naming
     * `matchId` (a redelivered match event must not open two rooms). The
     * events `announce` gives for the new room are committed with it.
     */
    async create(
      { participants, initialDocument, question, question2, ...room }: NewRoom,
      announce: (room: RoomWithParticipants) => EventEnvelope[] = () => [],
    ): Promise<RoomWithParticipants> {
      try {
        return await prisma.$transaction(async (tx) => {
          const created = await tx.room.create({
            data: {
              ...room,
              questionId: question.id,
              question: question as unknown as Prisma.InputJsonValue,
              ...(question2 ? { question2Id: question2.id, question2: question2 as unknown as Prisma.InputJsonValue } : {}),
              participants: { create: participants.map((participant, position) => ({ ...participant, position })) },
              document: { create: { snapshot: new Uint8Array(initialDocument) } },
            },
            include: withParticipants,
          });
          await commitEvents(tx, announce(created));
          return created;
        });
      } catch (error) {
        const fields = uniqueViolationFields(error);
        if (!fields) throw error;
        throw new ConflictError(
          'The room could not be created',
          fields.includes('match_id') || fields.includes('matchId')
            ? [{ field: 'matchId', message: 'A room already exists for this match' }]
            : [{ field: 'participants', message: 'A user is listed twice' }],
        );
      }
    },

    /** Events that announce no change of this service's (a re-announced room, a room that could not be opened). */
    async commitEvents(events: EventEnvelope[]): Promise<void> {
      await commitEvents(prisma, events);
    },

    findById(id: string): Promise<RoomWithParticipants | null> {
      return prisma.room.findUnique({ where: { id }, include: withParticipants });
    },

    findByMatchId(matchId: string): Promise<RoomWithParticipants | null> {
      return prisma.room.findUnique({ where: { matchId }, include: withParticipants });
    },

    /** Questions any of these users already had in a room (the picker avoids them). */
    async questionIdsSeenBy(userIds: string[]): Promise<string[]> {
      const rows = await prisma.room.findMany({
        where: { participants: { some: { userId: { in: userIds } } } },
        select: { questionId: true },
        distinct: ['questionId'],
      });
      return rows.map((row) => row.questionId);
    },

    /** Records activity (edits, open connections) in open rooms. */
    async touch(roomIds: string[], at: Date): Promise<void> {
      if (roomIds.length === 0) return;
      await prisma.room.updateMany({ where: { id: { in: roomIds }, status: 'OPEN' }, data: { lastActiveAt: at } });
    },

    /** Open rooms with no recorded activity since `before`, oldest first. */
    async idleOpenRooms(before: Date, limit: number): Promise<RoomWithParticipants[]> {
      return prisma.room.findMany({
        where: { status: 'OPEN', lastActiveAt: { lt: before } },
        orderBy: { lastActiveAt: 'asc' },
        take: limit,
        include: withParticipants,
      });
    },

    /**
     * Closes an open room and saves one attempt per remaining participant, in
     * one transaction. Null (and nothing written) when the room was no longer
     * open: someone else ended it first. The events `announce` gives for the
     * closed room and its attempts are committed with them.
     */
    async close(
      closing: ClosingRoom,
      announce: (room: RoomWithParticipants, attempts: Attempt[]) => EventEnvelope[] = () => [],
    ): Promise<{ room: RoomWithParticipants; attempts: Attempt[] } | null> {
      return prisma.$transaction(async (tx) => {
        const claimed = await tx.room.updateMany({
          where: { id: closing.roomId, status: 'OPEN' },
          data: { status: 'CLOSED', closedAt: closing.closedAt, closedBy: closing.closedBy, language: closing.language },
        });
        if (claimed.count === 0) return null;
        const room = await tx.room.findUniqueOrThrow({ where: { id: closing.roomId }, include: withParticipants });
        const question = room.question as unknown as RoomQuestion;
        const ref: QuestionRef = { id: question.id, slug: question.slug, title: question.title, difficulty: question.difficulty };
        const durationSeconds = Math.max(0, Math.floor((closing.closedAt.getTime() - room.createdAt.getTime()) / 1000));
        const attempts = room.participants.flatMap((participant) => {
          if (!participant.userId) return [];
          const partner = room.participants.find((other) => other.id !== participant.id);
          const rounds: SavedRound[] | undefined = closing.rounds?.map((round) => ({
            index: round.index,
            question: round.question,
            role: round.interviewerId === participant.userId ? 'interviewer' : 'candidate',
            startedAt: round.startedAt?.toISOString() ?? null,
            endedAt: round.endedAt?.toISOString() ?? null,
            endReason: round.endReason,
            language: round.language,
            finalCode: round.finalCode,
          }));
          return [
            {
              id: randomUUID(),
              roomId: room.id,
              userId: participant.userId,
              partnerId: partner?.userId ?? null,
              partnerName: partner?.displayName ?? DELETED_USER_NAME,
              questionId: room.questionId,
              question: ref as unknown as Prisma.InputJsonValue,
              language: closing.language,
              finalCode: closing.finalCode,
              chat: closing.chat as unknown as Prisma.InputJsonValue,
              startedAt: room.createdAt,
              endedAt: closing.closedAt,
              durationSeconds,
              mode: room.mode,
              ...(rounds ? { rounds: rounds as unknown as Prisma.InputJsonValue } : {}),
            },
          ];
        });
        await tx.attempt.createMany({ data: attempts });
        const saved = await tx.attempt.findMany({ where: { roomId: room.id } });
        await commitEvents(tx, announce(room, saved));
        return { room, attempts: saved };
      });
    },

    /**
     * A deleted account: their own attempts go, and they become an anonymous
     * participant, partner and chat author everywhere else.
     */
    async anonymiseUser(userId: string): Promise<void> {
      await prisma.$transaction(async (tx) => {
        const partnered = await tx.attempt.findMany({ where: { partnerId: userId }, select: { id: true, chat: true } });
        for (const attempt of partnered) {
          const chat = (attempt.chat as unknown as ChatMessage[]).map((message) =>
            message.authorId === userId ? { ...message, authorId: null, authorName: DELETED_USER_NAME } : message,
          );
          await tx.attempt.update({
            where: { id: attempt.id },
            data: { partnerId: null, partnerName: DELETED_USER_NAME, chat: chat as unknown as Prisma.InputJsonValue },
          });
        }
        await tx.attempt.deleteMany({ where: { userId } });
        await tx.room.updateMany({ where: { closedBy: userId }, data: { closedBy: null } });
        await tx.roomParticipant.updateMany({ where: { userId }, data: { userId: null, displayName: DELETED_USER_NAME } });
        // Their practice runs go with their history; runs in rooms stay for the partner, anonymous.
        await tx.run.deleteMany({ where: { userId, roomId: null } });
        await tx.run.updateMany({ where: { userId }, data: { userId: null, userName: DELETED_USER_NAME, activeUserId: null } });
      });
    },
  };
}

export type RoomsRepository = ReturnType<typeof createRoomsRepository>;
