// The floor under bench:collab's two-replica figures: what the extra hop
// through Redis costs on this machine with nothing else in the way. A bare
// relay (relay.cjs: no Yjs, no auth, no persistence) carries the same load as
// bench:collab (rooms of two clients, each sending a ~40-byte message
// `EDITS_PER_SECOND` times a second, the peer timing its arrival), once with
// both clients of each room on one relay and once on two relays that fan out
// through Redis pub/sub, the way collaboration-service replicas do. Pinned as
// bench:collab pins: relays on the servers' CPU(s), this process on the last.
//
//   npm run bench:collab-hop
//   BENCH_ROOMS=100,500 BENCH_SECONDS=15 BENCH_WARMUP_SECONDS=3 BENCH_EDITS_PER_SECOND=2 BENCH_ROUNDS=2 npm run bench:collab-hop
//
// The ratio "two relays / one relay" is how much slower the hop alone makes a
// room; set it beside bench:collab's "ours ×2 / ours". Loopback only; its
// Redis channels are its own (pub/sub keeps nothing).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { nodeCommand, pinProcess, planCpus } from '../lib/cpu';
import { envInt, envIntList, progress, sleep } from '../lib/options';
import { REDIS_URL } from '../lib/redis';
import { freePort } from '../lib/services';
import { ms, percentile } from '../lib/stats';
import { printTable } from '../lib/table';

const ROOM_COUNTS = envIntList('BENCH_ROOMS', [100, 500]);
const SECONDS = envInt('BENCH_SECONDS', 15);
const WARMUP_SECONDS = envInt('BENCH_WARMUP_SECONDS', 3);
const EDITS_PER_SECOND = envInt('BENCH_EDITS_PER_SECOND', 2);
const ROUNDS = envInt('BENCH_ROUNDS', 2);
const RELAY = path.join(__dirname, 'relay.cjs');
/** About the size of a one-token Yjs update in a y-websocket sync message. */
const MESSAGE_BYTES = 40;

const say = progress('bench:collab-hop');
const SETUPS = ['one relay', 'two relays (Redis)'] as const;
type Setup = (typeof SETUPS)[number];

interface Relay {
  url: string;
  stop(): Promise<void>;
}

async function startRelay(cpus: string | undefined, env: Record<string, string>): Promise<Relay> {
  const port = await freePort();
  const [command, args] = nodeCommand([RELAY], cpus);
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env, PORT: String(port) } });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the relay exited with code ${code}`)));
  });
  await ready;
  return {
    url: `ws://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

async function measure(setup: Setup, rooms: number, cpus: string | undefined, channelPrefix: string) {
  const relays: Relay[] = [];
  const sockets: WebSocket[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    if (setup === 'one relay') relays.push(await startRelay(cpus, {}));
    else for (let i = 0; i < 2; i++) relays.push(await startRelay(cpus, { REDIS_URL, RELAY_CHANNEL_PREFIX: channelPrefix }));
    const sentAt = new Map<string, number>();
    const samples: { at: number; ms: number }[] = [];
    const pairs: [WebSocket, WebSocket][] = [];
    for (let room = 0; room < rooms; room++) {
      const pair = (await Promise.all([open(`${relays[0].url}/${room}`), open(`${relays[relays.length - 1].url}/${room}`)])) as [WebSocket, WebSocket];
      for (const ws of pair) {
        ws.on('message', (data: Buffer) => {
          const now = performance.now();
          const token = data.toString('latin1', 0, data.indexOf(0x3b) + 1);
          const at = sentAt.get(token);
          if (at === undefined) return;
          sentAt.delete(token);
          samples.push({ at, ms: now - at });
        });
      }
      sockets.push(...pair);
      pairs.push(pair);
    }
    // Both relays subscribed to every room's channel before anything is sent.
    await sleep(500);
    const period = 1000 / EDITS_PER_SECOND;
    let client = 0;
    for (const pair of pairs) {
      for (const ws of pair) {
        const id = client++;
        let seq = 0;
        const send = () => {
          const token = `${id}:${seq++};`;
          const message = Buffer.alloc(MESSAGE_BYTES, 0x20);
          message.write(token, 'latin1');
          sentAt.set(token, performance.now());
          ws.send(message);
        };
        timers.push(
          setTimeout(() => {
            send();
            timers.push(setInterval(send, period));
          }, (id * 7919) % period),
        );
      }
    }
    await sleep(WARMUP_SECONDS * 1000);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const from = performance.now();
    loop.enable();
    await sleep(SECONDS * 1000);
    loop.disable();
    const until = performance.now();
    await sleep(1000);
    const measured = Array.from(Float64Array.from(samples.filter((s) => s.at >= from && s.at < until).map((s) => s.ms)).sort());
    const lost = [...sentAt.values()].filter((at) => at >= from && at < until).length;
    return { samples: measured, lost, generatorLoopP99: Math.max(0, loop.percentile(99) / 1e6 - 10) };
  } finally {
    for (const timer of timers) clearInterval(timer);
    for (const ws of sockets) ws.terminate();
    for (const relay of relays) await relay.stop();
  }
}

async function main(): Promise<void> {
  const cpus = planCpus();
  if (cpus.pinned && cpus.loadCpus) pinProcess(process.pid, cpus.loadCpus);
  say(cpus.description);
  const channelPrefix = `bench:collab-hop:${randomBytes(4).toString('hex')}:`;
  const rows: string[][] = [];
  for (const rooms of ROOM_COUNTS) {
    const pooled = Object.fromEntries(SETUPS.map((s) => [s, { samples: [] as number[], lost: 0, loop: 0 }])) as Record<
      Setup,
      { samples: number[]; lost: number; loop: number }
    >;
    for (let round = 0; round < ROUNDS; round++) {
      for (const setup of round % 2 === 0 ? SETUPS : [...SETUPS].reverse()) {
        say(`${setup}, ${rooms} rooms, round ${round + 1} of ${ROUNDS}`);
        const result = await measure(setup, rooms, cpus.serverCpus, channelPrefix);
        const entry = pooled[setup];
        entry.samples.push(...result.samples);
        entry.lost += result.lost;
        entry.loop = Math.max(entry.loop, result.generatorLoopP99);
      }
    }
    const one = pooled['one relay'];
    const sortedOne = Array.from(Float64Array.from(one.samples).sort());
    for (const setup of SETUPS) {
      const entry = pooled[setup];
      const sorted = Array.from(Float64Array.from(entry.samples).sort());
      const ratio = (p: number) => `${(percentile(sorted, p) / percentile(sortedOne, p)).toFixed(2)}×`;
      rows.push([
        String(rooms),
        setup,
        String(sorted.length),
        ms(percentile(sorted, 50), 3),
        ms(percentile(sorted, 95), 3),
        ms(percentile(sorted, 99), 3),
        String(entry.lost),
        ms(entry.loop),
        setup === 'one relay' ? '-' : `${ratio(50)} / ${ratio(95)}`,
      ]);
    }
  }
  console.log(
    `\ncollab hop floor: bare relays (relay.cjs), rooms of 2 clients each sending ${EDITS_PER_SECOND} × ${MESSAGE_BYTES} B/s; ${WARMUP_SECONDS} s warm-up, ${SECONDS} s measured, ${ROUNDS} round(s) pooled`,
  );
  console.log(`${process.platform} ${process.arch}, Node ${process.version}, ${cpus.total} CPUs; ${cpus.description}; load average ${os.loadavg()[0].toFixed(2)}\n`);
  printTable(['rooms', 'setup', 'messages seen', 'p50', 'p95', 'p99', 'lost', 'generator loop p99', 'p50 / p95 vs one relay'], rows);
  if (rows.some((row) => row[6] !== '0')) {
    say('some messages never arrived: the figures are suspect');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  say(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
