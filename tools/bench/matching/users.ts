// Simulated users: each holds a live status socket on one replica and asks
// for a match over HTTP (alternating replicas), and asks again as soon as its
// socket says it was matched. Matches are joined by matchId from the two
// users' sockets, so "both told" is measured where a browser would see it.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { sleep } from '../lib/options';
import type { BenchUser, Criteria } from './fixtures';

export interface Replica {
  port: number;
}

interface MatchedMessage {
  status: 'matched';
  matchId: string;
  roomId: string | null;
}

/** One status socket; `nextMatched()` resolves on the next `matched` (room pending) message. */
export class StatusSocket {
  private waiter: ((message: MatchedMessage & { at: number }) => void) | undefined;
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { status: string };
      if (message.status !== 'matched' || (message as MatchedMessage).roomId !== null) return;
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter?.({ ...(message as MatchedMessage), at: performance.now() });
    });
  }

  static async open(replica: Replica, user: BenchUser): Promise<StatusSocket> {
    const ws = new WebSocket(`ws://127.0.0.1:${replica.port}/api/match/events`, ['peerprep', `bearer.${user.token}`]);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new StatusSocket(ws);
  }

  /** Arm before sending the request: the socket may hear of the match before the HTTP answer arrives. */
  nextMatched(timeoutMs: number): Promise<(MatchedMessage & { at: number }) | undefined> {
    return new Promise((resolve) => {
      const waiter = (message: MatchedMessage & { at: number }) => {
        clearTimeout(timer);
        resolve(message);
      };
      const timer = setTimeout(() => {
        if (this.waiter === waiter) this.waiter = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.waiter = waiter;
    });
  }

  close(): void {
    this.ws.terminate();
  }
}

export interface LoadResult {
  /** performance.now() of the later "told" of each match, and its time-to-match. */
  matches: { at: number; ms: number }[];
  requests: number;
  failures: Map<string, number>;
}

/** Joins the two sides of each match: the later request is the one whose peer was already waiting. */
class MatchLedger {
  private readonly open = new Map<string, { sentAt: number; toldAt: number }>();
  readonly matches: { at: number; ms: number }[] = [];

  record(matchId: string, sentAt: number, toldAt: number): void {
    const other = this.open.get(matchId);
    if (!other) {
      this.open.set(matchId, { sentAt, toldAt });
      return;
    }
    this.open.delete(matchId);
    const at = Math.max(toldAt, other.toldAt);
    this.matches.push({ at, ms: at - Math.max(sentAt, other.sentAt) });
  }
}

export interface LoadOptions {
  users: { user: BenchUser; criteria: Criteria; socket: StatusSocket; index: number }[];
  replicas: Replica[];
  agents: http.Agent[];
  /** performance.now() after which nobody asks again. */
  until: number;
  /** A request not matched within this is abandoned (counted as a failure). */
  matchTimeoutMs: number;
}

function fail(failures: Map<string, number>, what: string): void {
  failures.set(what, (failures.get(what) ?? 0) + 1);
}

/** Closed loop: every user requests, waits until told it is matched, requests again, until `until`. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const ledger = new MatchLedger();
  const failures = new Map<string, number>();
  let requests = 0;
  await Promise.all(
    options.users.map(async ({ user, criteria, socket, index }) => {
      // Bounded: each round ends by `matchTimeoutMs`, and no round starts after `until`.
      for (let round = 0; performance.now() < options.until; round++) {
        const target = (index + round) % options.replicas.length;
        // After `until` nobody asks again, so a user left waiting is released shortly after instead.
        const told = socket.nextMatched(Math.min(options.matchTimeoutMs, options.until + 2000 - performance.now()));
        const sentAt = performance.now();
        requests++;
        const reply = await createRequest(options.agents[target], options.replicas[target], user, criteria).catch(
          (error: unknown) => ({ status: 0, body: String(error) }),
        );
        if (reply.status !== 201) {
          fail(failures, `HTTP ${reply.status}`);
          await sleep(10);
          continue;
        }
        const message = await told;
        if (!message) {
          if (performance.now() < options.until) fail(failures, 'not told within the timeout');
          return;
        }
        ledger.record(message.matchId, sentAt, message.at);
      }
    }),
  );
  return { matches: ledger.matches, requests, failures };
}

/** POST /api/match/requests as `user` (lib/http's call() takes no headers). */
export function createRequest(agent: http.Agent, replica: Replica, user: BenchUser, criteria: Criteria) {
  const payload = JSON.stringify(criteria);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: replica.port,
        method: 'POST',
        path: '/api/match/requests',
        agent,
        timeout: 30_000,
        headers: {
          authorization: `Bearer ${user.token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('POST /api/match/requests timed out')));
    req.on('error', reject);
    req.end(payload);
  });
}

export interface ProbePair {
  waiting: { user: BenchUser; socket: StatusSocket };
  joining: { user: BenchUser; socket: StatusSocket };
  criteria: Criteria;
}

/**
 * Time-to-match with the peer already waiting: one user of a topic no load
 * user asks for is queued (its 201 seen), then its peer asks; the time runs
 * from that request being sent until both sockets were told. One probe at a
 * time, alternating the replica each request goes to, until `until`.
 */
export async function runProbes(options: {
  pair: ProbePair;
  replicas: Replica[];
  agents: http.Agent[];
  until: number;
  maxProbes: number;
}): Promise<{ samples: number[]; failures: number }> {
  const { pair, replicas, agents } = options;
  const samples: number[] = [];
  let failures = 0;
  for (let k = 0; k < options.maxProbes && performance.now() < options.until; k++) {
    const first = k % replicas.length;
    const second = (k + 1) % replicas.length;
    const waitingTold = pair.waiting.socket.nextMatched(10_000);
    const queued = await createRequest(agents[first], replicas[first], pair.waiting.user, pair.criteria).catch(() => undefined);
    if (queued?.status !== 201 || !queued.body.includes('"queued"')) {
      failures++;
      await waitingTold;
      continue;
    }
    const joiningTold = pair.joining.socket.nextMatched(10_000);
    const sentAt = performance.now();
    const joined = await createRequest(agents[second], replicas[second], pair.joining.user, pair.criteria).catch(() => undefined);
    const [a, b] = await Promise.all([waitingTold, joiningTold]);
    if (joined?.status !== 201 || !a || !b || a.matchId !== b.matchId) {
      failures++;
      continue;
    }
    samples.push(Math.max(a.at, b.at) - sentAt);
  }
  return { samples, failures };
}
