// The bare cost of the atomic step: matching-service's own enqueue-or-match
// Lua script, run straight from two ioredis clients with the same criteria
// mix, under a prefix of its own. The script is the one a built replica runs:
// its SHA is read off the wire (Redis MONITOR) while the replica enqueues one
// request, and the script stays in Redis's script cache (tools never load app
// source). What HTTP, auth, pub/sub and the sockets add is the difference to
// the load run.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { sleep } from '../lib/options';
import { REDIS_URL } from '../lib/redis';
import { criteriaOf } from './fixtures';

/**
 * ARGV of the enqueue step after the prefix, as measureLuaStep sends them:
 * request id, user id, display name, difficulty, topics, language, relaxed,
 * now, strict deadline, deadline, hold, match id, mode, minutes.
 */
const ENQUEUE_ARGS_AFTER_PREFIX = 14;

/**
 * The SHA of the enqueue-or-match script, captured while `enqueue()` makes a
 * replica enqueue a request of `userId` under `prefix`: the EVALSHA (or EVAL)
 * whose ARGV is (prefix, request id, userId, ...).
 */
export async function captureEnqueueScript(options: { prefix: string; userId: string; enqueue: () => Promise<void> }): Promise<string> {
  const client = new Redis(REDIS_URL);
  const monitor = await client.monitor();
  const seen: string[][] = [];
  monitor.on('monitor', (_time: string, args: string[]) => {
    const command = args[0]?.toLowerCase();
    if ((command === 'evalsha' || command === 'eval') && args[3] === options.prefix && args[5] === options.userId) seen.push(args);
  });
  try {
    await options.enqueue();
    // MONITOR lines may trail the HTTP answer a little.
    for (let waited = 0; seen.length === 0 && waited < 2_000; waited += 50) await sleep(50);
  } finally {
    monitor.disconnect();
  }
  try {
    const call = seen.find((args) => args[0]?.toLowerCase() === 'eval') ?? seen[0];
    if (!call) throw new Error('no enqueue step seen from the replica; update tools/bench/matching/lua-step.ts');
    const argsAfterPrefix = call.length - 4;
    if (argsAfterPrefix !== ENQUEUE_ARGS_AFTER_PREFIX) {
      throw new Error(`the enqueue step now takes ${argsAfterPrefix} arguments after the prefix, not ${ENQUEUE_ARGS_AFTER_PREFIX}; update tools/bench/matching/lua-step.ts`);
    }
    const sha = call[0]?.toLowerCase() === 'eval' ? String(await client.script('LOAD', call[1] as string)) : (call[1] as string);
    const [cached] = (await client.script('EXISTS', sha)) as number[];
    if (cached !== 1) throw new Error(`the enqueue script ${sha} is not in Redis's script cache`);
    return sha;
  } finally {
    client.disconnect();
  }
}

export interface LuaStepResult {
  ops: number;
  matched: number;
  seconds: number;
  latencies: number[];
}

/**
 * `ops` enqueue-or-match calls, `inFlight` at a time on each of two clients
 * (as each replica's single client carries many requests at once). Users are
 * 1,000 ids with the load's criteria; a user asks again only once matched, as
 * in the load (hold 0: the script frees a matched user at once).
 */
export async function measureLuaStep(options: { sha: string; prefix: string; ops: number; users: number; inFlight: number }): Promise<LuaStepResult> {
  const clients = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
  try {
    const { sha } = options;
    const users = Array.from({ length: options.users }, (_, i) => ({ id: randomUUID(), criteria: criteriaOf(i) }));
    const idle = users.map((_, i) => i);
    const waitingOn = new Map<string, number>();
    const latencies: number[] = [];
    let issued = 0;
    let matched = 0;
    const started = performance.now();
    const worker = async (client: Redis) => {
      while (issued < options.ops) {
        const index = idle.shift();
        if (index === undefined) return;
        issued++;
        const { id, criteria } = users[index];
        const now = Date.now();
        const t0 = performance.now();
        const raw = (await client.evalsha(sha, 0, options.prefix, randomUUID(), id, `u${index}`, criteria.difficulty,
          criteria.topics.join(','), criteria.language, '0', now, now + 600_000, now + 600_000, 0, randomUUID(), criteria.mode,
          criteria.minutes)) as string;
        latencies.push(performance.now() - t0);
        const result = JSON.parse(raw) as { outcome: string; older?: { userId: string }; newer?: { userId: string } };
        if (result.outcome === 'matched' && result.older && result.newer) {
          matched++;
          // The waiting peer is free again too: both go back to asking.
          idle.push(index);
          const peerId = result.older.userId === id ? result.newer.userId : result.older.userId;
          const peer = waitingOn.get(peerId);
          if (peer !== undefined) {
            waitingOn.delete(peerId);
            idle.push(peer);
          }
        } else if (result.outcome === 'queued') {
          waitingOn.set(id, index);
        } else {
          throw new Error(`enqueue-or-match answered ${raw}`);
        }
      }
    };
    await Promise.all(clients.flatMap((client) => Array.from({ length: options.inFlight }, () => worker(client))));
    return { ops: latencies.length, matched, seconds: (performance.now() - started) / 1000, latencies };
  } finally {
    for (const client of clients) client.disconnect();
  }
}
