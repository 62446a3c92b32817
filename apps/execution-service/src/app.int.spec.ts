import {
  EXECUTIONS_PATH,
  INTERNAL_TOKEN_HEADER,
  MAX_SOURCE_BYTES,
  type ExecutionResult,
} from '@peerprep/contracts';
import { executionEnvSchema } from '@peerprep/execution-service-config';
import { DEV_INTERNAL_API_TOKEN, createLogger, loadConfig } from '@peerprep/service-kit';
import {
  createTestRabbit,
  expectStandardProbes,
  startTestService,
  testServiceEnv,
  type RunningTestService,
  type TestRabbit,
} from '@peerprep/testing';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { addUpEntryPoint, addUpTests } from '../test/add-up';
import { createApp } from './app';
import { connectBroker, createSandboxFromConfig } from './dependencies';
import { Sandbox } from './sandbox/sandbox';

const entryPoint = addUpEntryPoint;
const tests = addUpTests;

describe('execution-service app', () => {
  let running: RunningTestService;
  let rabbit: TestRabbit;
  const workDir = path.join(os.tmpdir(), `peerprep-execution-app-${process.pid}`);

  beforeAll(async () => {
    rabbit = await createTestRabbit('execution-app');
    const config = loadConfig(executionEnvSchema, {
      ...testServiceEnv,
      EXECUTION_WORK_DIR: workDir,
      EXECUTION_SLOTS: '2',
      EXECUTION_BOX_UID_BASE: '64000',
      AMQP_URL: rabbit.url,
      EVENTS_EXCHANGE: rabbit.exchange,
      EXECUTION_JOBS_QUEUE: rabbit.queueName('jobs'),
    });
    const logger = createLogger({ name: 'execution-service', level: 'silent' });
    const sandbox = await createSandboxFromConfig(config, logger);
    running = await startTestService(createApp({ config, logger, sandbox, ...connectBroker(config, logger) }));
  });

  afterAll(async () => {
    await running?.stop();
    await rabbit?.cleanup();
    rmSync(workDir, { recursive: true, force: true });
  });

  const submit = (body: unknown) =>
    request(running.url).post(EXECUTIONS_PATH).set(INTERNAL_TOKEN_HEADER, DEV_INTERNAL_API_TOKEN).send(body as object);

  it('answers the standard probes and metrics', async () => {
    await expectStandardProbes(running.url, ['rabbitmq']);
  });

  it('runs a submission and answers with per-test verdicts, hiding what hidden tests hold', async () => {
    const response = await submit({ language: 'python', code: 'def addUp(values, bonus):\n    return sum(values) + bonus\n', entryPoint, tests });
    expect(response.status).toBe(200);
    const result = response.body as ExecutionResult;
    expect(result.summary).toBe('Accepted 3/3');
    expect(result.tests[0]).toMatchObject({ verdict: 'passed', args: [[1, 2, 3], 4], expected: 10, actual: 10 });
    expect(Object.keys(result.tests[2]).sort()).toEqual(['hidden', 'index', 'timeMs', 'verdict']);
  });

  it('reports a wrong answer with the input, the expected and the actual value', async () => {
    const response = await submit({ language: 'javascript', code: 'function addUp(values, bonus) { return bonus; }', entryPoint, tests });
    const result = response.body as ExecutionResult;
    expect(result.status).toBe('wrong_answer');
    expect(result.summary).toBe('Wrong answer on test 1 (2/3 passed)');
    expect(result.tests[0]).toMatchObject({ verdict: 'wrong_answer', expected: 10, actual: 4 });
    expect(result.firstFailure).toBe(0);
  });

  it('reports a compile error with its line', async () => {
    const response = await submit({ language: 'java', code: 'class Solution {\n  public int addUp(int[] values, int bonus) {\n    return nope;\n  }\n}\n', entryPoint, tests });
    const result = response.body as ExecutionResult;
    expect(result.status).toBe('compile_error');
    expect(result.compile.diagnostics[0]).toMatchObject({ line: 3, severity: 'error' });
  });

  it('runs TypeScript with a type error, reporting it as a warning', async () => {
    const code = 'function addUp(values: number[], bonus: number): number {\n  const label: string = 1;\n  return values.reduce((a, b) => a + b, bonus);\n}\n';
    const result = (await submit({ language: 'typescript', code, entryPoint, tests })).body as ExecutionResult;
    expect(result.summary).toBe('Accepted 3/3');
    expect(result.compile.diagnostics).toEqual([expect.objectContaining({ line: 2, severity: 'warning' })]);
  });

  it('reports a runtime error with the exception and its exit', async () => {
    const code = '#include <vector>\n#include <stdexcept>\nusing namespace std;\nclass Solution {\npublic:\n  int addUp(vector<int> values, int bonus) { if (values.empty()) throw runtime_error("empty ledger"); return values.at(99); }\n};\n';
    const result = (await submit({ language: 'cpp', code, entryPoint, tests })).body as ExecutionResult;
    expect(result.status).toBe('runtime_error');
    expect(result.tests[0].stderr).toContain('out_of_range');
    expect(result.tests[1].stderr).toContain('empty ledger');
  });

  it('refuses a request without the internal token (401)', async () => {
    const response = await request(running.url).post(EXECUTIONS_PATH).send({});
    expect(response.status).toBe(401);
  });

  it('names the field at fault (400)', async () => {
    const fieldsOf = (body: unknown) => (body as { errors: { field: string }[] }).errors.map((error) => error.field);
    const language = await submit({ language: 'cobol', code: 'x', entryPoint, tests });
    expect(language.status).toBe(400);
    expect(fieldsOf(language.body)).toEqual(['language']);
    const argument = await submit({ language: 'python', code: 'x', entryPoint, tests: [{ args: [[1], 'two'], expected: 3, hidden: false }] });
    expect(argument.status).toBe(400);
    expect(fieldsOf(argument.body)).toEqual(['tests.0.args.1']);
  });

  it('refuses source above 64 KiB (413) and a 1 MB source before anything runs', async () => {
    const big = await submit({ language: 'python', code: `# ${'x'.repeat(MAX_SOURCE_BYTES)}\n`, entryPoint, tests });
    expect(big.status).toBe(413);
    const huge = await submit({ language: 'python', code: 'x'.repeat(1024 * 1024), entryPoint, tests });
    expect(huge.status).toBe(413);
  });
});

describe('execution-service without a usable sandbox', () => {
  const logger = createLogger({ name: 'execution-service', level: 'silent' });

  it('refuses to start without bubblewrap, naming it', async () => {
    await expect(Sandbox.create({ bwrap: '/nonexistent/bwrap', seccompPython: '/usr/bin/python3', cgroups: 'off', logger })).rejects.toThrow(
      /bubblewrap \(bwrap\) is not installed/,
    );
  });

  it('refuses to start without libseccomp for the filter, naming it', async () => {
    await expect(Sandbox.create({ seccompPython: '/nonexistent/python3', cgroups: 'off', logger })).rejects.toThrow(/seccomp filter/);
  });
});
