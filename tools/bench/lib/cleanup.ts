import { randomBytes } from 'node:crypto';

/**
 * Undo steps of one bench run, run newest first: on the normal path (call
 * `run()` in a finally) and on Ctrl-C / SIGTERM, so no process, database or
 * Redis key outlives the run. A failing step is reported and the rest still run.
 */
export function createCleanup(say: (msg: string) => void) {
  const steps: { label: string; undo: () => Promise<void> | void }[] = [];
  let running: Promise<void> | undefined;

  async function runAll(): Promise<void> {
    while (steps.length > 0) {
      const step = steps.pop();
      if (!step) break;
      try {
        await step.undo();
      } catch (error) {
        say(`cleanup: could not ${step.label}: ${String(error)}`);
      }
    }
  }

  const run = () => (running ??= runAll());
  const onSignal = (signal: NodeJS.Signals, code: number) => {
    say(`${signal}: cleaning up`);
    void run().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => onSignal('SIGINT', 130));
  process.once('SIGTERM', () => onSignal('SIGTERM', 143));

  return {
    /** Registers an undo step; `label` completes "could not ..." in a failure message. */
    add(label: string, undo: () => Promise<void> | void): void {
      steps.push({ label, undo });
    },
    run,
  };
}

export type Cleanup = ReturnType<typeof createCleanup>;

export interface BenchRun {
  /** Names this run's databases, keys and processes apart from any other run's. */
  runId: string;
  cleanup: Cleanup;
}

/**
 * Runs a bench's main with a run id and its cleanup, which runs whatever
 * happens; an error is said (stack included) and fails the exit code.
 */
export function runBench(say: (msg: string) => void, main: (run: BenchRun) => Promise<void>): void {
  const cleanup = createCleanup(say);
  main({ runId: randomBytes(4).toString('hex'), cleanup })
    .finally(() => cleanup.run())
    .catch((error: unknown) => {
      say(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    });
}

/** Says why this run's figures are suspect, and fails its exit code. */
export function suspect(say: (msg: string) => void, why: string): void {
  say(`${why}: the figures are suspect`);
  process.exitCode = 1;
}
