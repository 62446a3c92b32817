import { createConcurrencyLimit } from './password-hasher';

describe('createConcurrencyLimit', () => {
  it('never runs more tasks at once than the limit, and runs every task in order', async () => {
    const limited = createConcurrencyLimit(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setImmediate(resolve));
      active--;
      return i;
    };
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => limited(task(i))));
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });

  it('frees its slot when a task fails', async () => {
    const limited = createConcurrencyLimit(1);
    await expect(limited(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limited(async () => 'next')).resolves.toBe('next');
  });
});
