// Question-list benchmark (issue 5 item 6): the same list query three ways in
// one run — through the gateway, directly to question-service, and its SQL
// over raw pg — with requests/s, p50/p99 and the ratios, checked against the
// performance goals of docs/architecture.md.
//
//   npm run bench:questions                      build both apps, then measure
//   npm run bench:questions -- --skip-build      use dist/ as it is
//   BENCH_CONNECTIONS=1,16 BENCH_SECONDS=6 BENCH_WARMUP_SECONDS=2 npm run bench:questions
//   BENCH_PIN=0 npm run bench:questions          no taskset pinning
//   BENCH_CPU_PROF=/tmp/prof npm run bench:questions   --cpu-prof both services
//
// Loopback only. Starts the built question-service and api-gateway on free
// ports against a throwaway database (created, migrated, seeded with the real
// bank by the built seed runner, dropped), a unique Redis prefix (deleted) and
// a RabbitMQ vhost of its own for the seed's events (deleted), and stops by itself.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runBench, suspect, type BenchRun } from '../lib/cleanup';
import { pinProcess, planCpus, processCpuMs } from '../lib/cpu';
import { call } from '../lib/http';
import { envInt, envIntList, progress } from '../lib/options';
import type { SqlStatement } from '../lib/pg-capture';
import { createBenchDatabase, withClient } from '../lib/postgres';
import { createRabbitVhost } from '../lib/rabbit';
import { deleteRedisKeys, REDIS_URL } from '../lib/redis';
import { buildApps, startBuiltService, workspaceRoot, type RunningService } from '../lib/services';
import { ms } from '../lib/stats';
import { printTable } from '../lib/table';
import { combine, measureHttp, measurePg, type Measurement, type Run } from './measure';
import { builtSeed, bundleSeed, captureListStatements, seedQuestionBank } from './service-runs';

const CONNECTIONS = envIntList('BENCH_CONNECTIONS', [1, 16]);
const SECONDS = envInt('BENCH_SECONDS', 3);
const ROUNDS = envInt('BENCH_ROUNDS', 2);
const WARMUP_SECONDS = envInt('BENCH_WARMUP_SECONDS', 2);
const CPU_PROF_DIR = process.env['BENCH_CPU_PROF'];
const QUERIES = [
  { name: 'filter', path: '/api/questions?difficulty=MEDIUM&topics=arrays,strings&q=&page=1&pageSize=20' },
  { name: 'search', path: '/api/questions?q=sum&page=1&pageSize=20' },
] as const;
/** docs/architecture.md, Performance. */
const GOAL_GATEWAY_RATIO = 0.6;
const GOAL_ADDED_P50_MS = 0.3;

const say = progress('bench:questions');
const PATHS = ['gateway', 'direct', 'raw pg'] as const;
type PathName = (typeof PATHS)[number];

interface QueryPlan {
  name: string;
  path: string;
  sql: SqlStatement;
}

/** The three paths must return the same page, or the comparison means nothing. */
async function checkSamePage(plan: QueryPlan, gateway: RunningService, service: RunningService, pool: pg.Pool): Promise<number> {
  const agent = new http.Agent();
  try {
    const idsOver = async (server: RunningService) => {
      const reply = await call(agent, server.port, 'GET', plan.path);
      if (reply.status !== 200) throw new Error(`${server.name} answered ${reply.status} to ${plan.path}: ${reply.body}`);
      return (JSON.parse(reply.body) as { items: { id: string }[] }).items.map((item) => item.id);
    };
    const viaGateway = await idsOver(gateway);
    const direct = await idsOver(service);
    const raw = (await pool.query<{ id: string }>({ text: plan.sql.text, values: plan.sql.values })).rows.map((row) => row.id);
    const same = (a: string[], b: string[]) => a.length === b.length && a.every((id, i) => id === b[i]);
    if (!same(viaGateway, direct) || !same(direct, raw)) throw new Error(`${plan.name}: the three paths returned different pages`);
    if (raw.length === 0) throw new Error(`${plan.name}: the query matches no question; the bench would measure an empty page`);
    return raw.length;
  } finally {
    agent.destroy();
  }
}

async function main({ runId, cleanup }: BenchRun): Promise<void> {
  const cpus = planCpus();
  if (cpus.pinned && cpus.loadCpus) pinProcess(process.pid, cpus.loadCpus);
  say(cpus.description);
  const skipBuild = process.argv.includes('--skip-build');
  buildApps(['question-service', 'api-gateway'], say, skipBuild);
  if (!skipBuild) await bundleSeed();
  if (!existsSync(builtSeed)) throw new Error(`${builtSeed} does not exist; run without --skip-build`);

  const database = await createBenchDatabase({
    label: 'questions',
    runId,
    migrationsDir: path.join(workspaceRoot, 'apps/question-service/prisma/migrations'),
    onCreated: (db) => {
      say(`created database ${db.name}`);
      cleanup.add(`drop database ${db.name}`, db.drop);
    },
  });
  // The seed announces every question it creates: on a vhost of the run's own,
  // or, without rabbitmqctl, to no broker at all (the seed then waits out its
  // bounded close, ~5 s, and drops them).
  const vhost = createRabbitVhost(`bench-questions-${runId}`, process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672');
  cleanup.add('delete the RabbitMQ vhost', vhost.remove);
  const seeded = await seedQuestionBank(database.url, vhost.isolated ? vhost.url : 'amqp://guest:guest@127.0.0.1:9');
  const questionCount = await withClient(database.url, async (client) =>
    Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM questions')).rows[0].n),
  );
  say(`seeded ${seeded.created} questions (${questionCount} in the database)`);

  const publicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const nodeArgs = CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF_DIR}`] : [];
  const common = { NODE_ENV: 'production', LOG_LEVEL: 'warn', AUTH_PUBLIC_KEY: publicKey };
  const internalToken = randomBytes(24).toString('hex');
  const statements = await captureListStatements(
    database.url,
    QUERIES.map((query) => query.path),
    { ...common, INTERNAL_API_TOKEN: internalToken },
  );
  say(`captured the statement of each list request (${statements.size}) from a built question-service`);
  const service = await startBuiltService({
    project: 'question-service',
    cpus: cpus.serverCpus,
    nodeArgs,
    env: { ...common, DATABASE_URL: database.url, INTERNAL_API_TOKEN: internalToken },
  });
  cleanup.add('stop question-service', service.stop);
  const redisPrefix = `bench:questions:${runId}:`;
  cleanup.add(`delete Redis keys ${redisPrefix}*`, () => deleteRedisKeys(redisPrefix));
  const gateway = await startBuiltService({
    project: 'api-gateway',
    cpus: cpus.serverCpus,
    nodeArgs,
    env: {
      ...common,
      REDIS_URL,
      QUESTION_SERVICE_URL: `http://127.0.0.1:${service.port}`,
      REDIS_KEY_PREFIX: redisPrefix,
      // Every request comes from one address: keep the limiter's code path, never its 429.
      RATE_LIMIT_POINTS: '100000000',
      TRUSTED_PROXY_HOPS: '0',
    },
  });
  cleanup.add('stop api-gateway', gateway.stop);
  say(`question-service on :${service.port} (pid ${service.pid}), api-gateway on :${gateway.port} (pid ${gateway.pid})`);

  const pool = new pg.Pool({ connectionString: database.url, max: Math.max(...CONNECTIONS) });
  cleanup.add('close the pg pool', () => pool.end());

  const loadBefore = os.loadavg()[0];
  const plans: QueryPlan[] = [];
  for (const query of QUERIES) {
    const plan = { ...query, sql: statements.get(query.path) as SqlStatement };
    const rows = await checkSamePage(plan, gateway, service, pool);
    say(`${plan.name}: ${rows} questions on the page, same on all three paths`);
    plans.push(plan);
  }

  interface Cell {
    query: string;
    connections: number;
    path: PathName;
    m: Measurement;
    /** CPU each server process spent per answered request during the cell (ms). */
    gatewayCpu: number;
    serviceCpu: number;
  }
  const results: Cell[] = [];
  const runOnce = (plan: QueryPlan, connections: number, pathName: PathName, seconds: number) =>
    pathName === 'raw pg'
      ? measurePg(pool, plan.sql, connections, seconds)
      : measureHttp(`http://127.0.0.1:${(pathName === 'gateway' ? gateway : service).port}${plan.path}`, connections, seconds);
  for (const plan of plans) {
    for (const connections of CONNECTIONS) {
      say(`${plan.name}, ${connections} conn: ${WARMUP_SECONDS} s warm-up per path, then ${ROUNDS} rounds of ${SECONDS} s per path`);
      for (const pathName of PATHS) await runOnce(plan, connections, pathName, WARMUP_SECONDS);
      const runs = new Map<PathName, Run[]>(PATHS.map((p) => [p, []]));
      const cpu = new Map<PathName, { gateway: number; service: number }>(PATHS.map((p) => [p, { gateway: 0, service: 0 }]));
      for (let round = 0; round < ROUNDS; round++) {
        // Rounds interleave the paths, in a rotating order, so a burst of
        // outside load is shared between them instead of hitting one.
        for (let i = 0; i < PATHS.length; i++) {
          const pathName = PATHS[(i + round) % PATHS.length];
          const before = [processCpuMs(gateway.pid), processCpuMs(service.pid)];
          runs.get(pathName)?.push(await runOnce(plan, connections, pathName, SECONDS));
          const spent = cpu.get(pathName);
          if (spent) {
            spent.gateway += processCpuMs(gateway.pid) - before[0];
            spent.service += processCpuMs(service.pid) - before[1];
          }
        }
      }
      for (const pathName of PATHS) {
        const m = combine(runs.get(pathName) ?? []);
        const spent = cpu.get(pathName) ?? { gateway: Number.NaN, service: Number.NaN };
        results.push({ query: plan.name, connections, path: pathName, m, gatewayCpu: spent.gateway / m.n, serviceCpu: spent.service / m.n });
      }
    }
  }
  const loadAfter = os.loadavg()[0];

  const find = (query: string, connections: number, pathName: PathName) =>
    results.find((r) => r.query === query && r.connections === connections && r.path === pathName)?.m;
  const rps = (m?: Measurement) => (m ? m.requestsPerSecond.toFixed(0) : 'n/a');
  const ratio = (a?: Measurement, b?: Measurement) => (a && b ? `${(a.requestsPerSecond / b.requestsPerSecond).toFixed(2)}×` : 'n/a');

  console.log(`\nquestion list, ${questionCount} questions; per cell ${WARMUP_SECONDS} s warm-up, then ${ROUNDS} × ${SECONDS} s interleaved with the other paths`);
  console.log(`${process.platform} ${process.arch}, Node ${process.version}, ${cpus.total} CPUs; ${cpus.description}`);
  console.log(`1-min load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after${Math.max(loadBefore, loadAfter) > cpus.total ? ' — the machine was busy: figures are noisy, rerun when it is idle' : ''}\n`);
  for (const plan of plans) console.log(`${plan.name}: GET ${plan.path}`);
  console.log('');
  const cpuPerRequest = (value: number, used: boolean) => (used && Number.isFinite(value) ? `${Math.round(value * 1000)} µs` : '-');
  printTable(
    ['query', 'conns', 'path', 'req/s', 'p50', 'p99', 'failures', 'gateway CPU/req', 'service CPU/req'],
    results.map(({ query, connections, path: p, m, gatewayCpu, serviceCpu }) => [
      query,
      String(connections),
      p,
      rps(m),
      ms(m.p50, 3),
      ms(m.p99, 3),
      String(m.failures),
      cpuPerRequest(gatewayCpu, p === 'gateway'),
      cpuPerRequest(serviceCpu, p !== 'raw pg'),
    ]),
  );
  console.log('');
  printTable(
    ['query', 'conns', 'gateway/direct req/s', 'direct/raw-pg req/s', 'gateway added p50', 'gateway added p99'],
    plans.flatMap((plan) =>
      CONNECTIONS.map((connections) => {
        const g = find(plan.name, connections, 'gateway');
        const d = find(plan.name, connections, 'direct');
        const r = find(plan.name, connections, 'raw pg');
        return [plan.name, String(connections), ratio(g, d), ratio(d, r), g && d ? ms(g.p50 - d.p50, 3) : 'n/a', g && d ? ms(g.p99 - d.p99, 3) : 'n/a'];
      }),
    ),
  );

  console.log('');
  const most = Math.max(...CONNECTIONS);
  const goals: string[][] = [];
  for (const plan of plans) {
    const g = find(plan.name, most, 'gateway');
    const d = find(plan.name, most, 'direct');
    if (g && d) {
      const value = g.requestsPerSecond / d.requestsPerSecond;
      goals.push([`gateway ≥ ${GOAL_GATEWAY_RATIO}× direct req/s (${plan.name}, ${most} conn)`, `${value.toFixed(2)}×`, value >= GOAL_GATEWAY_RATIO ? 'PASS' : 'FAIL']);
    }
    const g1 = find(plan.name, 1, 'gateway');
    const d1 = find(plan.name, 1, 'direct');
    if (g1 && d1) {
      const added = g1.p50 - d1.p50;
      goals.push([`gateway adds ≤ ${GOAL_ADDED_P50_MS} ms p50 at 1 conn (${plan.name})`, ms(added, 3), added <= GOAL_ADDED_P50_MS ? 'PASS' : 'FAIL']);
    }
  }
  printTable(['goal (docs/architecture.md)', 'measured', 'verdict'], goals);
  console.log('\nCPU/req: user+system time of each server process over the cell (/proc, 10 ms ticks) divided by the answered requests.');
  console.log('direct/raw-pg compares the whole service (HTTP, validation, Prisma $queryRaw, JSON) with the bare statement: it is not the "$queryRaw vs raw pg, both through HTTP" ratio of docs/architecture.md.');
  if (results.some((r) => r.m.failures > 0)) {
    suspect(say, 'some requests failed (see the failures column)');
  }
}

runBench(say, main);
