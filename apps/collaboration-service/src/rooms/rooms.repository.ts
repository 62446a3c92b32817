import { ConflictError, uniqueViolationFields } from '@peerprep/service-kit';
import type { PrismaClient } from '../db/prisma';
import type { Room, RoomParticipant, RoomStatus } from '../generated/prisma/client';

export type { RoomParticipant, RoomStatus };

export interface RoomWithParticipants extends Room {
  participants: RoomParticipant[];
}

export interface NewRoom {
  matchId: string;
  questionId?: string | null;
  language: string;
  participants: { userId: string; displayName: string }[];
}

const withParticipants = { participants: { orderBy: { joinedAt: 'asc' } } } as const;

/** The only code that reads or writes rooms and their participants. */
export function createRoomsRepository(prisma: PrismaClient) {
  return {
    /**
     * Creates the room and its participants in one statement. A second room
     * for the same match is a ConflictError naming `matchId` (a redelivered
     * match event must not open two rooms).
     */
    async create({ participants, ...room }: NewRoom): Promise<RoomWithParticipants> {
      try {
        return await prisma.room.create({
          data: { ...room, participants: { create: participants } },
          include: withParticipants,
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

    findById(id: string): Promise<RoomWithParticipants | null> {
      return prisma.room.findUnique({ where: { id }, include: withParticipants });
    },
  };
}

export type RoomsRepository = ReturnType<typeof createRoomsRepository>;
