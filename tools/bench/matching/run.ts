// Matching benchmark (issue 6 item 7): 1,000 simulated users against two
// matching-service replicas through the real HTTP API and live status
// sockets, each asking again as soon as it is matched; sustained matches/s,
// time-to-match with the peer already waiting (request sent → both told),
// beside the bare cost of the enqueue-or-match Lua step in the same run.
//
//   npm run bench:matching                    build matching-service, then measure
//   npm run bench:matching -- --skip-build    use dist/ as it is
//   BENCH_USERS=1000 BENCH_SECONDS=12 BENCH_WARMUP_SECONDS=2 npm run bench:matching
//   BENCH_PIN=0 npm run bench:matching        no taskset pinning
//   BENCH_CPU_PROF=/tmp/prof npm run bench:matching   --cpu-prof both replicas
//
// Loopback only. Its own Redis prefix and RabbitMQ vhost, both removed at the
// end (also on error and Ctrl-C); stops by itself.
import http from 'node:http';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { runBench, suspect, type BenchRun } from '../lib/cleanup';
import { localServerPids, machineCpuMs, pinProcess, planCpus, processCpuMs } from '../lib/cpu';
import { envInt, progress, sleep } from '../lib/options';
import { createRabbitVhost } from '../lib/rabbit';
import { deleteRedisKeys, REDIS_URL } from '../lib/redis';
import { buildApps, startBuiltService, type RunningService } from '../lib/services';
import { ms, summary } from '../lib/stats';
import { printTable } from '../lib/table';
import { createTokenSigner, criteriaOf, PROBE_TOPIC, startTopicsStub } from './fixtures';
import { captureEnqueueScript, measureLuaStep } from './lua-step';
import { runLoad, runProbes, StatusSocket, type ProbePair } from './users';

const USERS = envInt('BENCH_USERS', 1000);
const SECONDS = envInt('BENCH_SECONDS', 12);
const WARMUP_SECONDS = envInt('BENCH_WARMUP_SECONDS', 2);
const IDLE_PROBES = envInt('BENCH_IDLE_PROBES', 500);
const HTTP_SOCKETS = envInt('BENCH_HTTP_SOCKETS', 128);
const CPU_PROF_DIR = process.env['BENCH_CPU_PROF'];
/** Issue 6 item 7. */
const GOAL_MATCHES_PER_SECOND = 5000;
const GOAL_P99_MS = 20;

const say = progress('bench:matching');

async function main({ runId, cleanup }: BenchRun): Promise<void> {
  const cpus = planCpus();
  if (cpus.pinned && cpus.loadCpus) pinProcess(process.pid, cpus.loadCpus);
  say(cpus.description);
  buildApps(['matching-service'], say, process.argv.includes('--skip-build'));

  const topics = await startTopicsStub();
  cleanup.add('stop the topics stub', topics.close);
  const signer = await createTokenSigner();
  const prefix = `bench:matching:${runId}:`;
  cleanup.add(`delete Redis keys ${prefix}*`, () => deleteRedisKeys(prefix));
  const vhost = createRabbitVhost(`bench-matching-${runId}`, process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672');
  cleanup.add('delete the RabbitMQ vhost', vhost.remove);
  say(vhost.isolated ? `RabbitMQ vhost bench-matching-${runId}` : 'no rabbitmqctl: the replicas publish on the shared vhost /');

  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    REDIS_URL,
    AMQP_URL: vhost.url,
    AUTH_PUBLIC_KEY: signer.publicKeyPem,
    QUESTION_SERVICE_URL: topics.url,
    MATCH_KEY_PREFIX: prefix,
    // Matched users may ask again at once (no room follows), and no window ends during the run.
    MATCH_ROOM_HOLD_MS: '0',
    MATCH_STRICT_WINDOW_MS: String((WARMUP_SECONDS + SECONDS + 120) * 1000),
  };
  const replicas: RunningService[] = [];
  for (let i = 0; i < 2; i++) {
    const replica = await startBuiltService({
      project: 'matching-service',
      cpus: cpus.serverCpus,
      env,
      nodeArgs: CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [],
    });
    cleanup.add(`stop matching-service replica ${i + 1}`, replica.stop);
    replicas.push(replica);
  }
  say(`replicas on :${replicas.map((r) => `${r.port} (pid ${r.pid})`).join(', :')}`);
  const agents = replicas.map(() => new http.Agent({ keepAlive: true, maxSockets: HTTP_SOCKETS }));
  // The probe pair has connections of its own, as each browser does: a probe never waits in the load
  // generator's client-side queue behind the load's requests (it still waits in the replicas' queues).
  const probeAgents = replicas.map(() => new http.Agent({ keepAlive: true, maxSockets: 2 }));
  cleanup.add('close the HTTP agents', () => [...agents, ...probeAgents].forEach((agent) => agent.destroy()));

  const sockets: StatusSocket[] = [];
  cleanup.add('close the status sockets', () => sockets.forEach((socket) => socket.close()));
  const connect = async (name: string, replicaIndex: number) => {
    const user = await signer.user(name);
    const socket = await StatusSocket.open(replicas[replicaIndex], user);
    sockets.push(socket);
    return { user, socket };
  };
  const users = [];
  for (let i = 0; i < USERS; i++) users.push({ ...(await connect(`bench${i}`, i % 2)), criteria: criteriaOf(i), index: i });
  const pair: ProbePair = {
    waiting: await connect('probe-a', 0),
    joining: await connect('probe-b', 1),
    criteria: { mode: 'interview', minutes: 45, difficulty: 'MEDIUM', topics: [PROBE_TOPIC], language: 'python', allowRelaxed: false },
  };
  say(`${USERS} users connected; ${WARMUP_SECONDS} s warm-up, then ${SECONDS} s of load with probes alongside`);

  const loadBefore = os.loadavg()[0];
  const started = performance.now();
  const measureFrom = started + WARMUP_SECONDS * 1000;
  const until = measureFrom + SECONDS * 1000;
  // Everything that shares the machine's CPUs during the load: the two replicas, this process (the load
  // generator), and Redis and RabbitMQ when they run here; plus the machine as a whole.
  const accounted = [
    ...replicas.map((r, i) => ({ name: `replica ${i + 1}`, pid: r.pid })),
    { name: 'load generator', pid: process.pid },
    ...localServerPids(['redis-server', 'beam.smp']).map(({ name, pid }) => ({ name: name === 'beam.smp' ? 'RabbitMQ' : name, pid })),
  ];
  const snapshot = () => ({
    at: performance.now(),
    ms: accounted.map((p) => processCpuMs(p.pid)),
    machine: machineCpuMs(),
    loop: performance.eventLoopUtilization(),
  });
  let cpuBefore = snapshot();
  const cpuMark = sleep(WARMUP_SECONDS * 1000).then(() => {
    cpuBefore = snapshot();
  });
  const [load, busyProbes] = await Promise.all([
    runLoad({ users, replicas, agents, until, matchTimeoutMs: 15_000 }),
    sleep(WARMUP_SECONDS * 1000).then(() => runProbes({ pair, replicas, agents: probeAgents, until, maxProbes: 100_000 })),
  ]);
  await cpuMark;
  const cpuAfter = snapshot();
  const loadAfter = os.loadavg()[0];
  const counted = load.matches.filter((m) => m.at >= measureFrom && m.at <= until);
  const matchesPerSecond = counted.length / SECONDS;
  const underLoad = summary(counted.map((m) => m.ms));
  say(`${load.matches.length} matches in all; probing an idle service (${IDLE_PROBES} probes)`);
  const idleProbes = await runProbes({ pair, replicas, agents: probeAgents, until: performance.now() + 60_000, maxProbes: IDLE_PROBES });
  const idle = summary(idleProbes.samples);
  const busy = summary(busyProbes.samples);

  const luaOps = Math.max(2 * counted.length, 1000);
  say(`enqueue-or-match Lua step: ${luaOps} calls from two clients`);
  // One more probe, under MONITOR: the SHA of the script a replica runs for its enqueue step.
  const sha = await captureEnqueueScript({
    prefix,
    userId: pair.waiting.user.id,
    enqueue: async () => {
      const probe = await runProbes({ pair, replicas, agents: probeAgents, until: performance.now() + 30_000, maxProbes: 1 });
      if (probe.failures > 0) throw new Error('the probe that shows the enqueue step failed');
    },
  });
  const lua = await measureLuaStep({ sha, prefix: `${prefix}lua:`, ops: luaOps, users: USERS, inFlight: 32 });
  const luaLatency = summary(lua.latencies);

  console.log(`\nmatching: ${USERS} users (3 difficulties × 4 topics × 2 languages, half asking for 2 topics), 2 replicas; ${WARMUP_SECONDS} s warm-up, ${SECONDS} s measured`);
  console.log(`${process.platform} ${process.arch}, Node ${process.version}, ${cpus.total} CPUs; ${cpus.description}`);
  console.log(`1-min load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after${Math.max(loadBefore, loadAfter) > cpus.total ? ' — the machine was busy: figures are noisy, rerun when it is idle' : ''}`);
  const windowMs = cpuAfter.at - cpuBefore.at;
  const spent = accounted.map((p, i) => ({ name: p.name, ms: cpuAfter.ms[i] - cpuBefore.ms[i] }));
  const machineBusy = (cpuAfter.machine.busy - cpuBefore.machine.busy) / (cpuAfter.machine.total - cpuBefore.machine.total);
  const loop = performance.eventLoopUtilization(cpuAfter.loop, cpuBefore.loop);
  console.log(`CPU over the measured window (% of one CPU): ${spent.map((p) => `${p.name} ${((p.ms / windowMs) * 100).toFixed(0)}%`).join(', ')}; whole machine ${(machineBusy * 100).toFixed(0)}% busy (of ${cpus.total} CPUs); load generator event loop ${(loop.utilization * 100).toFixed(0)}% utilized; ${load.requests} requests in all`);
  // CPU time per counted match, and what the target rate would need at that cost (matches in the window ≈ counted).
  const perMatch = spent.map((p) => ({ name: p.name, us: (p.ms * 1000) / Math.max(counted.length, 1) }));
  const totalUs = perMatch.reduce((sum, p) => sum + p.us, 0);
  console.log(`CPU per match: ${perMatch.map((p) => `${p.name} ${p.us.toFixed(0)} µs`).join(', ')}; ${totalUs.toFixed(0)} µs in all, so ${GOAL_MATCHES_PER_SECOND} matches/s would need ${((totalUs * GOAL_MATCHES_PER_SECOND) / 1e6).toFixed(1)} CPUs at this cost\n`);
  const row = (what: string, rate: string, s: { n: number; p50: number; p99: number; max: number }) => [what, rate, String(s.n), ms(s.p50), ms(s.p99), ms(s.max)];
  printTable(
    ['measure', 'rate', 'samples', 'p50', 'p99', 'max'],
    [
      row('load: every match (1,000 users, closed loop), request → both told', `${matchesPerSecond.toFixed(0)} matches/s`, underLoad),
      row('probe, peer waiting, during the load', '-', busy),
      row('probe, peer waiting, idle service', '-', idle),
      row('bare Lua enqueue-or-match (2 clients × 32 in flight)', `${(lua.ops / lua.seconds).toFixed(0)} ops/s, ${(lua.matched / lua.seconds).toFixed(0)} matches/s`, luaLatency),
    ],
  );
  console.log('');
  printTable(
    ['issue 6 target', 'measured', 'verdict'],
    [
      [`≥ ${GOAL_MATCHES_PER_SECOND} matches/s`, matchesPerSecond.toFixed(0), matchesPerSecond >= GOAL_MATCHES_PER_SECOND ? 'PASS' : 'FAIL'],
      [`time-to-match p99 < ${GOAL_P99_MS} ms (probe, idle service)`, ms(idle.p99), idle.p99 < GOAL_P99_MS ? 'PASS' : 'FAIL'],
      [`time-to-match p99 < ${GOAL_P99_MS} ms (probe, during the load)`, ms(busy.p99), busy.p99 < GOAL_P99_MS ? 'PASS' : 'FAIL'],
    ],
  );
  console.log('\nIn the closed loop each match frees two of the 1,000 users, so its time-to-match is ~ users / (2 × matches/s) by Little\'s law: a queueing figure, not the service\'s latency.');
  const failures = [...load.failures].map(([what, n]) => `${what}: ${n}`);
  if (failures.length > 0 || busyProbes.failures + idleProbes.failures > 0) {
    suspect(say, `failures: ${failures.join(', ') || 'none in the load'}; probes ${busyProbes.failures + idleProbes.failures}`);
  }
}

runBench(say, main);
