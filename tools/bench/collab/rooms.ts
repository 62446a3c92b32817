// Rooms the way the platform makes them: the bench publishes `match.found`
// on an exchange of its own, collaboration-service asks a stub question-service
// picker (real HTTP) for a question, writes the room and announces
// `room.created`, which the bench hears on a queue of its own. Tools may not
// import libs, so the event envelope and the question are written out here to
// the contracts' shape (libs/contracts events/ and questions.ts).
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import amqp from 'amqplib';
import * as Y from 'yjs';
import type { BenchUser } from '../matching/fixtures';

/** A signed-in user of the bench; the name goes into match.found as the display name. */
export type CollabUser = BenchUser & { name: string };

/** The question every room gets; short starter code, so a room starts small on both servers. */
const QUESTION = (() => {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    slug: 'bench-sum',
    title: 'Bench sum',
    difficulty: 'EASY',
    topics: [{ slug: 'arrays', name: 'Arrays' }],
    createdAt: now,
    updatedAt: now,
    statement: 'Return the sum of two numbers.',
    examples: [],
    constraints: [],
    hints: [],
    starterCode: {
      javascript: 'function solve(a, b) {\n}\n',
      typescript: 'function solve(a: number, b: number): number {\n}\n',
      python: 'def solve(a, b):\n    pass\n',
      java: 'class Solution {\n}\n',
      cpp: 'int solve(int a, int b) {\n}\n',
    },
    entryPoint: { functionName: 'solve', params: [{ name: 'a', type: 'int' }, { name: 'b', type: 'int' }], returnType: 'int' },
    testCases: [],
  };
})();

/** The language every bench match asks for, so every room starts with that starter code. */
const LANGUAGE = 'python';

/**
 * The first state of every bench room's document, as collaboration-service
 * writes it with the room (documents/room-document.ts: the language in the
 * `meta` map, the starter code in the `code` text). The bench seeds the
 * reference's rooms with it, so both servers hold the same document.
 * `clientId`: the writer's Yjs id (collaboration-service picks a random one
 * per room; so does the bench, seeded, for the reference's rooms).
 */
export function initialRoomState(clientId: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.transact(() => {
    doc.getMap('meta').set('language', LANGUAGE);
    doc.getText('code').insert(0, QUESTION.starterCode[LANGUAGE]);
  });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** question-service's internal picker (POST /internal/questions/pick), always answering the one question. */
export async function startPickerStub(internalToken: string): Promise<{ url: string; close(): Promise<void> }> {
  const body = JSON.stringify({ question: QUESTION });
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/internal/questions/pick') res.statusCode = 404;
      else if (req.headers['x-internal-token'] !== internalToken) res.statusCode = 401;
      else {
        res.setHeader('content-type', 'application/json');
        res.end(body);
        return;
      }
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface BenchRoom {
  roomId: string;
  users: [CollabUser, CollabUser];
}

export interface RoomMaker {
  /** Opens one room per pair through match.found and resolves once every room.created arrived. */
  open(pairs: [CollabUser, CollabUser][], timeoutMs?: number): Promise<BenchRoom[]>;
  /** Deletes the exchange, the service's queues (main, retry, dead-letter) and the bench's own queue. */
  remove(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Publishes on `exchange` (declared as the messaging lib declares it: a
 * durable topic exchange) and listens for room.created on an exclusive queue.
 */
export async function createRoomMaker(options: { url: string; exchange: string; serviceQueue: string }): Promise<RoomMaker> {
  const connection = await amqp.connect(options.url);
  const channel = await connection.createConfirmChannel();
  await channel.assertExchange(options.exchange, 'topic', { durable: true });
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
  await channel.bindQueue(queue, options.exchange, 'room.created');
  const waiting = new Map<string, (roomId: string) => void>();
  await channel.consume(
    queue,
    (message) => {
      if (!message) return;
      const event = JSON.parse(message.content.toString()) as { payload: { matchId: string; roomId: string } };
      waiting.get(event.payload.matchId)?.(event.payload.roomId);
    },
    { noAck: true },
  );

  function matchFound(matchId: string, users: [CollabUser, CollabUser]) {
    const now = new Date().toISOString();
    const criteria = { mode: 'pair', minutes: 45, difficulty: 'EASY', topics: ['arrays'], language: LANGUAGE, allowRelaxed: false };
    return {
      id: randomUUID(),
      type: 'match.found',
      version: 1,
      occurredAt: now,
      payload: {
        matchId,
        users: users.map((user) => ({ userId: user.id, displayName: user.name, requestId: randomUUID(), criteria, requestedAt: now })),
        ...criteria,
        relaxed: false,
        matchedAt: now,
      },
    };
  }

  return {
    async open(pairs, timeoutMs = 60_000) {
      const created = pairs.map((users) => {
        const matchId = randomUUID();
        const room = new Promise<BenchRoom>((resolve) => waiting.set(matchId, (roomId) => resolve({ roomId, users })));
        const envelope = matchFound(matchId, users);
        channel.publish(options.exchange, 'match.found', Buffer.from(JSON.stringify(envelope)), {
          persistent: true,
          contentType: 'application/json',
          messageId: envelope.id,
          type: envelope.type,
          headers: { 'x-event-version': envelope.version },
        });
        return { matchId, room };
      });
      await channel.waitForConfirms();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`rooms were not all created within ${timeoutMs / 1000} s`)), timeoutMs);
      });
      try {
        return await Promise.race([Promise.all(created.map((c) => c.room)), timeout]);
      } finally {
        clearTimeout(timer);
        for (const { matchId } of created) waiting.delete(matchId);
      }
    },

    async remove() {
      for (const name of [options.serviceQueue, `${options.serviceQueue}.retry`, `${options.serviceQueue}.dlq`]) await channel.deleteQueue(name);
      await channel.deleteExchange(options.exchange);
    },

    async close() {
      await connection.close();
    },
  };
}
