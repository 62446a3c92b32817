// Run and Submit benchmark (issue #16 item 12): per language, Run latency
// through the real path (HTTP → collaboration-service → RabbitMQ work queue →
// two execution-service replicas → sandbox → events → collaboration-service),
// submissions per second with two replicas, /healthz and the event loop of
// the replicas under that load, beside the same compiled programs run bare
// (no sandbox) and in one box, measured in the same run by the app's own bench.
//
//   npm run bench:execution                    build, then measure
//   npm run bench:execution -- --skip-build    use dist/ as it is
//   BENCH_RUNS=20 BENCH_SUBMITS=24 BENCH_LANGUAGES=python,javascript npm run bench:execution
//
// Loopback only. Starts the built services on free ports against a throwaway
// database (dropped), a Redis prefix (deleted) and a RabbitMQ vhost of its own
// (deleted), a stub question-service serving one seed question, and stops by itself.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runBench, type BenchRun } from '../lib/cleanup';
import { probeHealth } from '../lib/health';
import { call } from '../lib/http';
import { envInt, progress, sleep } from '../lib/options';
import { createBenchDatabase } from '../lib/postgres';
import { createRabbitVhost } from '../lib/rabbit';
import { deleteRedisKeys, REDIS_URL } from '../lib/redis';
import { buildApps, startBuiltService, workspaceRoot, type RunningService } from '../lib/services';
import { ms, summary } from '../lib/stats';
import { printTable } from '../lib/table';
import { createTokenSigner } from '../matching/fixtures';

const args = new Set(process.argv.slice(2));
const RUNS = envInt('BENCH_RUNS', 12);
const SUBMITS = envInt('BENCH_SUBMITS', 16);
const SLUG = process.env['BENCH_QUESTION'] ?? 'pair-with-target-sum';
const VISIBLE_TESTS = 5;
const REPLICAS = 2;
const AMQP_URL = process.env['AMQP_URL'] ?? 'amqp://guest:guest@127.0.0.1:5672';
const ALL_LANGUAGES = ['python', 'javascript', 'typescript', 'java', 'cpp'] as const;
type Language = (typeof ALL_LANGUAGES)[number];
const LANGUAGES = (process.env['BENCH_LANGUAGES']?.split(',') ?? [...ALL_LANGUAGES]).filter((name): name is Language =>
  (ALL_LANGUAGES as readonly string[]).includes(name),
);
const POLL_MS = 5;

const say = progress('bench:execution');

interface TestCase {
  args: unknown[];
  expected: unknown;
  hidden: boolean;
}

/** What the app's sandbox bench prints with BENCH_JSON=1. */
interface SandboxFigures {
  question: Record<string, unknown> & { testCases: TestCase[]; entryPoint: { functionName: string } };
  solutions: Record<Language, string>;
  figures: { language: Language; compileBare: number; compileBox: number; allBare: number; allBox: number }[];
}

/** The app's own bench (apps/execution-service/bench/run.ts): bare and one-box times of the same programs. */
function sandboxFigures(): Promise<SandboxFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(workspaceRoot, 'apps/execution-service/bench/run.ts')],
      {
        cwd: workspaceRoot,
        env: {
          ...process.env,
          TSX_TSCONFIG_PATH: path.join(workspaceRoot, 'apps/execution-service/tsconfig.json'),
          BENCH_JSON: '1',
          BENCH_QUESTION: SLUG,
          BENCH_TESTS: String(VISIBLE_TESTS),
          BENCH_ROUNDS: process.env['BENCH_SANDBOX_ROUNDS'] ?? '5',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the sandbox bench exited with ${code}`));
      try {
        resolve(JSON.parse(out) as SandboxFigures);
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** question-service's question read, as collaboration-service calls it (internal token), for one question. */
async function startQuestionStub(question: Record<string, unknown>, internalToken: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const ok = req.method === 'GET' && req.url === `/api/questions/${String(question['id'])}` && req.headers['x-internal-token'] === internalToken;
    res.statusCode = ok ? 200 : 404;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(ok ? question : { status: 404 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface Client {
  agent: http.Agent;
  port: number;
  token: string;
}

/** Hostile programs (Python; the integration tests cover C++ too), defining the question's function with any arguments. */
function hostilePrograms(functionName: string): Record<string, string> {
  const def = `def ${functionName}(*args):\n`;
  return {
    'infinite loop': `${def}    n = 0\n    while True:\n        n += 1\n`,
    'fork bomb': `import os\n${def}    while True:\n        os.fork()\n`,
    'allocate until killed': `${def}    hoard = []\n    while True:\n        hoard.append(bytearray(1 << 20))\n`,
    'print 1 GB': `${def}    line = "x" * 65535\n    for _ in range(16384):\n        print(line)\n`,
    'sleep forever': `import time\n${def}    time.sleep(10**6)\n`,
  };
}

/** One run through the public API: POST, then GET every POLL_MS until it is done; its wall time and result. */
async function runOnce(client: Client, body: Record<string, unknown>): Promise<{ ms: number; status: string }> {
  const headers = { authorization: `Bearer ${client.token}` };
  const started = performance.now();
  const created = await call(client.agent, client.port, 'POST', '/api/runs', body, 30_000, headers);
  if (created.status !== 202) throw new Error(`POST /api/runs answered ${created.status}: ${created.body}`);
  const { id } = JSON.parse(created.body) as { id: string };
  for (;;) {
    const reply = await call(client.agent, client.port, 'GET', `/api/runs/${id}`, undefined, 30_000, headers);
    const run = JSON.parse(reply.body) as { phase: string; result: { status: string } | null; error: string | null };
    if (run.phase === 'done') return { ms: performance.now() - started, status: run.result?.status ?? 'none' };
    if (run.phase === 'failed') throw new Error(`run ${id} failed: ${run.error}`);
    await sleep(POLL_MS);
  }
}


/** prom-client's event-loop delay p99 (seconds → ms) from a service's /metrics: it covers the replica's whole life, start-up included. */
async function eventLoopP99(service: RunningService): Promise<number> {
  const agent = new http.Agent();
  try {
    const metrics = await call(agent, service.port, 'GET', '/metrics');
    const line = metrics.body.split('\n').find((row) => row.startsWith('nodejs_eventloop_lag_p99_seconds'));
    return line ? Number(line.split(' ').at(-1)) * 1000 : Number.NaN;
  } finally {
    agent.destroy();
  }
}

async function main({ runId, cleanup }: BenchRun): Promise<void> {
  if (process.getuid?.() !== 0) say('not root: every replica runs its boxes as its own uid (fine; as root each slot gets one)');
  buildApps(['collaboration-service', 'execution-service'], say, args.has('--skip-build'));
  say(`the sandbox bench: ${SLUG}, ${VISIBLE_TESTS} tests, bare and in one box (same programs)`);
  const sandbox = await sandboxFigures();
  const tests = sandbox.question.testCases.slice(0, VISIBLE_TESTS).map((test) => ({ ...test, hidden: false }));
  const question = { ...sandbox.question, id: randomUUID(), slug: SLUG, testCases: tests, topics: [], createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() };

  const database = await createBenchDatabase({
    label: 'execution',
    runId,
    migrationsDir: path.join(workspaceRoot, 'apps/collaboration-service/prisma/migrations'),
    onCreated: (db) => cleanup.add(`drop database ${db.name}`, db.drop),
  });
  const vhost = createRabbitVhost(`pp_bench_execution_${runId}`, AMQP_URL);
  if (!vhost.isolated) throw new Error('rabbitmqctl is needed for a RabbitMQ vhost of the run’s own (the work queue and its events stay out of the shared one)');
  cleanup.add(`delete the RabbitMQ vhost of run ${runId}`, vhost.remove);
  const prefix = `bench:execution:${runId}:`;
  cleanup.add(`delete Redis keys ${prefix}*`, () => deleteRedisKeys(prefix));
  const internalToken = randomBytes(24).toString('hex');
  const stub = await startQuestionStub(question, internalToken);
  cleanup.add('stop the question stub', stub.close);
  const signer = await createTokenSigner();

  const shared = { NODE_ENV: 'production', LOG_LEVEL: 'warn', AMQP_URL: vhost.url, INTERNAL_API_TOKEN: internalToken };
  const replicas: RunningService[] = [];
  for (let index = 0; index < REPLICAS; index += 1) {
    const workDir = path.join(os.tmpdir(), `pp-bench-execution-${runId}-${index}`);
    const replica = await startBuiltService({
      project: 'execution-service',
      env: { ...shared, EXECUTION_SLOTS: '1', EXECUTION_WORK_DIR: workDir, EXECUTION_BOX_UID_BASE: String(61_000 + index * 100) },
    });
    cleanup.add(`stop execution-service replica ${index + 1}`, replica.stop);
    replicas.push(replica);
  }
  const collab = await startBuiltService({
    project: 'collaboration-service',
    env: {
      ...shared,
      DATABASE_URL: database.url,
      REDIS_URL,
      COLLAB_KEY_PREFIX: prefix,
      AUTH_PUBLIC_KEY: signer.publicKeyPem,
      QUESTION_SERVICE_URL: stub.url,
      RUNS_PER_MINUTE: '10000',
    },
  });
  cleanup.add('stop collaboration-service', collab.stop);
  const loadBefore = os.loadavg()[0];
  say(`${REPLICAS} execution replicas (1 run slot each), collaboration-service; ${RUNS} Runs per language, then ${SUBMITS} Submits at once`);

  const latencyRows: string[][] = [];
  const throughputRows: string[][] = [];
  const health: number[] = [];
  for (const language of LANGUAGES) {
    const code = sandbox.solutions[language];
    const body = { questionId: question.id, language, code, kind: 'run' };
    const agent = new http.Agent({ keepAlive: true });
    const client: Client = { agent, port: collab.port, token: (await signer.user(`bench-${language}`)).token };
    await runOnce(client, body); // warm-up: the JVM's and tsc's files into the page cache
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const run = await runOnce(client, body);
      if (run.status !== 'accepted') throw new Error(`${language}: the reference solution was ${run.status}`);
      samples.push(run.ms);
    }
    const latency = summary(samples);
    const figures = sandbox.figures.find((row) => row.language === language);
    const bare = figures ? figures.compileBare + figures.allBare : Number.NaN;
    const boxed = figures ? figures.compileBox + figures.allBox : Number.NaN;
    latencyRows.push([
      language,
      ms(latency.p50, 0),
      ms(latency.p99, 0),
      ms(bare, 0),
      ms(boxed, 0),
      (boxed / bare).toFixed(2),
      figures ? (figures.allBox / figures.allBare).toFixed(2) : 'n/a',
      (latency.p50 / boxed).toFixed(2),
    ]);

    // A burst of Submits from distinct users: the queue holds what the two slots cannot take yet.
    const users = await Promise.all(Array.from({ length: SUBMITS }, (_, i) => signer.user(`burst-${language}-${i}`)));
    let done = false;
    const probing = probeHealth(replicas[0].port, () => done);
    const started = performance.now();
    const burst = await Promise.all(
      users.map((user) => runOnce({ agent, port: collab.port, token: user.token }, { ...body, kind: 'submit' })),
    );
    const seconds = (performance.now() - started) / 1000;
    done = true;
    health.push(...(await probing));
    const failed = burst.filter((run) => run.status !== 'accepted').length;
    const perSubmit = summary(burst.map((run) => run.ms));
    throughputRows.push([language, String(SUBMITS), (SUBMITS / seconds).toFixed(2), ms(perSubmit.p50, 0), ms(perSubmit.p99, 0), String(failed)]);
    agent.destroy();
  }
  // Hostile code on both replicas at once while /healthz is probed.
  const hostile = Object.entries(hostilePrograms(sandbox.question.entryPoint.functionName));
  const hostileUsers = await Promise.all(hostile.map(([name]) => signer.user(`hostile-${name.replaceAll(' ', '-')}`)));
  const hostileAgent = new http.Agent({ keepAlive: true });
  let hostileDone = false;
  const hostileProbe = probeHealth(replicas[0].port, () => hostileDone);
  const hostileRuns = await Promise.all(
    hostile.map(([name, code], index) =>
      runOnce({ agent: hostileAgent, port: collab.port, token: hostileUsers[index].token }, { questionId: question.id, language: 'python', code, kind: 'run' }).then(
        (run) => [name, run.status, ms(run.ms, 0)],
      ),
    ),
  );
  hostileDone = true;
  const hostileHealth = summary(await hostileProbe);
  hostileAgent.destroy();

  const loops = await Promise.all(replicas.map(eventLoopP99));
  const healthSummary = summary(health);

  console.log(`\n# Run and Submit: ${SLUG}, ${VISIBLE_TESTS} tests, ${REPLICAS} execution replicas × 1 slot, ${os.cpus().length} cores`);
  console.log(`load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0].toFixed(2)} after; ${process.getuid?.() === 0 ? 'root (a uid per slot)' : 'not root'}\n`);
  console.log('Run latency (POST → done, polled every 5 ms) beside the same programs compiled and run bare and in one box (the sandbox bench, same run):\n');
  printTable(
    ['language', 'Run p50', 'Run p99', 'bare compile+tests', 'box compile+tests', 'box/bare (whole, goal ≤ 1.5)', 'box/bare (tests only)', 'Run p50 / box'],
    latencyRows,
  );
  console.log(`\nSubmits at once (${SUBMITS} users), two replicas:\n`);
  printTable(['language', 'submits', 'submits/s', 'p50', 'p99', 'not accepted'], throughputRows);
  console.log('\nHostile Python programs, all at once on both replicas:\n');
  printTable(['program', 'verdict', 'POST → done'], hostileRuns);
  console.log('\nexecution-service under that load:\n');
  printTable(
    ['measure', 'value', 'goal'],
    [
      ['/healthz p50 / p99 / max during the Submits (replica 1, every 10 ms)', `${ms(healthSummary.p50)} / ${ms(healthSummary.p99)} / ${ms(healthSummary.max)}`, '< 50 ms'],
      ['/healthz p50 / p99 / max during the hostile runs', `${ms(hostileHealth.p50)} / ${ms(hostileHealth.p99)} / ${ms(hostileHealth.max)}`, '< 50 ms'],
      ...loops.map((p99, index) => [`event-loop delay p99, replica ${index + 1} (prom-client, whole life)`, ms(p99), '< 20 ms']),
    ],
  );
  const goals = latencyRows
    .filter(([language]) => language === 'python' || language === 'javascript')
    .map(([language, p50]) => `${language} Run p50 ${p50} (goal ≤ 400 ms)`);
  if (goals.length > 0) console.log(`\n${goals.join('; ')}`);
}

runBench(say, main);
