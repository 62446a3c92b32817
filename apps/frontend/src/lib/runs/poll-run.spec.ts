import type { RunView } from '@peerprep/contracts';
import { aResult, aRun } from '../../../test/run-fixtures';
import { pollRun, POLL_MAX_FAILURES } from './poll-run';

const instantSleep = jest.fn(async () => undefined);

describe('pollRun', () => {
  it('asks until the run is done, reporting every answer', async () => {
    const queued = aRun({ roomId: null });
    const answers: RunView[] = [
      { ...queued, phase: 'compiling' },
      { ...queued, phase: 'running', progress: { testIndex: 0, testCount: 2 } },
      { ...queued, phase: 'done', result: aResult() },
    ];
    const seen: string[] = [];
    const last = await pollRun(queued, {
      load: async () => answers.shift() as RunView,
      onUpdate: (run) => seen.push(run.phase),
      signal: new AbortController().signal,
      sleep: instantSleep,
    });
    expect(seen).toEqual(['compiling', 'running', 'done']);
    expect(last.phase).toBe('done');
    expect(instantSleep).toHaveBeenCalledWith(500, expect.anything());
  });

  it('does not ask at all for a run that already finished', async () => {
    const load = jest.fn();
    await pollRun(aRun({ phase: 'failed', error: 'x' }), { load, onUpdate: jest.fn(), signal: new AbortController().signal, sleep: instantSleep });
    expect(load).not.toHaveBeenCalled();
  });

  it('retries failed polls, backing off, and gives up after too many in a row', async () => {
    const load = jest.fn(async () => {
      throw new Error('offline');
    });
    await expect(
      pollRun(aRun(), { load, onUpdate: jest.fn(), signal: new AbortController().signal, sleep: instantSleep }),
    ).rejects.toThrow('offline');
    expect(load).toHaveBeenCalledTimes(POLL_MAX_FAILURES);
    expect(instantSleep).toHaveBeenLastCalledWith(500 * POLL_MAX_FAILURES, expect.anything());
  });

  it('stops at once when the page leaves', async () => {
    const controller = new AbortController();
    const load = jest.fn(async () => {
      controller.abort();
      throw new Error('aborted');
    });
    await expect(pollRun(aRun(), { load, onUpdate: jest.fn(), signal: controller.signal, sleep: instantSleep })).rejects.toThrow('aborted');
    expect(load).toHaveBeenCalledTimes(1);
  });
});
