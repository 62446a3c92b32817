// The bare cost of the atomic step: matching-service's own enqueue-or-match
// Lua script (loaded by path from its source: tools may not import an app),
// run straight from two ioredis clients with the same criteria mix, under a
// prefix of its own. What HTTP, auth, pub/sub and the sockets add is the
// difference to the load run.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { REDIS_URL } from '../lib/redis';
import { workspaceRoot } from '../lib/services';
import { criteriaOf } from './fixtures';

interface ScriptsModule {
  ENQUEUE_SCRIPT?: string;
}

export async function loadEnqueueScript(): Promise<string> {
  const file = path.join(workspaceRoot, 'apps/matching-service/src/matching/queue.scripts.ts');
  const { ENQUEUE_SCRIPT } = (await import(file)) as ScriptsModule;
  if (typeof ENQUEUE_SCRIPT !== 'string') throw new Error(`${file} no longer exports ENQUEUE_SCRIPT; update tools/bench/matching`);
  return ENQUEUE_SCRIPT;
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
export async function measureLuaStep(options: { script: string; prefix: string; ops: number; users: number; inFlight: number }): Promise<LuaStepResult> {
  const clients = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
  try {
    const sha = String(await clients[0].script('LOAD', options.script));
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
          criteria.topics.join(','), criteria.language, '0', now, now + 600_000, now + 600_000, 0, randomUUID())) as string;
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
