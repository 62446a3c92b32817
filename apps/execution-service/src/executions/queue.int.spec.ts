import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import amqplib from 'amqplib';
import {
  executionJobSchema,
  type EventEnvelope,
  type ExecutionFinishedPayload,
  type ExecutionJob,
  type ExecutionProgressedPayload,
} from '@peerprep/contracts';
import { executionEnvSchema } from '@peerprep/execution-service-config';
import { createMessaging, createWorkQueue, type Messaging, type WorkQueue } from '@peerprep/messaging';
import { createLogger, loadConfig } from '@peerprep/service-kit';
import { createTestRabbit, startTestService, testServiceEnv, waitFor, type RunningTestService, type TestRabbit } from '@peerprep/testing';
import { addUpEntryPoint, addUpTests } from '../../test/add-up';
import { processesOf } from '../../test/sandbox-harness';
import { createApp } from '../app';
import { connectBroker, createSandboxFromConfig } from '../dependencies';
import { FAILED_RUN_MESSAGES } from './execution.jobs';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../../..');
const MAIN = path.join(WORKSPACE_ROOT, 'apps/execution-service/src/main.ts');
const logger = createLogger({ name: 'execution-queue-test', level: 'silent' });

const PYTHON_SOLUTION = 'def addUp(values, bonus):\n    return sum(values) + bonus\n';
/** About a second per test: long enough to kill the replica in the middle of it. */
const SLOW_PYTHON_SOLUTION = 'import time\ndef addUp(values, bonus):\n    time.sleep(1.0)\n    return sum(values) + bonus\n';
const TESTS = addUpTests;

function job(overrides: Partial<ExecutionJob> = {}): ExecutionJob {
  return {
    runId: randomUUID(),
    language: 'python',
    code: PYTHON_SOLUTION,
    entryPoint: addUpEntryPoint,
    tests: TESTS,
    enqueuedAt: new Date().toISOString(),
    ...overrides,
  };
}

type Progressed = EventEnvelope<'execution.progressed', ExecutionProgressedPayload>;
type Finished = EventEnvelope<'execution.finished', ExecutionFinishedPayload>;

/** Every execution event of the test's exchange, in arrival order, as collaboration-service would get them. */
class EventLog {
  readonly events: (Progressed | Finished)[] = [];

  progressed(runId: string): ExecutionProgressedPayload[] {
    return this.events.filter((e): e is Progressed => e.type === 'execution.progressed' && e.payload.runId === runId).map((e) => e.payload);
  }

  finished(runId: string): ExecutionFinishedPayload[] {
    return this.events.filter((e): e is Finished => e.type === 'execution.finished' && e.payload.runId === runId).map((e) => e.payload);
  }

  /** Index in arrival order of the run's finished event (for ordering checks). */
  positionOfFinished(runId: string): number {
    return this.events.findIndex((e) => e.type === 'execution.finished' && e.payload.runId === runId);
  }

  async waitForFinished(runId: string, limitMs = 60_000): Promise<ExecutionFinishedPayload> {
    await waitFor(() => this.finished(runId).length > 0, limitMs, `execution.finished of ${runId}`);
    return this.finished(runId)[0] as ExecutionFinishedPayload;
  }
}

/** The service's real entry point in a child process (node with tsx's loader, so SIGKILL hits the service itself). */
class Replica {
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;
  private readonly listening: Promise<void>;
  private output = '';

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(WORKSPACE_ROOT, 'tsconfig.base.json'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.listening = new Promise((resolve, reject) => {
      if (!this.child.stdout) throw new Error('stdout is not piped');
      readline.createInterface({ input: this.child.stdout }).on('line', (line) => {
        this.output += `${line}\n`;
        if (line.includes('listening on')) resolve();
      });
      void this.exited.then(() => reject(new Error(`the replica exited before listening:\n${this.output}`)));
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Listening means consuming: the app consumes before its server listens. */
  ready(): Promise<void> {
    return this.listening;
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM, as Kubernetes stops a pod; resolves with the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return this.child.exitCode;
    this.child.kill('SIGTERM');
    return this.exited;
  }
}

describe('execution-service consuming the work queue (real sandbox, RabbitMQ and event subscriber)', () => {
  let rabbit: TestRabbit;
  let events: EventLog;
  let subscriber: Messaging;
  let sender: WorkQueue<ExecutionJob>;
  let running: RunningTestService;
  let queue: string;
  const workDir = path.join(os.tmpdir(), `peerprep-execution-queue-${process.pid}`);

  /** What collaboration-service does: the same library and declaration, sending to the queue. */
  const senderFor = (name: string) =>
    createWorkQueue({ url: rabbit.url, serviceName: 'collaboration-service', queue: name, schema: executionJobSchema, maxLength: 500, logger });

  beforeAll(async () => {
    rabbit = await createTestRabbit('execution-queue');
    queue = rabbit.queueName('jobs');
    events = new EventLog();
    subscriber = createMessaging({ url: rabbit.url, serviceName: 'collaboration-service', exchange: rabbit.exchange, logger });
    await subscriber.subscribe({
      queue: rabbit.queueName('events'),
      handlers: {
        'execution.progressed': async (event) => void events.events.push(event),
        'execution.finished': async (event) => void events.events.push(event),
      },
    });
    sender = senderFor(queue);
    const config = loadConfig(executionEnvSchema, {
      ...testServiceEnv,
      EXECUTION_WORK_DIR: workDir,
      EXECUTION_SLOTS: '2',
      EXECUTION_BOX_UID_BASE: '64100',
      AMQP_URL: rabbit.url,
      EVENTS_EXCHANGE: rabbit.exchange,
      EXECUTION_JOBS_QUEUE: queue,
    });
    const sandbox = await createSandboxFromConfig(config, logger);
    running = await startTestService(createApp({ config, logger, sandbox, ...connectBroker(config, logger) }));
  });

  afterAll(async () => {
    await running?.stop();
    await sender?.close();
    await subscriber?.close();
    await rabbit?.cleanup();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('runs a job: compiling, then running each test in order, then finished with the result (hidden tests reduced)', async () => {
    const sent = job();
    await sender.send(sent, { messageId: sent.runId });

    const finished = await events.waitForFinished(sent.runId);

    expect(finished).toMatchObject({ runId: sent.runId, outcome: 'done' });
    if (finished.outcome !== 'done') throw new Error('expected done');
    expect(finished.result).toMatchObject({ status: 'accepted', summary: 'Accepted 3/3', passed: 3, total: 3 });
    expect(finished.result.tests[0]).toMatchObject({ verdict: 'passed', expected: 10, actual: 10 });
    expect(Object.keys(finished.result.tests[2] ?? {}).sort()).toEqual(['hidden', 'index', 'timeMs', 'verdict']);
    const progressed = events.progressed(sent.runId);
    // Three quick tests: compiling and the first test at once, the others within the throttle or not at all.
    expect(progressed[0]).toEqual({ runId: sent.runId, attempt: 1, seq: 1, phase: 'compiling', testIndex: null, testCount: 3 });
    expect(progressed[1]).toEqual({ runId: sent.runId, attempt: 1, seq: 2, phase: 'running', testIndex: 0, testCount: 3 });
    expect(progressed.map((p) => p.seq)).toEqual(progressed.map((_p, i) => i + 1));
    const testIndexes = progressed.slice(1).map((p) => p.testIndex ?? -1);
    expect(testIndexes).toEqual([...testIndexes].sort((a, b) => a - b));
    // Every progress event arrived before the result.
    const lastProgress = Math.max(...events.events.map((e, i) => (e.type === 'execution.progressed' && e.payload.runId === sent.runId ? i : -1)));
    expect(lastProgress).toBeLessThan(events.positionOfFinished(sent.runId));
    await waitFor(async () => (await queueDepth(queue)) === 0, 5_000, 'the job acked');
    const metrics = await fetch(`${running.url}/metrics`).then((response) => response.text());
    expect(metrics).toMatch(/^execution_jobs_running{service="execution-service"} 0$/m);
  });

  it("gives a custom input (no expected value) the verdict 'ran' with what the code returned", async () => {
    const sent = job({
      language: 'javascript',
      code: 'function addUp(values, bonus) { return values.length * 100 + bonus; }',
      tests: [
        { args: [[], 0], expected: 0, hidden: false },
        { args: [[9, 9], 1], hidden: false },
      ],
    });
    await sender.send(sent);

    const finished = await events.waitForFinished(sent.runId);

    if (finished.outcome !== 'done') throw new Error(`expected done, got ${JSON.stringify(finished)}`);
    expect(finished.result).toMatchObject({ status: 'accepted', summary: 'Accepted 1/1 · custom input ran', passed: 1, total: 1 });
    expect(finished.result.tests[1]).toMatchObject({ verdict: 'ran', args: [[9, 9], 1], actual: 201 });
    expect(finished.result.tests[1]).not.toHaveProperty('expected');
  });

  it('reports a compile error as a done run with the compiler message and every test skipped', async () => {
    const sent = job({ code: 'def addUp(values, bonus)\n    return 1\n' });
    await sender.send(sent);

    const finished = await events.waitForFinished(sent.runId);

    if (finished.outcome !== 'done') throw new Error('expected done');
    expect(finished.result.status).toBe('compile_error');
    expect(finished.result.compile.diagnostics[0]).toMatchObject({ line: 1, severity: 'error' });
    expect(finished.result.tests.map((t) => t.verdict)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(events.progressed(sent.runId).map((p) => p.phase)).toEqual(['compiling']);
  });

  it('reports a job that does not fit the contract as a failed run, without running it', async () => {
    const runId = randomUUID();
    const connection = await amqplib.connect(rabbit.url);
    try {
      const channel = await connection.createConfirmChannel();
      const malformed = { ...job({ runId }), language: 'cobol' };
      channel.sendToQueue(queue, Buffer.from(JSON.stringify(malformed)), { persistent: true });
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }

    const finished = await events.waitForFinished(runId);

    expect(finished).toMatchObject({ runId, outcome: 'failed', error: expect.stringContaining(FAILED_RUN_MESSAGES.invalid) });
    if (finished.outcome === 'failed') expect(finished.error).toContain('language');
    expect(events.progressed(runId)).toEqual([]);
  });

  it('reports code above 64 KiB as a failed run without compiling it', async () => {
    const sent = job({ code: `${PYTHON_SOLUTION}# ${'x'.repeat(64 * 1024)}\n` });
    await sender.send(sent);

    const finished = await events.waitForFinished(sent.runId);

    expect(finished).toMatchObject({ outcome: 'failed', error: FAILED_RUN_MESSAGES.tooLarge });
    expect(events.progressed(sent.runId)).toEqual([]);
  });

  it('throttles progress: a 200-test submission sends a handful of events, not 200', async () => {
    const tests = Array.from({ length: 200 }, (_unused, i) => ({ args: [[i], 1], expected: i + 1, hidden: i >= 5 }));
    const sent = job({ tests });
    await sender.send(sent);

    const finished = await events.waitForFinished(sent.runId);

    if (finished.outcome !== 'done') throw new Error('expected done');
    expect(finished.result.summary).toBe('Accepted 200/200');
    const progressed = events.progressed(sent.runId);
    expect(progressed.slice(0, 2).map((p) => [p.phase, p.testIndex])).toEqual([
      ['compiling', null],
      ['running', 0],
    ]);
    // Compiling, the first test, then at most one per 150 ms of the run (with slack for a loaded machine).
    const runMs = finished.result.totalTimeMs;
    expect(progressed.length).toBeLessThanOrEqual(2 + Math.ceil(runMs / 150) + 1);
    expect(progressed.length).toBeLessThan(20);
    expect(progressed.map((p) => p.seq)).toEqual(progressed.map((_p, i) => i + 1));
  });

  describe('replicas killed mid-run (the real entry point in child processes)', () => {
    const replicas: Replica[] = [];
    let killQueue: string;
    let killSender: WorkQueue<ExecutionJob>;
    const uidBases = [64200, 64210, 64220, 64230, 64240];

    function startReplica(): Replica {
      const uidBase = uidBases[replicas.length] ?? 64300;
      const replica = new Replica({
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
        EXECUTION_SLOTS: '1',
        EXECUTION_BOX_UID_BASE: String(uidBase),
        EXECUTION_WORK_DIR: path.join(workDir, `replica-${replicas.length}`),
        AMQP_URL: rabbit.url,
        EVENTS_EXCHANGE: rabbit.exchange,
        EXECUTION_JOBS_QUEUE: killQueue,
        SHUTDOWN_TIMEOUT_MS: '30000',
      });
      replicas.push(replica);
      return replica;
    }

    // A live replica's standbys (its next boxes, waiting) are not leftovers; a killed one's exit on their own.
    const boxesLeft = () =>
      processesOf(
        uidBases.flatMap((base) => [base, base + 1]),
        [process.pid, ...replicas.map((replica) => replica.pid)],
      );

    beforeAll(async () => {
      // A queue of its own: the in-process app above must not take these jobs.
      killQueue = rabbit.queueName('jobs-kill');
      killSender = senderFor(killQueue);
      await killSender.check().catch(() => undefined);
    });

    afterAll(async () => {
      await Promise.all(replicas.map((replica) => replica.stop()));
      await killSender?.close();
    });

    /** Waits until a replica is in the middle of the run's tests on this attempt. */
    const runningOn = (runId: string, attempt: number) =>
      waitFor(
        () => events.progressed(runId).some((p) => p.attempt === attempt && p.phase === 'running'),
        60_000,
        `run ${runId} running on attempt ${attempt}`,
      );

    it('on SIGTERM stops taking jobs, finishes the running one and publishes its result, then exits 0', async () => {
      const replica = startReplica();
      await replica.ready();
      const sent = job({ code: SLOW_PYTHON_SOLUTION, tests: TESTS.slice(0, 2).concat(TESTS.slice(0, 2)) });
      const waiting = job();
      await killSender.send(sent);
      await runningOn(sent.runId, 1);
      await killSender.send(waiting);

      const exitCode = await replica.stop();

      expect(exitCode).toBe(0);
      expect(events.finished(sent.runId)).toEqual([expect.objectContaining({ outcome: 'done', result: expect.objectContaining({ summary: 'Accepted 4/4' }) })]);
      expect(events.progressed(sent.runId).every((p) => p.attempt === 1)).toBe(true);
      // The job that was waiting stays on the queue for another replica, not counted as a loss.
      expect(events.finished(waiting.runId)).toEqual([]);
      expect(await queueDepth(killQueue)).toBe(1);
      const next = startReplica();
      await next.ready();
      await events.waitForFinished(waiting.runId);
      expect(events.progressed(waiting.runId)[0]).toMatchObject({ attempt: 1, seq: 1 });
      await next.stop();
    });

    it('redelivers the job of a killed replica once (attempt 2, seq from 1) and it finishes', async () => {
      const first = startReplica();
      await first.ready();
      const sent = job({ code: SLOW_PYTHON_SOLUTION, tests: TESTS.slice(0, 2).concat(TESTS.slice(0, 2)) });
      await killSender.send(sent);
      await runningOn(sent.runId, 1);

      await first.kill();
      const second = startReplica();
      await second.ready();

      const finished = await events.waitForFinished(sent.runId, 90_000);
      expect(finished).toMatchObject({ outcome: 'done', result: { status: 'accepted', summary: 'Accepted 4/4' } });
      const retried = events.progressed(sent.runId).filter((p) => p.attempt === 2);
      expect(retried[0]).toMatchObject({ seq: 1, phase: 'compiling' });
      expect(retried.map((p) => p.seq)).toEqual(retried.map((_p, i) => i + 1));
      expect(events.finished(sent.runId)).toHaveLength(1);
      // The killed replica's boxes died with it.
      await waitFor(() => boxesLeft().length === 0, 10_000, 'no box process left');
    });

    it('reports the run as failed when the replica running its second attempt is killed too', async () => {
      const sent = job({ code: SLOW_PYTHON_SOLUTION, tests: TESTS.slice(0, 2).concat(TESTS.slice(0, 2)) });
      const [survivor] = replicas.slice(-1);
      await killSender.send(sent);
      await runningOn(sent.runId, 1);
      await survivor?.kill();
      const third = startReplica();
      await third.ready();
      await runningOn(sent.runId, 2);

      await third.kill();
      // Nobody is consuming now; the next replica to start reads the dead job and reports it.
      const fourth = startReplica();
      await fourth.ready();

      const finished = await events.waitForFinished(sent.runId, 90_000);
      expect(finished).toEqual({ runId: sent.runId, outcome: 'failed', error: FAILED_RUN_MESSAGES.lost, finishedAt: expect.any(String) });
      expect(events.finished(sent.runId)).toHaveLength(1);
      expect(await queueDepth(killQueue)).toBe(0);
      await waitFor(() => boxesLeft().length === 0, 10_000, 'no box process left');
    });
  });

  async function queueDepth(name: string): Promise<number> {
    const connection = await amqplib.connect(rabbit.url);
    try {
      const channel = await connection.createChannel();
      return (await channel.checkQueue(name)).messageCount;
    } finally {
      await connection.close();
    }
  }
});
