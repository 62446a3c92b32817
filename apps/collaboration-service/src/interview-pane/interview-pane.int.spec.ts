import { randomUUID } from 'node:crypto';
import {
  COLLAB_CLOSE_CODES,
  interviewerNotesSchema,
  interviewerPaneSchema,
  releasedHintSchema,
  releasedHintsSchema,
  ROOM_HINT_MESSAGE_TYPE,
  INTERVIEW_NOTES_MAX_LENGTH,
} from '@peerprep/contracts';
import { waitFor } from '@peerprep/testing';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import request from 'supertest';
import { WebSocket } from 'ws';
import { CollabHarness, type CollabInstance, type TestUser } from '../../test/collab-harness';
import { pairRoom, ROUND_ONE_RUBRIC, SECRET, startedInterview, waitingInterview, type StartedInterview } from '../../test/pane-fixtures';

const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every byte the server sends a raw editor socket, as it arrived. */
interface RecordingSocket {
  frames: Buffer[];
  closed: Promise<{ code: number; reason: string }>;
  ws: WebSocket;
}

function recordingSocket(instance: CollabInstance, user: TestUser, roomId: string): Promise<RecordingSocket> {
  const ws = new WebSocket(`${instance.wsUrl}/${roomId}`, ['peerprep', `bearer.${user.token}`]);
  const frames: Buffer[] = [];
  ws.on('message', (data: Buffer) => frames.push(Buffer.from(data)));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ frames, closed, ws }));
    ws.once('error', reject);
  });
}

const messageType = (frame: Buffer) => decoding.readVarUint(decoding.createDecoder(frame));

describe('the interviewer\'s pane (issue #18 item 4): material, hints, notes, and the editor channel', () => {
  let harness: CollabHarness;
  let instance: CollabInstance;
  let second: CollabInstance;
  /** Added to the replicas' clock (notes close 24 h after the session). */
  let offset = 0;
  let interview: StartedInterview;
  let stranger: TestUser;

  beforeAll(async () => {
    harness = await CollabHarness.start('collab_interview_pane');
    instance = await harness.startInstance({}, { now: () => Date.now() + offset });
    second = await harness.startInstance({}, { now: () => Date.now() + offset });
    stranger = await harness.user('Mallory');
  });

  beforeEach(async () => {
    offset = 0;
    interview = await startedInterview(harness);
  });

  afterEach(() => harness.disconnectAll());

  afterAll(async () => {
    await harness?.stop();
  });

  const as = (user: TestUser | null, req: request.Test) => (user ? req.set('authorization', `Bearer ${user.token}`) : req);
  const material = (user: TestUser | null, round: number | string, roomId = interview.roomId) =>
    as(user, request(instance.url).get(`/api/rooms/${roomId}/interview/rounds/${round}/material`));
  const release = (user: TestUser | null, round: number | string, index: number | string, roomId = interview.roomId) =>
    as(user, request(instance.url).post(`/api/rooms/${roomId}/interview/rounds/${round}/hints/${index}/release`));
  const notes = (user: TestUser | null, round: number | string, body: unknown, roomId = interview.roomId) =>
    as(user, request(instance.url).put(`/api/rooms/${roomId}/interview/rounds/${round}/notes`)).send(body as object);
  const hints = (user: TestUser | null, roomId = interview.roomId) => as(user, request(instance.url).get(`/api/rooms/${roomId}/interview/hints`));
  const fieldsOf = (body: { errors?: { field: string }[] }) => body.errors?.map((error) => error.field);

  describe('GET .../rounds/:round/material', () => {
    it('gives the round\'s interviewer the hints, reference solutions, rubric and no notes yet, never cached', async () => {
      const response = await material(interview.alice, 1).expect(200);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(interviewerPaneSchema.parse(response.body)).toEqual({
        round: 1,
        questionId: interview.setup.questionIds[0],
        hints: SECRET.hints.map((text, index) => ({ index, text, released: false, releasedAt: null })),
        referenceSolutions: { python: SECRET.solution },
        rubric: ROUND_ONE_RUBRIC,
        notes: null,
      });
    });

    it('refuses the candidate (403), a stranger (403) and no token (401), with no material in any answer', async () => {
      for (const [user, status] of [[interview.bob, 403], [stranger, 403], [null, 401]] as const) {
        const response = await material(user, 1).expect(status);
        expect(response.headers['content-type']).toContain('application/problem+json');
        for (const secret of [...SECRET.hints, SECRET.solution, SECRET.rubric]) expect(response.text).not.toContain(secret);
      }
    });

    it('answers 404 for an unknown room, a pair-practice room and an interview not started; 400 naming round or id', async () => {
      await material(interview.alice, 1, randomUUID()).expect(404);
      const pair = await pairRoom(harness);
      await material(pair.alice, 1, pair.roomId).expect(404);
      const waiting = await waitingInterview(harness);
      await material(waiting.alice, 1, waiting.roomId).expect(404);
      expect(fieldsOf((await material(interview.alice, 3).expect(400)).body)).toEqual(['round']);
      expect(fieldsOf((await material(interview.alice, 'one').expect(400)).body)).toEqual(['round']);
      expect(fieldsOf((await material(interview.alice, 1, 'not-a-room').expect(400)).body)).toEqual(['id']);
    });

    it('answers round two\'s interviewer 409 (naming round) until it starts, then its own material; its candidate 403 throughout', async () => {
      const { alice, bob, roomId } = interview;
      expect(fieldsOf((await material(bob, 2).expect(409)).body)).toEqual(['round']);
      await material(alice, 2).expect(403);

      await interview.rounds.endRound(roomId, alice.id, 1);
      const pane = interviewerPaneSchema.parse((await material(bob, 2).expect(200)).body);
      expect(pane).toMatchObject({ round: 2, questionId: interview.setup.questionIds[1], hints: [{ index: 0, text: 'Round two hint' }] });
      await material(alice, 2).expect(403);
      // Round one ended: its interviewer still reads it (to rate on its rubric), its candidate still never.
      await material(alice, 1).expect(200);
      await material(bob, 1).expect(403);
    });

    it('reads question-service once for repeated opens (cached), and says 503 when it is down and nothing is cached', async () => {
      const before = harness.materialReads.filter((id) => id === interview.setup.questionIds[0]).length;
      await material(interview.alice, 1).expect(200);
      await material(interview.alice, 1).expect(200);
      await release(interview.alice, 1, 0).expect(200);
      expect(harness.materialReads.filter((id) => id === interview.setup.questionIds[0]).length - before).toBe(1);

      const other = await startedInterview(harness);
      harness.pickerDown = true;
      try {
        await material(other.alice, 1, other.roomId).expect(503);
      } finally {
        harness.pickerDown = false;
      }
      await material(other.alice, 1, other.roomId).expect(200);
    });
  });

  describe('POST .../hints/:index/release and GET .../interview/hints', () => {
    it('releases hints in order to both peers, idempotently, and lists them for both participants', async () => {
      const { alice, bob } = interview;
      expect(fieldsOf((await release(alice, 1, 1).expect(409)).body)).toEqual(['index']);
      const first = releasedHintSchema.parse((await release(alice, 1, 0).expect(200)).body);
      expect(first).toMatchObject({ round: 1, index: 0, text: SECRET.hints[0] });
      const again = releasedHintSchema.parse((await release(alice, 1, 0).expect(200)).body);
      expect(again).toEqual(first);
      await release(alice, 1, 1).expect(200);

      for (const user of [alice, bob]) {
        const listed = releasedHintsSchema.parse((await hints(user).expect(200)).body);
        expect(listed.items.map(({ round, index, text }) => ({ round, index, text }))).toEqual([
          { round: 1, index: 0, text: SECRET.hints[0] },
          { round: 1, index: 1, text: SECRET.hints[1] },
        ]);
      }
      const pane = interviewerPaneSchema.parse((await material(alice, 1).expect(200)).body);
      expect(pane.hints.map((hint) => hint.released)).toEqual([true, true, false]);
      expect(pane.hints[0].releasedAt).toBe(first.releasedAt);
    });

    it('refuses the candidate and a stranger (403), a hint past the last (404), a malformed index (400), and a round not running (409)', async () => {
      const { alice, bob, roomId } = interview;
      await release(bob, 1, 0).expect(403);
      await release(stranger, 1, 0).expect(403);
      await release(null, 1, 0).expect(401);
      await release(alice, 1, 3).expect(404);
      expect(fieldsOf((await release(alice, 1, 10).expect(400)).body)).toEqual(['index']);
      expect(fieldsOf((await release(alice, 1, -1).expect(400)).body)).toEqual(['index']);
      expect(fieldsOf((await release(bob, 2, 0).expect(409)).body)).toEqual(['round']);

      await interview.rounds.endRound(roomId, alice.id, 1);
      expect(fieldsOf((await release(alice, 1, 0).expect(409)).body)).toEqual(['round']);
      await release(bob, 2, 0).expect(200);
      await release(alice, 2, 0).expect(403);
      // Past the round's end by the clock, before any timer ended it in the rows.
      offset = 16 * 60_000;
      expect(fieldsOf((await release(bob, 2, 1).expect(409)).body)).toEqual(['round']);
    });

    it('lists no hints to a stranger (403) or in a pair room (404), and none for an interview not started', async () => {
      await hints(stranger).expect(403);
      await hints(null).expect(401);
      const pair = await pairRoom(harness);
      await hints(pair.alice, pair.roomId).expect(404);
      const waiting = await waitingInterview(harness);
      expect((await hints(waiting.bob, waiting.roomId).expect(200)).body).toEqual({ items: [] });
    });
  });

  describe('PUT .../rounds/:round/notes', () => {
    it('keeps the interviewer\'s notes, readable back only in their own pane', async () => {
      const { alice, bob } = interview;
      const saved = interviewerNotesSchema.parse((await notes(alice, 1, { text: 'NOTES-SECRET: asks good questions' }).expect(200)).body);
      expect(saved).toMatchObject({ round: 1, text: 'NOTES-SECRET: asks good questions' });
      expect(interviewerPaneSchema.parse((await material(alice, 1).expect(200)).body).notes).toEqual(saved);
      await notes(alice, 1, { text: '' }).expect(200);
      expect(interviewerPaneSchema.parse((await material(alice, 1).expect(200)).body).notes).toMatchObject({ text: '' });

      const refused = await notes(bob, 1, { text: 'overwrite' }).expect(403);
      expect(refused.text).not.toContain('NOTES-SECRET');
      await notes(stranger, 1, { text: 'x' }).expect(403);
      await notes(null, 1, { text: 'x' }).expect(401);
    });

    it('refuses bad bodies (400 naming text), a round not started (409 naming round), a pair room (404)', async () => {
      const { alice, bob } = interview;
      expect(fieldsOf((await notes(alice, 1, { text: 'a'.repeat(INTERVIEW_NOTES_MAX_LENGTH + 1) }).expect(400)).body)).toEqual(['text']);
      expect(fieldsOf((await notes(alice, 1, {}).expect(400)).body)).toEqual(['text']);
      expect(fieldsOf((await notes(alice, 1, { text: 5 }).expect(400)).body)).toEqual(['text']);
      expect(fieldsOf((await notes(bob, 2, { text: 'early' }).expect(409)).body)).toEqual(['round']);
      const pair = await pairRoom(harness);
      await notes(pair.alice, 1, { text: 'x' }, pair.roomId).expect(404);
    });

    it('lets the interviewer finish the notes after the session, until 24 hours after it closed', async () => {
      const { alice, roomId } = interview;
      await request(instance.url).post(`/api/rooms/${roomId}/end`).set('authorization', `Bearer ${alice.token}`).expect(200);
      await notes(alice, 1, { text: 'written after the session' }).expect(200);
      offset = 24 * HOUR - 60_000;
      await notes(alice, 1, { text: 'just in time' }).expect(200);
      offset = 24 * HOUR + 60_000;
      expect(fieldsOf((await notes(alice, 1, { text: 'too late' }).expect(409)).body)).toEqual(['round']);
      expect(interviewerPaneSchema.parse((await material(alice, 1).expect(200)).body).notes?.text).toBe('just in time');
    });
  });

  describe('the editor channel', () => {
    it('carries nothing of the material or the notes to the candidate but the one released hint (message 104), on both replicas', async () => {
      const { alice, bob, roomId } = interview;
      // The candidate on the other replica: the hint crosses Redis (a relay) to reach them.
      const candidate = await recordingSocket(second, bob, roomId);
      const interviewer = harness.client(instance, alice, roomId);
      await harness.synced(interviewer);
      await waitFor(() => candidate.frames.length > 0, 5_000, 'the greeting');
      await harness.chat(interviewer, 'shall we start?');

      await material(alice, 1).expect(200);
      await notes(alice, 1, { text: 'NOTES-SECRET: forgot the empty input' }).expect(200);
      await release(alice, 1, 0).expect(200);
      await waitFor(() => candidate.frames.some((frame) => messageType(frame) === ROOM_HINT_MESSAGE_TYPE), 5_000, 'the hint at the candidate');
      await waitFor(() => interviewer.hints.length === 1, 5_000, 'the hint at the interviewer');
      expect(interviewer.hints[0]).toMatchObject({ round: 1, index: 0, text: SECRET.hints[0] });
      await sleep(300);

      const hintFrames = candidate.frames.filter((frame) => messageType(frame) === ROOM_HINT_MESSAGE_TYPE);
      expect(hintFrames).toHaveLength(1);
      const decoder = decoding.createDecoder(hintFrames[0]);
      decoding.readVarUint(decoder);
      expect(releasedHintSchema.parse(JSON.parse(decoding.readVarString(decoder)))).toMatchObject({ round: 1, index: 0, text: SECRET.hints[0] });

      const everything = Buffer.concat(candidate.frames).toString('latin1');
      expect(everything).toContain('shall we start?');
      expect(everything.split(SECRET.hints[0]).length - 1).toBe(1);
      for (const secret of [SECRET.hints[1], SECRET.hints[2], SECRET.solution, SECRET.rubric, 'NOTES-SECRET']) expect(everything).not.toContain(secret);

      // Nor the room as the candidate reads it, nor the stored document.
      const room = await request(instance.url).get(`/api/rooms/${roomId}`).set('authorization', `Bearer ${bob.token}`).expect(200);
      for (const secret of [...SECRET.hints, SECRET.solution, SECRET.rubric, 'NOTES-SECRET']) expect(room.text).not.toContain(secret);
      await interviewer.provider.disconnect();
      candidate.ws.close();
      await candidate.closed;
      const stored = await harness.prisma.documentUpdate.findMany({ where: { roomId } });
      const snapshot = await harness.prisma.roomDocument.findUniqueOrThrow({ where: { roomId } });
      const bytes = Buffer.concat([Buffer.from(snapshot.snapshot), ...stored.map((row) => Buffer.from(row.update))]).toString('latin1');
      for (const secret of [...SECRET.hints, SECRET.solution, SECRET.rubric, 'NOTES-SECRET']) expect(bytes).not.toContain(secret);
    });

    it('closes a client that sends a hint itself with 4422, and relays nothing of it', async () => {
      const { alice, bob, roomId } = interview;
      const candidate = await recordingSocket(instance, bob, roomId);
      const interviewer = harness.client(instance, alice, roomId);
      await harness.synced(interviewer);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, ROOM_HINT_MESSAGE_TYPE);
      encoding.writeVarString(encoder, JSON.stringify({ round: 1, index: 0, text: 'FORGED hint', releasedAt: new Date().toISOString() }));
      candidate.ws.send(encoding.toUint8Array(encoder));
      expect(await candidate.closed).toEqual({ code: COLLAB_CLOSE_CODES.writeRefused, reason: 'only the server sends hint messages' });
      await sleep(200);
      expect(interviewer.hints).toEqual([]);
      expect((await hints(alice).expect(200)).body).toEqual({ items: [] });
    });
  });
});
