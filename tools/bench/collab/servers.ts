// The servers the collab bench measures, each a child process it can pin
// with taskset: collaboration-service replicas (the built bundle) and the
// @y/websocket-server reference (reference-server.ts under tsx's loader). Both
// run with server-probe.cjs loaded, which reports memory after a full GC
// and the event-loop delay on a port of its own.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { nodeCommand } from '../lib/cpu';
import { call } from '../lib/http';
import { sleep } from '../lib/options';
import { REDIS_URL } from '../lib/redis';
import { freePort, startBuiltService, workspaceRoot } from '../lib/services';

const PROBE = path.join(__dirname, 'server-probe.cjs');
const REFERENCE = path.join(__dirname, 'reference-server.ts');
const HEAP_DIFF = path.join(__dirname, 'heap-diff.cjs');
/** With BENCH_CPU_PROF=<dir>, every server profiles the measured window (server-probe.cjs) into it. */
export const CPU_PROF_DIR = process.env['BENCH_CPU_PROF'];

/**
 * Where the servers write the heap snapshot of every memory reading:
 * BENCH_HEAP_DIR, where they are kept (for heap-diff.cjs), or a temporary
 * folder, where each is deleted once read.
 */
export const heapSnapshots = (() => {
  const kept = process.env['BENCH_HEAP_DIR'];
  const dir = kept ?? mkdtempSync(path.join(os.tmpdir(), 'bench-collab-heap-'));
  return { dir, kept: kept !== undefined, remove: () => (kept ? undefined : rmSync(dir, { recursive: true, force: true })) };
})();

export interface Memory {
  heapUsed: number;
  /**
   * The heap's objects apart from V8's code (compiled code, bytecode and
   * what the JIT keeps with them), from a heap snapshot: what the server
   * holds, not what it compiled as it warmed up.
   */
  objects: number;
  external: number;
  rss: number;
}

/** A heap snapshot of a replica holding 500 rooms takes seconds to write on a slow machine. */
const SNAPSHOT_TIMEOUT_MS = 180_000;

/** What a heap snapshot holds (heap-diff.cjs --objects), in a process of its own: parsing one takes a lot of memory. */
async function snapshotObjects(file: string): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, [HEAP_DIFF, '--objects', file], { maxBuffer: 1024 * 1024 });
  if (!heapSnapshots.kept) await rm(file, { force: true });
  return (JSON.parse(stdout) as { objects: number }).objects;
}

export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

export interface BenchServer {
  label: string;
  pid: number;
  /** y-websocket clients connect to `<wsUrl>/<roomId>`. */
  wsUrl: string;
  /** After two full GCs. */
  memory(): Promise<Memory>;
  /** Event-loop delay since the last call (beyond the probe's sampling interval). */
  loop(): Promise<LoopDelay>;
  /** CPU profile of what runs between the two calls, written into CPU_PROF_DIR (only when it is set). */
  profile(step: 'start' | 'stop'): Promise<void>;
  stop(): Promise<void>;
}

function probeClient(port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = async <T>(urlPath: string, timeoutMs?: number): Promise<T> => {
    const reply = await call(agent, port, 'GET', urlPath, undefined, timeoutMs);
    if (reply.status !== 200) throw new Error(`probe ${urlPath} answered ${reply.status}: ${reply.body}`);
    return JSON.parse(reply.body) as T;
  };
  return {
    memory: async (): Promise<Memory> => {
      const { heapUsed, external, rss, snapshot } = await get<{ heapUsed: number; external: number; rss: number; snapshot: string }>('/memory', SNAPSHOT_TIMEOUT_MS);
      return { heapUsed, objects: await snapshotObjects(snapshot), external, rss };
    },
    loop: () => get<LoopDelay>('/loop'),
    profile: async (step: 'start' | 'stop') => {
      await get<unknown>(`/profile/${step}`);
    },
    close: () => agent.destroy(),
  };
}

/** One collaboration-service replica from dist/, on its own free port. */
export async function startReplica(label: string, env: Record<string, string>, cpus: string | undefined): Promise<BenchServer> {
  const probePort = await freePort();
  const service = await startBuiltService({
    project: 'collaboration-service',
    env: { ...env, BENCH_PROBE_PORT: String(probePort), BENCH_HEAP_DIR: heapSnapshots.dir },
    cpus,
    nodeArgs: ['--expose-gc', '--require', PROBE],
  });
  const probe = probeClient(probePort);
  return {
    label,
    pid: service.pid,
    wsUrl: `ws://127.0.0.1:${service.port}/api/collab`,
    memory: probe.memory,
    loop: probe.loop,
    profile: probe.profile,
    stop: async () => {
      probe.close();
      await service.stop();
    },
  };
}

/** The reference y-websocket server; `rooms()` is how many documents it holds. */
export async function startReference(cpus: string | undefined): Promise<BenchServer & { rooms(): Promise<number> }> {
  const [port, probePort] = [await freePort(), await freePort()];
  // The reference loads the probe itself (see reference-server.ts).
  const node = ['--expose-gc', '--import', 'tsx', REFERENCE];
  const [command, args] = nodeCommand(node, cpus);
  const child = spawn(command, args, {
    cwd: workspaceRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      BENCH_PROBE_PORT: String(probePort),
      BENCH_HEAP_DIR: heapSnapshots.dir,
      TSX_TSCONFIG_PATH: path.join(workspaceRoot, 'tools/tsconfig.json'),
    },
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const deadline = Date.now() + 30_000;
  try {
    while (!(await call(agent, port, 'GET', '/readyz').then((r) => r.status === 200, () => false))) {
      if (child.exitCode !== null) throw new Error(`the reference server exited with code ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('the reference server was not ready within 30 s');
      await sleep(100);
    }
  } catch (error) {
    agent.destroy();
    await stop();
    throw error;
  }
  const probe = probeClient(probePort);
  return {
    label: 'reference',
    pid: child.pid ?? -1,
    wsUrl: `ws://127.0.0.1:${port}/api/collab`,
    memory: probe.memory,
    loop: probe.loop,
    profile: probe.profile,
    rooms: async () => {
      const reply = await call(agent, port, 'GET', '/stats');
      return (JSON.parse(reply.body) as { rooms: number }).rooms;
    },
    stop: async () => {
      probe.close();
      agent.destroy();
      await stop();
    },
  };
}

/**
 * Rooms some replica holds in memory, seen from outside: a replica is
 * subscribed to a room's fan-out channel exactly while the room is loaded
 * (live-rooms.ts subscribes before loading and unsubscribes as the last step
 * of freeing it).
 */
export function liveRoomCounter(keyPrefix: string) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  return {
    count: async () => (await redis.pubsub('CHANNELS', `${keyPrefix}room:*`)).length,
    close: () => redis.disconnect(),
  };
}
