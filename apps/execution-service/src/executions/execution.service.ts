import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  Diagnostic,
  ExecutionRequest,
  ExecutionResult,
  ExecutionStatus,
  JsonValue,
  TestResult,
  TestVerdict,
} from '@peerprep/contracts';
import type { Logger } from '@peerprep/service-kit';
import { LANGUAGES, BUILD, SRC, type LanguageSpec } from '../languages/languages';
import { MARKER_PREFIX } from '../languages/driver-protocol';
import type { BoxLimits, BoxOutcome, Sandbox } from '../sandbox/sandbox';
import { createSlots, type Slots } from './slots';
import { checkedCount, STATUS_LABELS, summarize, verdictOf } from './verdicts';

const MiB = 1024 * 1024;
const COMPILER_OUT_OF_MEMORY = /virtual memory exhausted|out of memory allocating|Killed signal terminated program|java\.lang\.OutOfMemoryError|JavaScript heap out of memory/;
/** A test still running this many times its limit after it started is killed. */
const KILL_AFTER_LIMIT_FACTOR = 2;
/** After this many tests ended at a limit, the rest of a submission is skipped. */
const MAX_LIMITS_HIT = 3;
/** What a visible test shows of the program's output. */
const EXCERPT_BYTES = 8 * 1024;

/** The limits every box starts from; each language adjusts some (see languages.ts). */
export const DEFAULT_RUN_LIMITS: BoxLimits = {
  cpuSeconds: 2,
  wallMs: 10_000,
  memoryBytes: 256 * MiB,
  processes: 16,
  fileSizeBytes: 16 * MiB,
  openFiles: 64,
  tmpfsBytes: 16 * MiB,
};
export const DEFAULT_COMPILE_LIMITS: BoxLimits = {
  ...DEFAULT_RUN_LIMITS,
  cpuSeconds: 10,
  wallMs: 20_000,
  memoryBytes: 512 * MiB,
  fileSizeBytes: 64 * MiB,
  tmpfsBytes: 64 * MiB,
};

/**
 * How tests are spread over boxes. `per-submission`: one box runs the tests
 * in order and a fresh box takes over after a test that kills its program;
 * `per-test`: a box for every test. See the README for the measurements.
 */
export type BoxStrategy = 'per-submission' | 'per-test';

export interface ExecutorOptions {
  sandbox: Sandbox;
  workDir: string;
  slots: number;
  /** When the service runs as root, box uid = base + slot. */
  boxUidBase: number;
  logger: Logger;
  strategy?: BoxStrategy;
  /** Each test's own time limit (wall clock from its call to its result). */
  testTimeMs?: number;
  /** Time a box may take to start its runtime before its first test (the JVM). */
  startupMs?: number;
}

/** Where a submission is: compiling (it holds a run slot), or running test `testIndex` (0-based) of `testCount`. */
export type ExecutionProgress =
  | { phase: 'compiling'; testIndex: null; testCount: number }
  | { phase: 'running'; testIndex: number; testCount: number };

export interface ExecuteOptions {
  /** Called as the submission gets a slot and as each test starts; what it throws is logged, not raised. */
  onProgress?: (progress: ExecutionProgress) => void;
}

export interface Executor {
  execute(request: ExecutionRequest, opts?: ExecuteOptions): Promise<ExecutionResult>;
}

interface Frame {
  t: 'start' | 'done' | 'error';
  i: number;
  ms?: number;
  value?: JsonValue;
  error?: string;
}

interface RawTest {
  verdict?: TestVerdict;
  timeMs: number | null;
  actual?: JsonValue;
  error?: string;
  exitCode?: number | null;
  signal?: string | null;
  stdout: string;
  stderr: string;
}

/**
 * Cuts a box's stream at the drivers' per-test markers: index → what that
 * test printed. What came before the first marker (a runtime's start-up
 * failure) belongs to the box's first test.
 */
function splitByTest(text: string, first: number): Map<number, string> {
  const pieces = text.split(MARKER_PREFIX);
  const parts = new Map<number, string>([[first, pieces[0]]]);
  for (const piece of pieces.slice(1)) {
    const newline = piece.indexOf('\n');
    const index = Number(piece.slice(0, newline));
    if (Number.isInteger(index)) parts.set(index, (parts.get(index) ?? '') + piece.slice(newline + 1));
  }
  return parts;
}

function excerpt(text: string): string {
  if (Buffer.byteLength(text) <= EXCERPT_BYTES) return text;
  return `${Buffer.from(text).subarray(0, EXCERPT_BYTES).toString('utf8')}\n… (truncated)`;
}

/** Removes a box's build folder even when the program left unreadable folders in it. */
async function removeTree(dir: string): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true });
  } catch {
    const { execFile } = await import('node:child_process');
    await new Promise((resolve) => execFile('chmod', ['-R', 'u+rwx', dir], () => resolve(undefined)));
    await rm(dir, { recursive: true, force: true });
  }
}

export function createExecutor(options: ExecutorOptions): Executor {
  const { sandbox, logger } = options;
  const strategy = options.strategy ?? 'per-submission';
  const testTimeMs = options.testTimeMs ?? 2_000;
  const startupMs = options.startupMs ?? 5_000;
  const slots: Slots = createSlots(options.slots);
  const asRoot = process.getuid?.() === 0;

  async function prepare(request: ExecutionRequest, language: LanguageSpec, uid: number | null) {
    await mkdir(options.workDir, { recursive: true, mode: 0o711 });
    const root = await mkdtemp(path.join(options.workDir, 'run-'));
    const src = path.join(root, 'src');
    const build = path.join(root, 'build');
    // src: written by the service before any box runs, read-only in every box.
    // build: the only folder a box writes outside its tmpfs (the compiler's output), read-only for the tests.
    await mkdir(src, { mode: 0o755 });
    await mkdir(build, { mode: 0o700 });
    if (uid !== null) await chown(build, uid, uid);
    await chmod(root, 0o711);
    const files = { ...language.sources(request.code, request.entryPoint), 'tests.json': JSON.stringify(request.tests.map((t) => t.args)) };
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(src, name), content, { mode: 0o644 });
    return { root, src, build };
  }

  async function compile(language: LanguageSpec, dirs: { src: string; build: string }, identity: { uid: number; gid: number } | null) {
    const box = sandbox.start({
      command: language.compile.command,
      mounts: [
        { host: dirs.src, box: SRC },
        { host: dirs.build, box: BUILD, writable: true },
        ...(language.compile.mounts ?? []),
      ],
      cwd: BUILD,
      env: language.compile.env,
      limits: { ...DEFAULT_COMPILE_LIMITS, ...language.compile.limits },
      identity,
    });
    const outcome = await box.done;
    const output = `${outcome.stdout}${outcome.stderr}`;
    // A compiler that hits RLIMIT_AS says so itself and exits 1 ("virtual memory exhausted").
    const outOfMemory = outcome.oomKilled || COMPILER_OUT_OF_MEMORY.test(output);
    const limited =
      outOfMemory || outcome.killedFor !== null || outcome.signal === 'SIGXCPU' || outcome.signal === 'SIGKILL';
    if (limited) {
      const what = outOfMemory ? 'memory' : 'time';
      const diagnostic: Diagnostic = { line: null, column: null, severity: 'error', message: `Compilation ran out of ${what}` };
      return { ok: false, limited: true, output: excerpt(output), diagnostics: [diagnostic], timeMs: outcome.wallMs };
    }
    const { diagnostics, fatal } = language.diagnostics(output, outcome.exitCode);
    return { ok: !fatal, limited: false, output: excerpt(output), diagnostics, timeMs: outcome.wallMs };
  }

  /** Runs tests [start, end) in one box; returns the outcome of every test it got to. */
  async function runBox(
    request: ExecutionRequest,
    language: LanguageSpec,
    dirs: { src: string; build: string },
    identity: { uid: number; gid: number } | null,
    start: number,
    end: number,
    results: Map<number, RawTest>,
    onTestStart: (index: number) => void,
  ): Promise<BoxOutcome> {
    const count = end - start;
    const limits: BoxLimits = {
      ...DEFAULT_RUN_LIMITS,
      ...language.runLimits,
      cpuSeconds: Math.ceil((count * testTimeMs + startupMs) / 1000),
      wallMs: startupMs + count * testTimeMs * KILL_AFTER_LIMIT_FACTOR,
    };
    const frames = new Map<number, Frame>();
    let running: number | null = null;
    let testTimer: NodeJS.Timeout | undefined;
    const box = sandbox.start({
      command: language.run(start, count),
      mounts: [
        { host: dirs.src, box: SRC },
        { host: dirs.build, box: BUILD },
      ],
      cwd: '/tmp',
      limits,
      identity,
      onChannelLine: (line) => {
        let frame: Frame;
        try {
          frame = JSON.parse(line) as Frame;
        } catch {
          return;
        }
        if (!Number.isInteger(frame.i) || frame.i < start || frame.i >= end) return;
        clearTimeout(testTimer);
        if (frame.t === 'start') {
          running = frame.i;
          onTestStart(frame.i);
          // The limit is judged on the driver's own timing of the call (below); the kill only stops a
          // test that never returns, with headroom for a loaded machine scheduling the box late.
          testTimer = setTimeout(() => box.kill('test_time_limit'), testTimeMs * KILL_AFTER_LIMIT_FACTOR);
        } else {
          running = null;
          frames.set(frame.i, frame);
        }
      },
    });
    const outcome = await box.done;
    clearTimeout(testTimer);
    const stdout = splitByTest(outcome.stdout, start);
    const stderr = splitByTest(outcome.stderr, start);
    const unfinished: number | null = running ?? (frames.size === 0 ? start : null);
    for (let index = start; index < end; index += 1) {
      const frame = frames.get(index);
      const printed = { stdout: stdout.get(index) ?? '', stderr: stderr.get(index) ?? '' };
      if (frame?.t === 'done' && (frame.ms ?? 0) > testTimeMs) {
        results.set(index, { verdict: 'time_limit', timeMs: frame.ms ?? null, ...printed });
      } else if (frame?.t === 'done') {
        results.set(index, { timeMs: frame.ms ?? null, actual: frame.value ?? null, ...printed });
      } else if (frame?.t === 'error') {
        const verdict = language.outOfMemory.test(frame.error ?? '') ? 'memory_limit' : 'runtime_error';
        results.set(index, { verdict, timeMs: frame.ms ?? null, error: frame.error, exitCode: null, signal: null, ...printed });
      } else if (index === unfinished) {
        results.set(index, { verdict: verdictOfDeath(outcome, language, printed.stderr), timeMs: null, exitCode: outcome.exitCode, signal: outcome.signal, ...printed });
      }
    }
    return outcome;
  }

  function verdictOfDeath(outcome: BoxOutcome, language: LanguageSpec, stderr: string): TestVerdict {
    if (outcome.killedFor === 'output_limit') return 'output_limit';
    if (outcome.oomKilled || language.outOfMemory.test(stderr) || language.outOfMemory.test(outcome.stderr)) return 'memory_limit';
    if (outcome.killedFor === 'test_time_limit' || outcome.killedFor === 'wall_time' || outcome.signal === 'SIGXCPU') {
      return 'time_limit';
    }
    return 'runtime_error';
  }

  function finish(request: ExecutionRequest, raw: Map<number, RawTest>): TestResult[] {
    return request.tests.map((test, index) => {
      const result = raw.get(index);
      if (!result) return { index, hidden: test.hidden, verdict: 'skipped', timeMs: null };
      const verdict = verdictOf(result, test, request.entryPoint.returnType);
      if (test.hidden) return { index, hidden: true, verdict, timeMs: result.timeMs };
      const shown: TestResult = {
        index,
        hidden: false,
        verdict,
        timeMs: result.timeMs,
        args: test.args,
        // A custom input has no expected value: it shows what the code returned (actual) only.
        ...(test.expected === undefined ? {} : { expected: test.expected }),
        stdout: excerpt(result.stdout),
        stderr: excerpt(result.stderr),
      };
      if (result.verdict === undefined) shown.actual = result.actual;
      if (verdict === 'runtime_error' || verdict === 'memory_limit') {
        shown.exitCode = result.exitCode ?? null;
        shown.signal = result.signal ?? null;
        if (result.error && !shown.stderr?.includes(result.error)) shown.stderr = excerpt(`${result.stderr}${result.error}\n`);
      }
      return shown;
    });
  }

  async function execute(request: ExecutionRequest, opts: ExecuteOptions = {}): Promise<ExecutionResult> {
    const language = LANGUAGES[request.language];
    const testCount = request.tests.length;
    const report = (progress: ExecutionProgress) => {
      try {
        opts.onProgress?.(progress);
      } catch (error) {
        logger.warn({ err: error }, 'a progress listener failed');
      }
    };
    return slots.run(async (slot) => {
      report({ phase: 'compiling', testIndex: null, testCount });
      const identity = asRoot ? { uid: options.boxUidBase + slot, gid: options.boxUidBase + slot } : null;
      const dirs = await prepare(request, language, identity?.uid ?? null);
      try {
        const compiled = await compile(language, dirs, identity);
        const compileReport = { ok: compiled.ok, output: compiled.output, diagnostics: compiled.diagnostics, timeMs: compiled.timeMs };
        if (!compiled.ok) {
          const status: ExecutionStatus = compiled.limited ? 'compile_limit' : 'compile_error';
          return {
            status,
            summary: STATUS_LABELS[status],
            passed: 0,
            total: checkedCount(request.tests),
            firstFailure: null,
            compile: compileReport,
            tests: request.tests.map((test, index) => ({ index, hidden: test.hidden, verdict: 'skipped' as const, timeMs: null })),
            totalTimeMs: 0,
            peakMemoryBytes: null,
          };
        }
        const raw = new Map<number, RawTest>();
        let totalTimeMs = 0;
        let peakMemoryBytes: number | null = null;
        const budgetMs = startupMs + request.tests.length * testTimeMs * 2;
        let next = 0;
        let limitsHit = 0;
        // Tests after the third one that ran out of time, memory or output are skipped: a
        // submission that loops forever must not hold a slot for 200 × the time limit.
        while (next < request.tests.length && totalTimeMs < budgetMs && limitsHit < MAX_LIMITS_HIT) {
          const end = strategy === 'per-test' ? next + 1 : request.tests.length;
          const outcome = await runBox(request, language, dirs, identity, next, end, raw, (index) =>
            report({ phase: 'running', testIndex: index, testCount }),
          );
          totalTimeMs += outcome.wallMs;
          if (outcome.peakMemoryBytes !== null) peakMemoryBytes = Math.max(peakMemoryBytes ?? 0, outcome.peakMemoryBytes);
          while (raw.has(next)) {
            const verdict = raw.get(next)?.verdict;
            if (verdict === 'time_limit' || verdict === 'memory_limit' || verdict === 'output_limit') limitsHit += 1;
            next += 1;
          }
        }
        const tests = finish(request, raw);
        return { ...summarize(request.tests, tests), compile: compileReport, tests, totalTimeMs, peakMemoryBytes };
      } finally {
        await removeTree(dirs.root).catch((error: unknown) => logger.warn({ err: error, dir: dirs.root }, 'removing a run folder failed'));
      }
    });
  }

  return { execute };
}
