import type { AuthenticatedUser } from '@peerprep/auth';
import {
  INTERVIEW_WARNING_SECONDS,
  roomQuestionSchema,
  type InterviewView,
  type Language,
  type RoomInterviewResponse,
  type RoundIndex,
} from '@peerprep/contracts';
import { ConflictError, NotFoundError, type Logger } from '@peerprep/service-kit';
import type * as Y from 'yjs';
import { openRoundTwo, setWritableRound, writableRound } from '../documents/room-document';
import type { InterviewSetup } from './interview-rounds.repository';
import type { AppliedTransition, InterviewRounds } from './interview-rounds.service';
import { toInterviewView } from './interview-view';
import type { InterviewState } from './round-machine';
import { createRoundScheduler } from './round-scheduler';

/** What the interview needs of a room (rooms.repository's RoomWithParticipants is one). */
export interface InterviewRoom {
  id: string;
  mode: string;
  minutes: number;
  status: 'OPEN' | 'CLOSED';
  /** The language the room opened with: round two's when round one's document holds none. */
  language: string;
  questionId: string;
  question2Id: string | null;
  /** Round two's question (RoomQuestion JSON): its starter code opens round two's editor. */
  question2: unknown;
  /** In position order; a user id is null once that user deleted their account. */
  participants: { userId: string | null }[];
}

/** A room's live document held in memory (collab/live-rooms.ts's LiveRoom is one). */
export interface HeldInterviewDocument {
  readonly doc: Y.Doc;
}

/** What the interview needs of the live editor (collab/live-rooms.ts, injected by app.ts). */
export interface InterviewDocuments {
  acquire(roomId: string, options: { readOnly: boolean }): Promise<HeldInterviewDocument>;
  release(room: HeldInterviewDocument): void;
  /** The server's own change to the document, sent to every client and replica and logged like any change. */
  writeAsServer(room: HeldInterviewDocument, write: (doc: Y.Doc) => void): void;
  /** The view to both peers, on every replica holding the room (editor message 103). */
  announceInterview(roomId: string, view: InterviewView): void;
}

export interface RoomInterviewsDeps {
  interviews: InterviewRounds;
  /** Reads a room (rooms.repository). */
  findRoom(roomId: string): Promise<InterviewRoom | null>;
  /** The room for one of its participants; NotFoundError or ForbiddenError otherwise (rooms.service). */
  participantRoom(user: AuthenticatedUser, roomId: string): Promise<InterviewRoom>;
  /**
   * Ends the session by the system, as the idle sweep does (rooms.service):
   * round two is over, so the interview is, and the room closes with both
   * attempts saved.
   */
  closeRoom(roomId: string): Promise<void>;
  documents: InterviewDocuments;
  /** INTERVIEW_ROUND_SECONDS_OVERRIDE: tests' short rounds; undefined in production. */
  roundSecondsOverride?: number;
  /** The server's clock, the one the interviews use. */
  now: () => number;
  logger: Logger;
  /** How often every replica reads the running interviews again (the scheduler's rescan). */
  rescanMs?: number;
}

/**
 * A round two that started this long ago should be in every replica's
 * document: a replica that finds it missing on a connection (its writer
 * died between the commit and the write) writes it itself. Sooner, the
 * writer's update may just not have arrived, and writing it twice would
 * insert the starter code twice.
 */
const REPAIR_AFTER_MS = 5_000;

export const isInterviewRoom = (room: InterviewRoom): boolean => room.mode === 'interview' && room.question2Id !== null;

function starterCodeOf(question: unknown, language: Language): string {
  const parsed = roomQuestionSchema.safeParse(question);
  return parsed.success ? parsed.data.starterCode[language] : '';
}

/** The view of an interview whose rows are gone with a deleted peer before it started: nothing to show but that it waits. */
function waitingView(now: number): InterviewView {
  return { mode: 'interview', phase: 'waiting', currentRound: null, rounds: [], warningSeconds: INTERVIEW_WARNING_SECONDS, serverNow: new Date(now).toISOString() };
}

/**
 * A mock interview in its room: the round machine (interview-rounds.service.ts)
 * driven by the room's connections, its routes, its timers and the end of
 * the session, and what each committed step does to the room: the document
 * (which round's code clients may write, round two's fresh editor), the view
 * both peers are sent, the next timer, and the room's close once round two
 * is over. Only the replica that committed a step (it has effects) writes
 * and announces it, so a step is acted on once however many replicas raced.
 */
export function createRoomInterviews(deps: RoomInterviewsDeps) {
  const { interviews, documents, now, logger } = deps;

  function setupOf(room: InterviewRoom): InterviewSetup | null {
    if (!isInterviewRoom(room)) return null;
    const [first, second] = room.participants.map((participant) => participant.userId);
    // A peer deleted their account: the interview cannot start any more (rows already written still tell it).
    if (!first || !second || room.question2Id === null) return null;
    const roundMs = deps.roundSecondsOverride !== undefined ? deps.roundSecondsOverride * 1000 : (room.minutes * 60_000) / 2;
    return { participants: [first, second], questionIds: [room.questionId, room.question2Id], roundMs };
  }

  /** The document as the state says it should be: whose code is writable, and round two's editor once it started. */
  async function writeDocument(room: InterviewRoom, state: InterviewState): Promise<void> {
    const held = await documents.acquire(room.id, { readOnly: room.status === 'CLOSED' });
    try {
      documents.writeAsServer(held, (doc) => {
        if (state.phase === 'round1') setWritableRound(doc, 1);
        else if (state.phase === 'round2') {
          openRoundTwo(doc, room.language as Language, (language) => starterCodeOf(room.question2, language));
        } else if (state.phase === 'finished') setWritableRound(doc, 0);
      });
    } finally {
      documents.release(held);
    }
  }

  /** Whether this replica's document lags the committed state by more than the writer's update takes to arrive. */
  async function documentLags(room: InterviewRoom, state: InterviewState): Promise<boolean> {
    const expected = state.phase === 'round1' ? 1 : state.phase === 'round2' ? 2 : state.phase === 'finished' ? 0 : null;
    if (expected === null) return false;
    const round = state.rounds[expected === 0 ? state.rounds.length - 1 : expected - 1];
    const since = round ? (expected === 0 ? round.endedAt : round.startedAt) : null;
    if (since === null || since > now() - REPAIR_AFTER_MS) return false;
    const held = await documents.acquire(room.id, { readOnly: room.status === 'CLOSED' });
    try {
      return writableRound(held.doc) !== expected;
    } finally {
      documents.release(held);
    }
  }

  /**
   * What a committed step does to the room. `announce` sends the view even
   * when nothing changed (a connection: the newcomer needs it, and its peer
   * sees it come back).
   */
  async function apply(
    room: InterviewRoom,
    applied: AppliedTransition,
    options: { announce?: boolean; repair?: boolean; closing?: boolean } = {},
  ): Promise<void> {
    const { state, effects } = applied;
    const moved = effects.some((effect) => effect.type === 'round-started' || effect.type === 'session-finished');
    if (moved || (options.repair && (await documentLags(room, state)))) await writeDocument(room, state);
    if (effects.length > 0 || options.announce) documents.announceInterview(room.id, toInterviewView(state, now()));
    scheduler.watch(room.id, state);
    // Round two ended by its time or its interviewer (not by the session's end): the interview is over, and so is the session.
    const over = effects.some((effect) => effect.type === 'round-ended' && effect.round.index === 2 && effect.round.endReason !== 'session');
    if (over && room.status === 'OPEN' && !options.closing) await deps.closeRoom(room.id);
  }

  /** Steps being acted on (arrivals, departures, timers): shutdown waits for them (the sockets' closing starts departures). */
  const inFlight = new Set<Promise<void>>();
  function track(step: Promise<void>, roomId: string, what: string): void {
    const tracked = step
      .catch((error: unknown) => logger.error({ err: error, roomId }, what))
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }

  const scheduler = createRoundScheduler({
    interviews,
    now,
    rescanMs: deps.rescanMs,
    onAdvanced: (roomId, applied) => {
      const act = async () => {
        const room = await deps.findRoom(roomId);
        if (room) await apply(room, applied);
      };
      track(act(), roomId, 'acting on an interview step failed');
    },
    onError: (error, roomId) => logger.error({ err: error, roomId }, 'advancing an interview failed'),
  });

  /** A participant's connection: an arrival (round one starts once both have arrived), and the view to both. */
  async function connected(roomId: string, userId: string): Promise<void> {
    const room = await deps.findRoom(roomId);
    const setup = room && setupOf(room);
    if (!room || !setup) return;
    await apply(room, await interviews.joined(roomId, setup, userId), { announce: true, repair: true });
  }

  /** A participant's last connection here closed: nothing pauses, but time may have made a step due. */
  async function disconnected(roomId: string, userId: string): Promise<void> {
    const room = await deps.findRoom(roomId);
    const setup = room && setupOf(room);
    if (!room || !setup) return;
    await apply(room, await interviews.left(roomId, setup, userId));
  }

  async function interviewRoom(user: AuthenticatedUser, roomId: string): Promise<InterviewRoom> {
    const room = await deps.participantRoom(user, roomId);
    if (!isInterviewRoom(room)) throw new NotFoundError('This room is pair practice: it has no interview rounds');
    return room;
  }

  return {
    /** Starts timing every running interview (on every replica) and keeps reading them. */
    start: () => scheduler.start(),

    /** Clears the timers and waits for the steps in flight (once the sockets are closed: their departures included). */
    async stop(): Promise<void> {
      await scheduler.stop();
      await Promise.all([...inFlight]);
    },

    /** The room's editor, told by the live editor (never awaited there: failures are logged). */
    presence: {
      connected(roomId: string, userId: string): void {
        track(connected(roomId, userId), roomId, 'an interview arrival failed');
      },
      disconnected(roomId: string, userId: string): void {
        track(disconnected(roomId, userId), roomId, 'an interview departure failed');
      },
    },

    /** `GET /rooms/:id/interview`: the view, or pair practice. */
    async view(user: AuthenticatedUser, roomId: string): Promise<RoomInterviewResponse> {
      const room = await deps.participantRoom(user, roomId);
      if (!isInterviewRoom(room)) return { mode: 'pair', serverNow: new Date(now()).toISOString() };
      const state = await interviews.load(roomId, setupOf(room));
      return state ? toInterviewView(state, now()) : waitingView(now());
    },

    /**
     * `POST /rooms/:id/interview/rounds/:round/end` by the round's interviewer.
     * Ending round two ends the interview, and the room closes before this answers.
     */
    async endRound(user: AuthenticatedUser, roomId: string, round: RoundIndex): Promise<InterviewView> {
      const room = await interviewRoom(user, roomId);
      const applied = await interviews.endRound(roomId, user.id, round, setupOf(room));
      await apply(room, applied);
      return toInterviewView(applied.state, now());
    },

    /**
     * The session is ending (a peer, or the system): the running round ends
     * with it. Called before the room closes; the state it answers is what
     * the attempts keep. Null for a pair room (and for an interview with
     * nothing to show: a peer deleted before it started).
     */
    async finish(room: InterviewRoom, by: string | null): Promise<InterviewState | null> {
      if (!isInterviewRoom(room)) return null;
      const setup = setupOf(room);
      try {
        const applied = await interviews.endSession(room.id, setup, by);
        // The room is being closed by the caller: even a round two that timed out at this instant closes it once.
        await apply(room, applied, { closing: true });
        return applied.state;
      } catch (error) {
        // Over already (round two ended, or another close ran first): what was played is kept as it is.
        if (error instanceof ConflictError) return interviews.load(room.id, setup);
        if (error instanceof NotFoundError) return null;
        throw error;
      }
    },

    /**
     * The round a Run of the room now runs in (its code, language and
     * question), null in pair practice. A ConflictError before round one
     * (naming `round`) and once the interview is over (naming `id`).
     */
    async runRound(room: InterviewRoom): Promise<RoundIndex | null> {
      if (!isInterviewRoom(room)) return null;
      const state = await interviews.load(room.id, setupOf(room));
      if (state?.phase === 'round1') return 1;
      if (state?.phase === 'round2') return 2;
      if (state?.phase === 'finished') throw new ConflictError('The interview is over', [{ field: 'id', message: 'The interview is over' }]);
      throw new ConflictError('The interview has not started: round one starts once both peers have joined', [
        { field: 'round', message: 'No round is being played yet' },
      ]);
    },

    /** Whether round two started, so its question may be shown (never before: round one's interviewer is its candidate). */
    async secondRoundStarted(room: InterviewRoom): Promise<boolean> {
      if (!isInterviewRoom(room)) return false;
      const state = await interviews.load(room.id, setupOf(room));
      return (state?.rounds[1]?.startedAt ?? null) !== null;
    },

    /** The interview as stored (for the attempts). */
    load: (room: InterviewRoom) => interviews.load(room.id, setupOf(room)),

    /** The running interviews' timers (tests). */
    deadlines: () => scheduler.deadlines(),
  };
}

export type RoomInterviews = ReturnType<typeof createRoomInterviews>;
