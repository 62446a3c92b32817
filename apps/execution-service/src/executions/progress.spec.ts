import type { ExecutionProgressedPayload } from '@peerprep/contracts';
import { createLogger } from '@peerprep/service-kit';
import { createProgressReporter } from './progress';

const RUN_ID = '7b0a3c1e-4f5d-4e8a-9b2c-1d3e5f7a9b0c';

describe('createProgressReporter', () => {
  let clock = 0;
  let sent: ExecutionProgressedPayload[];
  const make = (publish?: (payload: ExecutionProgressedPayload) => Promise<unknown>) =>
    createProgressReporter({
      runId: RUN_ID,
      attempt: 2,
      intervalMs: 150,
      logger: createLogger({ name: 'progress-test', level: 'silent' }),
      now: () => clock,
      publish: publish ?? (async (payload) => void sent.push(payload)),
    });
  const running = (testIndex: number) => ({ phase: 'running' as const, testIndex, testCount: 200 });

  beforeEach(() => {
    jest.useFakeTimers();
    clock = 0;
    sent = [];
  });
  afterEach(() => jest.useRealTimers());

  const advance = (ms: number) => {
    clock += ms;
    jest.advanceTimersByTime(ms);
  };

  it('sends compiling and the first test at once, then at most one per interval with the latest test', async () => {
    const reporter = make();
    reporter.report({ phase: 'compiling', testIndex: null, testCount: 200 });
    advance(10);
    reporter.report(running(0));
    for (let i = 1; i < 200; i += 1) {
      advance(2);
      reporter.report(running(i));
    }
    // 398 ms of tests after the first one: a send every 150 ms with the test started last (74 at
    // 158 ms, sent at 160; 149 at 308, sent at 310), the rest dropped.
    await reporter.settle();

    expect(sent.map((p) => [p.seq, p.phase, p.testIndex])).toEqual([
      [1, 'compiling', null],
      [2, 'running', 0],
      [3, 'running', 74],
      [4, 'running', 149],
    ]);
    expect(sent.every((p) => p.runId === RUN_ID && p.attempt === 2 && p.testCount === 200)).toBe(true);
  });

  it('sends the latest state when the interval ends, so a slow test is not shown as the previous one', () => {
    const reporter = make();
    reporter.report(running(0));
    advance(20);
    reporter.report(running(1));
    expect(sent).toHaveLength(1);

    advance(130);

    expect(sent.map((p) => p.testIndex)).toEqual([0, 1]);
  });

  it('sends nothing after settle, and settle waits for what was sent', async () => {
    let confirm!: () => void;
    const reporter = make(
      (payload) =>
        new Promise<void>((resolve) => {
          sent.push(payload);
          confirm = resolve;
        }),
    );
    reporter.report(running(0));
    advance(20);
    reporter.report(running(1));
    let settled = false;
    const settling = reporter.settle().then(() => (settled = true));
    advance(500);
    await Promise.resolve();
    expect(settled).toBe(false);
    confirm();
    await settling;
    expect(sent.map((p) => p.testIndex)).toEqual([0]);
  });

  it('never fails the run when an event cannot be published', async () => {
    const reporter = make(async () => Promise.reject(new Error('broker gone')));
    reporter.report(running(0));
    await expect(reporter.settle()).resolves.toBeUndefined();
  });
});
