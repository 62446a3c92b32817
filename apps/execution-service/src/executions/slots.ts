/**
 * A fixed number of run slots: a submission holds one from its compile to its
 * last test. The slot number picks the box's uid, so two boxes that run at
 * the same time never share one (RLIMIT_NPROC counts per uid).
 */
export interface Slots {
  run<T>(task: (slot: number) => Promise<T>): Promise<T>;
  readonly busy: number;
  readonly waiting: number;
}

export function createSlots(count: number): Slots {
  const free = Array.from({ length: count }, (_unused, index) => index);
  const waiters: ((slot: number) => void)[] = [];

  function acquire(): Promise<number> {
    const slot = free.shift();
    if (slot !== undefined) return Promise.resolve(slot);
    return new Promise((resolve) => waiters.push(resolve));
  }

  function release(slot: number): void {
    const waiter = waiters.shift();
    if (waiter) waiter(slot);
    else free.push(slot);
  }

  return {
    async run(task) {
      const slot = await acquire();
      try {
        return await task(slot);
      } finally {
        release(slot);
      }
    },
    get busy() {
      return count - free.length;
    },
    get waiting() {
      return waiters.length;
    },
  };
}
