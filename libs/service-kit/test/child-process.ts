import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');

export interface RunningChild {
  child: ChildProcess;
  stdoutLines: string[];
  stderr: () => string;
  /** Resolves with the first stdout JSON line that matches. */
  waitForLog(predicate: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

/** Runs a TypeScript fixture main as a real process (through tsx), as a container would. */
export function runFixture(fixture: string, env: Record<string, string>): RunningChild {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures', fixture)], {
    cwd: WORKSPACE_ROOT,
    // The library's tsconfig gives tsx the workspace paths (@peerprep/contracts).
    env: { PATH: process.env.PATH ?? '', TSX_TSCONFIG_PATH: path.join(__dirname, '../tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdoutLines: string[] = [];
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));
  const waiters: { predicate: (line: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];
  const parsed: Record<string, unknown>[] = [];
  if (!child.stdout) throw new Error('fixture stdout is not piped');
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    stdoutLines.push(line);
    try {
      const json = JSON.parse(line) as Record<string, unknown>;
      parsed.push(json);
      for (const waiter of waiters.filter((w) => w.predicate(json))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(json);
      }
    } catch {
      // not a log line
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdoutLines,
    stderr: () => stderr,
    exited,
    waitForLog(predicate) {
      const seen = parsed.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ predicate, resolve });
        void exited.then((code) =>
          reject(new Error(`fixture exited (${code}) before the log line; stderr: ${stderr}; stdout: ${stdoutLines.join('\n')}`)),
        );
      });
    },
  };
}
