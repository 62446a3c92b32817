/**
 * execution-service's cost, printed as a table (never a timed test): per
 * language, the same compiled program run bare (no sandbox) and in the
 * sandbox, in the same run, with both box strategies (one box for all of a
 * submission's tests, one box per test). Run with `npm run bench:sandbox`.
 *
 * Lives in the app rather than tools/bench: it drives the sandbox and the
 * drivers directly, and tools/ may import only the services' config libraries.
 *
 * `BENCH_JSON=1` prints one JSON object instead of the table (the question,
 * the reference solutions and the figures): tools/bench/execution runs this
 * file that way for the bare figures beside its HTTP ones.
 * `BENCH_TESTS=<n>` keeps the question's first n tests.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { LANGUAGES as LANGUAGE_NAMES, type ExecutionRequest, type Language } from '@peerprep/contracts';
import { createLogger } from '@peerprep/service-kit';
import { createExecutor, type BoxStrategy } from '../src/executions/execution.service';
import { LANGUAGES } from '../src/languages/languages';
import { Sandbox } from '../src/sandbox/sandbox';
import { referenceSolution, seedQuestion } from '../test/seed-bank';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SLUG = process.env.BENCH_QUESTION ?? 'merge-busy-slots';
const TESTS = Number(process.env.BENCH_TESTS ?? 0);
const JSON_OUTPUT = process.env.BENCH_JSON === '1';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs a command bare, with fd 3 open like in a box; resolves with its wall time. */
function bare(command: string[], cwd: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    // The box's environment, not the bench's (tsx's NODE_OPTIONS loader would slow every bare node down).
    const env = { PATH: '/usr/bin:/bin', HOME: os.tmpdir(), LANG: 'C.UTF-8' };
    const child = spawn(command[0], command.slice(1), { cwd, env, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    (child.stdio[3] as NodeJS.ReadableStream).resume();
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${command.join(' ')}: exit ${code}\n${stderr}`))));
  });
}

/** The box's fixed paths (/src, /build, /opt/typescript) rewritten to a folder of the host, for the bare runs. */
function rehome(text: string, dir: string): string {
  const typescript = path.dirname(createRequire(__filename).resolve('typescript/package.json'));
  return text.replaceAll('/opt/typescript', typescript).replaceAll('/src', `${dir}/src`).replaceAll('/build', `${dir}/build`);
}

async function bareTimes(language: Language, request: ExecutionRequest) {
  const spec = LANGUAGES[language];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'peerprep-execution-bench-'));
  try {
    await mkdir(path.join(dir, 'src'));
    await mkdir(path.join(dir, 'build'));
    const files = { ...spec.sources(request.code, request.entryPoint), 'tests.json': JSON.stringify(request.tests.map((t) => t.args)) };
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, 'src', name), rehome(content, dir));
    const build = path.join(dir, 'build');
    const compile: number[] = [];
    const all: number[] = [];
    const perTest: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      compile.push(await bare(spec.compile.command.map((arg) => rehome(arg, dir)), build));
      all.push(await bare(spec.run(0, request.tests.length).map((arg) => rehome(arg, dir)), build));
      let sum = 0;
      for (let index = 0; index < request.tests.length; index += 1) {
        sum += await bare(spec.run(index, 1).map((arg) => rehome(arg, dir)), build);
      }
      perTest.push(sum);
    }
    return { compile: median(compile), all: median(all), perTest: median(perTest) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function sandboxedTimes(sandbox: Sandbox, strategy: BoxStrategy, request: ExecutionRequest) {
  const logger = createLogger({ name: 'bench', level: 'silent' });
  const executor = createExecutor({ sandbox, workDir: path.join(os.tmpdir(), 'peerprep-execution-bench'), slots: 1, boxUidBase: 63_500, logger, strategy });
  const compile: number[] = [];
  const tests: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const result = await executor.execute(request);
    if (result.status !== 'accepted') throw new Error(`${request.language}: ${result.summary}`);
    compile.push(result.compile.timeMs);
    tests.push(result.totalTimeMs);
  }
  return { compile: median(compile), tests: median(tests) };
}

async function main(): Promise<void> {
  const logger = createLogger({ name: 'bench', level: 'warn' });
  const sandbox = await Sandbox.create({ seccompPython: process.env.SECCOMP_PYTHON ?? '/usr/bin/python3', cgroups: process.env.EXECUTION_CGROUPS === 'off' ? 'off' : 'auto', logger });
  const seeded = seedQuestion(SLUG);
  const question = TESTS > 0 ? { ...seeded, testCases: seeded.testCases.slice(0, TESTS) } : seeded;
  const say = (line: string) => (JSON_OUTPUT ? process.stderr.write(`${line}\n`) : console.log(line));
  say(`execution-service bench: ${SLUG} (${question.testCases.length} tests), median of ${ROUNDS} rounds, cgroups ${sandbox.cgroupVersion ?? 'none'}, ${os.cpus().length} cores`);
  const figures: { language: Language; compileBare: number; compileBox: number; allBare: number; allBox: number; eachBare: number; eachBox: number }[] = [];
  const solutions: Partial<Record<Language, string>> = {};
  for (const language of LANGUAGE_NAMES) {
    const code = referenceSolution(SLUG, language);
    solutions[language] = code;
    const request: ExecutionRequest = { language, code, entryPoint: question.entryPoint, tests: question.testCases };
    const plain = await bareTimes(language, request);
    const together = await sandboxedTimes(sandbox, 'per-submission', request);
    const apart = JSON_OUTPUT ? { compile: Number.NaN, tests: Number.NaN } : await sandboxedTimes(sandbox, 'per-test', request);
    figures.push({
      language,
      compileBare: plain.compile,
      compileBox: together.compile,
      allBare: plain.all,
      allBox: together.tests,
      eachBare: plain.perTest,
      eachBox: apart.tests,
    });
  }
  if (JSON_OUTPUT) {
    console.log(JSON.stringify({ slug: SLUG, question, solutions, rounds: ROUNDS, figures }));
    return;
  }
  console.log('times in ms; "all" = every test in one process/box, "each" = one process/box per test\n');
  const ms = (value: number) => value.toFixed(0);
  const rows: string[][] = [['language', 'compile bare', 'compile box', 'all bare', 'all box', 'ratio', 'each bare', 'each box', 'ratio']];
  for (const row of figures) {
    rows.push([
      row.language,
      ms(row.compileBare),
      ms(row.compileBox),
      ms(row.allBare),
      ms(row.allBox),
      (row.allBox / row.allBare).toFixed(2),
      ms(row.eachBare),
      ms(row.eachBox),
      (row.eachBox / row.eachBare).toFixed(2),
    ]);
  }
  const widths = rows[0].map((_cell, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padStart(widths[column])).join('  '));
}

void main();
