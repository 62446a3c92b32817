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
