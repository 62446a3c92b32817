import type { AuthenticatedUser } from '@peerprep/auth';
import {
  roomQuestionSchema,
  type ChatMessage,
  type EventEnvelope,
  type MatchFoundPayload,
  type PickQuestionRequest,
  type Question,
  type QuestionRef,
  type RoomQuestion,
  type RoomView,
  type RoundIndex,
} from '@peerprep/contracts';
import { createEvent, type OutboxRelay } from '@peerprep/messaging';
import type * as Y from 'yjs';
import { ConflictError, ForbiddenError, NotFoundError, type Logger } from '@peerprep/service-kit';
import { initialDocumentUpdate, readRoomDocument, roundContent, type RoomDocumentContent } from '../documents/room-document';
import type { InterviewState } from '../interview/round-machine';
import { QuestionServiceUnavailableError, type QuestionPicker } from '../questions/question-picker';
import { toRoomView } from './room-views';
import type { Attempt } from '../generated/prisma/client';
import type { ClosingRound, RoomsRepository, RoomWithParticipants } from './rooms.repository';

/** A room's live document, held in memory while a session is ended. */
export interface HeldDocument {
  readonly doc: Y.Doc;
  /** When it was loaded (ms since the epoch). */
  readonly loadedAt: number;
  /** Connections to it on this replica. */
  readonly conns: { readonly size: number };
}

/**
 * What the rooms need of the live editor (collab/live-rooms.ts), injected by
 * app.ts: rooms/ and collab/ do not import each other.
 */
export interface LiveDocuments {
  /** Holds the room's document in memory (loading it if needed) until `release`. */
  acquire(roomId: string, options: { readOnly: boolean }): Promise<HeldDocument>;
  release(room: HeldDocument): void;
  /** Client writes dropped on every replica from now on, and `meta.endedBy` set. */
  endSession(room: HeldDocument, endedBy: string): void;
  /** Client writes dropped on every replica from now on (closed by the system). */
  markClosed(room: HeldDocument): void;
  /** Writes every pending change now. */
  flush(): Promise<void>;
  /** Rooms with a connection on this replica now, or edited here since the last call. */
  takeActiveRoomIds(): string[];
  hasConnections(roomId: string): boolean;
}

/**
 * What ending a session needs of a mock interview (interview/room-interviews.ts,
 * injected by app.ts).
 */
export interface SessionInterviews {
  /** Ends the running round with the session (before the room closes); the interview as it ended, or null for a pair room. */
  finish(room: RoomWithParticipants, by: string | null): Promise<InterviewState | null>;
  /** Whether round two started (its question may be shown). */
  secondRoundStarted(room: RoomWithParticipants): Promise<boolean>;
}

export interface RoomsServiceDeps {
  rooms: RoomsRepository;
  liveRooms: LiveDocuments;
  picker: QuestionPicker;
  /** Told after each commit that wrote events, so it publishes them now rather than at its next poll. */
  outbox: Pick<OutboxRelay, 'wake'>;
  logger: Logger;
  /** How long a replica that had to load a room waits for other replicas' state before ending it. */
  endSettleMs: number;
  /** Mock interviews' rounds; without it (tests of rooms alone) every room ends as pair practice does. */
  interviews?: SessionInterviews;
}

const refOf = (question: RoomQuestion): QuestionRef => ({ id: question.id, slug: question.slug, title: question.title, difficulty: question.difficulty });

/** Both rounds as the session ended with them: each round's code and language from its own part of the document. */
function closingRounds(room: RoomWithParticipants, interview: InterviewState, content: RoomDocumentContent): ClosingRound[] {
  const questions = [roomQuestionSchema.parse(room.question), roomQuestionSchema.parse(room.question2)];
  const firstLanguage = content.language ?? (room.language as RoomView['language']);
  return interview.rounds.map((round) => {
    const written = roundContent(content, round.index);
    return {
      index: round.index,
      question: refOf(questions[round.index - 1]),
      interviewerId: round.interviewerId,
      candidateId: round.candidateId,
      startedAt: round.startedAt === null ? null : new Date(round.startedAt),
      endedAt: round.endedAt === null ? null : new Date(round.endedAt),
      endReason: round.endReason,
      // Round two's language is round one's until the server opens its editor.
      language: written.language ?? firstLanguage,
      finalCode: written.code,
    };
  });
}

/**
 * The chat stays one stream; in the attempt each line names the round it was
 * written in, from the server's own stamp (`sentAt`) and round two's start
 * (lines before round one count as round one's).
 */
function chatWithRounds(chat: ChatMessage[], interview: InterviewState): ChatMessage[] {
  const secondStartedAt = interview.rounds[1]?.startedAt ?? null;
  return chat.map((line) => ({
    ...line,
    round: secondStartedAt !== null && Date.parse(line.sentAt) >= secondStartedAt ? 2 : 1,
  }));
}

/**
 * The picks that give a mock interview its second question, in order of
 * preference: the match's criteria and fresh for both peers, then one of
 * them had, then any difficulty of the topics (fresh, then had). Never the
 * first question again.
 */
function secondQuestionRequests(criteria: PickQuestionRequest, seen: string[], firstId: string): { request: PickQuestionRequest; fresh: boolean }[] {
  const topics = { topics: criteria.topics };
  const requests = [
    { request: { ...criteria, excludeIds: [...seen, firstId] }, fresh: true },
    { request: { ...criteria, excludeIds: [firstId] }, fresh: false },
    { request: { ...topics, excludeIds: [...seen, firstId] }, fresh: true },
    { request: { ...topics, excludeIds: [firstId] }, fresh: false },
  ];
  // Without seen questions the "had" picks ask the same as the fresh ones.
  return seen.length > 0 ? requests : requests.filter((pick) => pick.fresh);
}

export type RoomsService = ReturnType<typeof createRoomsService>;

/** Opening rooms for matches, showing them to their participants, and ending sessions. */
export function createRoomsService({ rooms, liveRooms, picker, outbox, logger, endSettleMs, interviews }: RoomsServiceDeps) {
  /** Events are committed to the outbox with the change they announce; the relay publishes them. */
  function roomCreated(room: RoomWithParticipants, questionIsFresh: boolean): EventEnvelope[] {
    const [first, second] = room.participants;
    // A redelivery after one of them deleted their account: nobody is left to tell.
    if (!first.userId || !second.userId) return [];
    const event = createEvent('room.created', {
      roomId: room.id,
      matchId: room.matchId,
      users: [
        { userId: first.userId, displayName: first.displayName },
        { userId: second.userId, displayName: second.displayName },
      ],
      questionId: room.questionId,
      language: room.language as RoomView['language'],
      questionIsFresh,
      createdAt: room.createdAt.toISOString(),
    });
    return [event];
  }

  async function commitAlone(events: EventEnvelope[]): Promise<void> {
    await rooms.commitEvents(events);
    outbox.wake();
  }

  async function fail(match: MatchFoundPayload, reason: 'no_question' | 'question_service_unavailable', message: string) {
    logger.warn({ matchId: match.matchId, reason }, 'no room for a match');
    const event = createEvent('room.failed', {
      matchId: match.matchId,
      users: [
        { userId: match.users[0].userId, displayName: match.users[0].displayName },
        { userId: match.users[1].userId, displayName: match.users[1].displayName },
      ],
      reason,
      message,
      failedAt: new Date().toISOString(),
    });
    await commitAlone([event]);
  }

  function roomClosed(room: RoomWithParticipants, attempts: Attempt[], closedBy: string | null, closedAt: Date): EventEnvelope[] {
    const userIds = room.participants.map((participant) => participant.userId).filter((id): id is string => id !== null);
    // A room both users left by deleting their accounts closes with nobody to tell (the event needs a user).
    const closed =
      userIds.length === 0
        ? []
        : [createEvent('room.closed', { roomId: room.id, matchId: room.matchId, userIds, closedBy, closedAt: closedAt.toISOString() })];
    return [
      ...closed,
      ...attempts.map((attempt) =>
        createEvent('attempt.saved', {
        attemptId: attempt.id,
        roomId: room.id,
        userId: attempt.userId,
        partnerId: attempt.partnerId,
        questionId: attempt.questionId,
        language: attempt.language as RoomView['language'],
        startedAt: attempt.startedAt.toISOString(),
          endedAt: attempt.endedAt.toISOString(),
          durationSeconds: attempt.durationSeconds,
        }),
      ),
    ];
  }

  /**
   * Ends a session: the final code and chat are read from the live document,
   * the room closes and the attempts are saved in one transaction, then every
   * client is told (through the document) and the events go out. Null when
   * the room was closed meanwhile (by the other user, or another replica).
   */
  /**
   * Holds the room's live document for `use`. One this replica has just loaded
   * and nobody here is connected to waits `endSettleMs` first, for the other
   * replicas' answers to its sync request (edits not yet in Postgres).
   */
  async function withSettledDocument<T>(roomId: string, use: (live: HeldDocument) => Promise<T>): Promise<T> {
    const live = await liveRooms.acquire(roomId, { readOnly: false });
    try {
      const waited = Date.now() - live.loadedAt;
      if (live.conns.size === 0 && waited < endSettleMs) await new Promise((resolve) => setTimeout(resolve, endSettleMs - waited));
      return await use(live);
    } finally {
      liveRooms.release(live);
    }
  }

  async function close(room: RoomWithParticipants, closedBy: string | null): Promise<RoomWithParticipants | null> {
    return withSettledDocument(room.id, async (live) => {
      // A mock interview's running round ends with the session first: the attempts keep the rounds as they ended.
      const interview = (await interviews?.finish(room, closedBy)) ?? null;
      const content = readRoomDocument(live.doc);
      const closedAt = new Date();
      const closed = await rooms.close(
        {
          roomId: room.id,
          closedBy,
          closedAt,
          language: content.language ?? (room.language as RoomView['language']),
          finalCode: content.code,
          chat: interview ? chatWithRounds(content.chat, interview) : content.chat,
          ...(interview ? { rounds: closingRounds(room, interview, content) } : {}),
        },
        (closedRoom, attempts) => roomClosed(closedRoom, attempts, closedBy, closedAt),
      );
      if (!closed) return null;
      outbox.wake();
      if (closedBy) liveRooms.endSession(live, closedBy);
      else liveRooms.markClosed(live);
      await liveRooms.flush();
      return closed.room;
    });
  }

  /** A participant's view of the room, or the error the routes turn into 404/403. */
  async function participantRoom(user: AuthenticatedUser, roomId: string): Promise<RoomWithParticipants> {
    const room = await rooms.findById(roomId);
    if (!room) throw new NotFoundError('No such room');
    if (!room.participants.some((participant) => participant.userId === user.id)) {
      throw new ForbiddenError('Only the two participants can open this room');
    }
    return room;
  }

  /** The room's view, with a mock interview's second question once round two started. */
  async function roomView(room: RoomWithParticipants): Promise<RoomView> {
    return toRoomView(room, (await interviews?.secondRoundStarted(room)) ?? false);
  }

  /** Picks the room's question (and a mock interview's second), preferring questions neither user had; null when the bank has too few. */
  async function pickQuestions(match: MatchFoundPayload): Promise<{ questions: Question[]; fresh: boolean } | null> {
    const userIds = match.users.map((user) => user.userId);
    const criteria = { difficulty: match.difficulty, topics: match.topics };
    const seen = await rooms.questionIdsSeenBy(userIds);
    let fresh = true;
    let first = await picker.pick({ ...criteria, excludeIds: seen });
    if (!first && seen.length > 0) {
      first = await picker.pick({ ...criteria, excludeIds: [] });
      fresh = false;
    }
    if (!first) return null;
    if (match.mode !== 'interview') return { questions: [first], fresh };
    for (const { request, fresh: secondFresh } of secondQuestionRequests({ ...criteria, excludeIds: [] }, seen, first.id)) {
      const second = await picker.pick(request);
      if (second && second.id !== first.id) return { questions: [first, second], fresh: fresh && secondFresh };
    }
    return null;
  }

  return {
    participantRoom,

    /**
     * The room's code and language as they are now in the live document (what
     * a Run runs): a mock interview's `round` reads that round's own code and
     * language (round one's are the room's).
     */
    liveCode: (room: RoomWithParticipants, round: RoundIndex = 1): Promise<{ code: string; language: RoomView['language'] }> =>
      withSettledDocument(room.id, async (live) => {
        const content = readRoomDocument(live.doc);
        const written = roundContent(content, round);
        return { code: written.code, language: written.language ?? content.language ?? (room.language as RoomView['language']) };
      }),

    /**
     * `match.found`: picks a question neither user has had (else one they
     * have, else "no question"), opens the room with its first document, and
     * announces it. A redelivered event announces the existing room again.
     */
    async openRoom(match: MatchFoundPayload): Promise<void> {
      const existing = await rooms.findByMatchId(match.matchId);
      if (existing) {
        await commitAlone(roomCreated(existing, true));
        return;
      }
      let picked;
      try {
        picked = await pickQuestions(match);
      } catch (error) {
        if (!(error instanceof QuestionServiceUnavailableError)) throw error;
        await fail(match, 'question_service_unavailable', 'Questions could not be loaded right now. Please try matching again.');
        return;
      }
      if (!picked) {
        const message =
          match.mode === 'interview'
            ? `A mock interview needs two questions, and fewer cover ${match.topics.join(', ')} yet. Try other topics, or pair practice.`
            : `No ${match.difficulty} question covers ${match.topics.join(', ')} yet. Try other topics.`;
        await fail(match, 'no_question', message);
        return;
      }
      const [question, second] = picked.questions;
      const questionIsFresh = picked.fresh;
      try {
        await rooms.create(
          {
            matchId: match.matchId,
            question: roomQuestionSchema.parse(question),
            question2: second ? roomQuestionSchema.parse(second) : null,
            language: match.language,
            mode: match.mode,
            minutes: match.minutes,
            participants: match.users.map((user) => ({ userId: user.userId, displayName: user.displayName })),
            initialDocument: initialDocumentUpdate(match.language, question.starterCode[match.language], { interview: second !== undefined }),
          },
          (created) => roomCreated(created, questionIsFresh),
        );
        outbox.wake();
      } catch (error) {
        // A concurrent delivery of the same event created it first.
        const raced = error instanceof ConflictError ? await rooms.findByMatchId(match.matchId) : null;
        if (!raced) throw error;
        await commitAlone(roomCreated(raced, questionIsFresh));
      }
    },

    async getRoom(user: AuthenticatedUser, roomId: string): Promise<RoomView> {
      return roomView(await participantRoom(user, roomId));
    },

    /**
     * Ends the session: the final code and chat are read from the live
     * document, the room closes and both attempts are saved in one
     * transaction, then every client is told (through the document) and the
     * events go out.
     */
    async endRoom(user: AuthenticatedUser, roomId: string): Promise<RoomView> {
      const room = await participantRoom(user, roomId);
      // Closed before, or by the other user while this request read the document.
      const closed = room.status === 'OPEN' ? await close(room, user.id) : null;
      if (!closed) throw new ConflictError('The session has already ended', [{ field: 'id', message: 'This room is closed' }]);
      return roomView(closed);
    },

    /**
     * A mock interview is over (round two ended by its time or its
     * interviewer): the system ends the session as the idle sweep does
     * (`closedBy` null), attempts saved, both clients shown the ended room.
     * Nothing when it was closed already.
     */
    async closeFinishedInterview(roomId: string): Promise<void> {
      const room = await rooms.findById(roomId);
      if (room?.status === 'OPEN') await close(room, null);
    },

    /**
     * Records this replica's activity, then closes open rooms nobody used
     * for `idleMs` (on any replica): an abandoned session still ends, its
     * attempts are saved, and matching lets both users ask again.
     */
    async closeIdleRooms(idleMs: number, now = new Date()): Promise<number> {
      await rooms.touch(liveRooms.takeActiveRoomIds(), now);
      let closedCount = 0;
      for (const room of await rooms.idleOpenRooms(new Date(now.getTime() - idleMs), 20)) {
        if (liveRooms.hasConnections(room.id)) continue;
        // One room that cannot close must not keep the others (the oldest first) open for good.
        try {
          if (await close(room, null)) closedCount += 1;
        } catch (error) {
          logger.error({ err: error, roomId: room.id }, 'an idle room could not be closed');
        }
      }
      return closedCount;
    },

    anonymiseUser: (userId: string) => rooms.anonymiseUser(userId),
  };
}
