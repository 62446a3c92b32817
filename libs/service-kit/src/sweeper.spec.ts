import { createSweeper } from './sweeper';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('createSweeper', () => {
  it('sweeps on every interval, never two passes at once, and stop waits for the running pass', async () => {
    let active = 0;
    let overlapped = false;
    let passes = 0;
    let finished = 0;
    const sweeper = createSweeper({
      intervalMs: 5,
      sweep: async () => {
        active += 1;
        overlapped ||= active > 1;
        passes += 1;
        await sleep(20);
        active -= 1;
        finished += 1;
      },
      onError: () => undefined,
    });
    sweeper.start();
    await sleep(80);
    await sweeper.stop();
    expect(passes).toBeGreaterThanOrEqual(2);
    expect(overlapped).toBe(false);
    expect(finished).toBe(passes);
    const after = passes;
    await sleep(30);
    expect(passes).toBe(after);
  });

  it('sweeps at once on start only when asked to', async () => {
    const calls = { eager: 0, lazy: 0 };
    const eager = createSweeper({ intervalMs: 60_000, sweepOnStart: true, sweep: async () => void calls.eager++, onError: () => undefined });
    const lazy = createSweeper({ intervalMs: 60_000, sweep: async () => void calls.lazy++, onError: () => undefined });
    eager.start();
    lazy.start();
    await Promise.all([eager.stop(), lazy.stop()]);
    expect(calls).toEqual({ eager: 1, lazy: 0 });
  });

  it('reports a failed pass and keeps sweeping', async () => {
    const errors: unknown[] = [];
    let passes = 0;
    const sweeper = createSweeper({
      intervalMs: 5,
      sweep: async () => {
        passes += 1;
        throw new Error(`pass ${passes}`);
      },
      onError: (error) => errors.push(error),
    });
    sweeper.start();
    await sleep(40);
    await sweeper.stop();
    expect(passes).toBeGreaterThanOrEqual(2);
    expect(errors.length).toBe(passes);
  });
});
