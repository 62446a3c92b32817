import { createRequire } from 'node:module';
import path from 'node:path';
import type { Diagnostic, EntryPoint, Language } from '@peerprep/contracts';
import type { BoxLimits, BoxMount } from '../sandbox/sandbox';
import { cppDriver } from './cpp';
import { JAVA_DRIVER_CLASS, javaDriver } from './java';
import { javascriptDriver } from './javascript';
import { pythonDriver } from './python';
import { toolPath } from './toolchain';

const MiB = 1024 * 1024;

/** Inside every box: the service-written sources (read-only) and the build output (writable only while compiling). */
export const SRC = '/src';
export const BUILD = '/build';
const TYPESCRIPT = '/opt/typescript';

/**
 * How one language is compiled and run. `compile` always exists: even Python
 * and JavaScript are checked in a box first, so a syntax error is a compile
 * error with its line instead of a runtime error on every test.
 */
export interface LanguageSpec {
  /** Files written into the submission's /src, by name (the user's code and the generated driver). */
  sources(code: string, entryPoint: EntryPoint): Record<string, string>;
  compile: { command: string[]; env?: Record<string, string>; limits: Partial<BoxLimits>; mounts?: BoxMount[] };
  /** Runs tests [start, start + count). */
  run(start: number, count: number): string[];
  runLimits: Partial<BoxLimits>;
  /**
   * Parses the compiler's output into diagnostics on the user's file. `fatal`
   * false: the artefact was built anyway (TypeScript type errors).
   */
  diagnostics(output: string, exitCode: number | null): { diagnostics: Diagnostic[]; fatal: boolean };
  /** A crash that means the memory limit rather than a bug (the runtime's own out-of-memory report). */
  outOfMemory: RegExp;
}

/** `file:line:col: error: message` lines (g++, javac without the column) about the user's file. */
function lineDiagnostics(output: string, pattern: RegExp): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const match of output.matchAll(pattern)) {
    const groups = match.groups ?? {};
    diagnostics.push({
      line: groups.line ? Number(groups.line) : null,
      column: groups.column ? Number(groups.column) : null,
      severity: groups.severity === 'warning' ? 'warning' : 'error',
      message: groups.message.trim(),
    });
  }
  return diagnostics;
}

function failedWithout(diagnostics: Diagnostic[], output: string, exitCode: number | null) {
  // A failure the pattern did not recognise still reaches the user, without a line.
  if (exitCode !== 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push({ line: null, column: null, severity: 'error', message: output.trim().slice(0, 2000) || 'compilation failed' });
  }
  return { diagnostics, fatal: exitCode !== 0 };
}

const javascriptRunner = (start: number, count: number) => [
  process.execPath,
  '--max-old-space-size=256',
  '--stack-size=4000',
  `${SRC}/driver.js`,
  String(start),
  String(count),
];

const V8_LIMITS: Partial<BoxLimits> = { memoryBytes: 512 * MiB, processes: 32 };

function typescriptDir(): string {
  return path.dirname(createRequire(__filename).resolve('typescript/package.json'));
}

/** `python3 -m py_compile`'s check and message, writing the bytecode where the box may write (argv: source, bytecode). */
const PY_SYNTAX_CHECK = [
  'import py_compile, sys',
  'try:',
  '    py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)',
  'except py_compile.PyCompileError as error:',
  '    sys.stderr.write(error.msg + "\\n")',
  '    sys.exit(1)',
].join('\n');

export const LANGUAGES: Record<Language, LanguageSpec> = {
  python: {
    sources: (code, entryPoint) => ({ 'solution.py': code, 'driver.py': pythonDriver(entryPoint) }),
    compile: {
      // A syntax check that prints what `python3 -m py_compile` prints. No
      // pycache_prefix: it would send every standard-library import of the box
      // to an empty cache (compiling json & co. from source, ~90 ms a box); the
      // system's own __pycache__ serves them instead.
      command: ['/usr/bin/python3', '-S', '-c', PY_SYNTAX_CHECK, `${SRC}/solution.py`, `${BUILD}/solution.pyc`],
      limits: { addressSpaceBytes: 512 * MiB },
    },
    run: (start, count) => [
      '/usr/bin/python3',
      '-S',
      '-B',
      `${SRC}/driver.py`,
      String(start),
      String(count),
    ],
    runLimits: { addressSpaceBytes: 512 * MiB, processes: 16 },
    diagnostics: (output, exitCode) => {
      const match = /File "[^"]*solution\.py", line (\d+)[\s\S]*?\n(\w*Error: .*)/.exec(output);
      const diagnostics: Diagnostic[] = match
        ? [{ line: Number(match[1]), column: null, severity: 'error', message: match[2] }]
        : [];
      return failedWithout(diagnostics, output, exitCode);
    },
    outOfMemory: /^MemoryError\b/m,
  },
  javascript: {
    sources: (code, entryPoint) => ({ 'solution.js': code, 'driver.js': javascriptDriver(entryPoint, `${SRC}/solution.js`) }),
    compile: { command: [process.execPath, '--check', `${SRC}/solution.js`], limits: V8_LIMITS },
    run: javascriptRunner,
    runLimits: V8_LIMITS,
    diagnostics: (output, exitCode) => {
      const match = /solution\.js:(\d+)[\s\S]*?\n(\w*Error: .*)/.exec(output);
      const diagnostics: Diagnostic[] = match
        ? [{ line: Number(match[1]), column: null, severity: 'error', message: match[2] }]
        : [];
      return failedWithout(diagnostics, output, exitCode);
    },
    outOfMemory: /JavaScript heap out of memory/,
  },
  typescript: {
    sources: (code, entryPoint) => ({ 'solution.ts': code, 'driver.js': javascriptDriver(entryPoint, `${BUILD}/solution.js`) }),
    compile: {
      // The workspace's own typescript package, read-only in the box: transpiled and type-checked in one pass.
      command: [
        process.execPath,
        '--max-old-space-size=512',
        `${TYPESCRIPT}/lib/tsc.js`,
        '--target', 'es2022',
        '--lib', 'es2023',
        '--strict',
        '--noImplicitAny', 'false',
        '--alwaysStrict', 'false',
        '--noEmitOnError', 'false',
        '--pretty', 'false',
        '--outDir', BUILD,
        `${SRC}/solution.ts`,
      ],
      limits: { ...V8_LIMITS, cpuSeconds: 20, wallMs: 30_000 },
      get mounts() {
        return [{ host: typescriptDir(), box: TYPESCRIPT }];
      },
    },
    run: javascriptRunner,
    runLimits: V8_LIMITS,
    diagnostics: (output, exitCode) => {
      const diagnostics = lineDiagnostics(
        output,
        /solution\.ts\((?<line>\d+),(?<column>\d+)\): (?<severity>error|warning) (?<message>TS\d+: .*)/g,
      );
      // Syntax errors (TS1xxx) leave nothing sensible to run; type errors are reported and the code runs anyway.
      for (const diagnostic of diagnostics) {
        if (!/^TS1\d{3}:/.test(diagnostic.message)) diagnostic.severity = 'warning';
      }
      const fatal = exitCode === 1 || diagnostics.some((d) => d.severity === 'error') || (exitCode !== 0 && exitCode !== 2);
      if (fatal && diagnostics.length === 0) return failedWithout(diagnostics, output, exitCode ?? 1);
      return { diagnostics, fatal };
    },
    outOfMemory: /JavaScript heap out of memory/,
  },
  java: {
    sources: (code, entryPoint) => ({ 'Solution.java': code, [`${JAVA_DRIVER_CLASS}.java`]: javaDriver(entryPoint) }),
    compile: {
      // A getter: the JDK's path is looked up on first use, not at import (toolchain.ts).
      get command() {
        return [
          toolPath('javac'),
          '-J-Xmx512m',
          '-J-XX:+UseSerialGC',
          '-J-XX:TieredStopAtLevel=1',
          '-J-XX:-UsePerfData',
          '-encoding', 'UTF-8',
          '-Xlint:none',
          '-d', BUILD,
          `${SRC}/Solution.java`,
          `${SRC}/${JAVA_DRIVER_CLASS}.java`,
        ];
      },
      limits: { memoryBytes: 1024 * MiB, processes: 128, cpuSeconds: 20, wallMs: 30_000 },
    },
    run: (start, count) => [
      toolPath('java'),
      '-Xmx256m',
      '-Xss64m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      '-XX:-UsePerfData',
      '-Xshare:auto',
      '-Dfile.encoding=UTF-8',
      '-Dsun.stdout.encoding=UTF-8',
      '-Dsun.stderr.encoding=UTF-8',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '-cp', BUILD,
      JAVA_DRIVER_CLASS,
      String(start),
      String(count),
    ],
    // The JVM's own threads count against RLIMIT_NPROC.
    runLimits: { memoryBytes: 512 * MiB, processes: 64 },
    diagnostics: (output, exitCode) =>
      failedWithout(
        lineDiagnostics(output, /Solution\.java:(?<line>\d+): (?<severity>error|warning): (?<message>.*)/g),
        output,
        exitCode,
      ),
    outOfMemory: /java\.lang\.OutOfMemoryError/,
  },
  cpp: {
    sources: (code, entryPoint) => ({ 'solution.cpp': code, 'driver.cpp': cppDriver(entryPoint) }),
    compile: {
      command: ['/usr/bin/g++', '-std=c++17', '-O2', '-pipe', '-fmax-errors=20', '-o', `${BUILD}/solution`, `${SRC}/driver.cpp`],
      limits: { memoryBytes: 1024 * MiB, addressSpaceBytes: 2048 * MiB, processes: 32, cpuSeconds: 20, wallMs: 30_000 },
    },
    run: (start, count) => [`${BUILD}/solution`, String(start), String(count)],
    runLimits: { addressSpaceBytes: 512 * MiB, processes: 16 },
    diagnostics: (output, exitCode) =>
      failedWithout(
        lineDiagnostics(
          output,
          /solution\.cpp:(?<line>\d+):(?<column>\d+): (?:fatal )?(?<severity>error|warning): (?<message>.*)/g,
        ),
        output,
        exitCode,
      ),
    outOfMemory: /std::bad_alloc/,
  },
};
