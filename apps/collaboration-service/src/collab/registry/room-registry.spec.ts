import { createLogger } from '@peerprep/service-kit';
import type { LiveRoom } from '../live-room';
import { createRoomRegistry } from './room-registry';

/** A promise settled from outside. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const registries: ReturnType<typeof createRoomRegistry>[] = [];

// A room a test still holds is destroyed (its awareness has a timer).
afterEach(() => {
  for (const registry of registries.splice(0)) for (const room of registry.rooms()) room.destroy();
});

/** A registry whose load and free are recorded and, when a test asks, held open. */
function registryWith({ lingerMs = 0 } = {}) {
  const loads: LiveRoom[] = [];
  const frees: LiveRoom[] = [];
  const abandoned: LiveRoom[] = [];
  let loadGate: Promise<void> | undefined;
  let freeGate: Promise<void> | undefined;
  let loadError: Error | undefined;
  const registry = createRoomRegistry({
    async load(room) {
      loads.push(room);
      await loadGate;
      if (loadError) throw loadError;
      room.loadedAt = Date.now();
    },
    async free(room) {
      frees.push(room);
      await freeGate;
    },
    async abandon(room) {
      abandoned.push(room);
    },
    lingerMs,
    logger: createLogger({ name: 'registry-test', level: 'silent' }),
  });
  registries.push(registry);
  return {
    registry,
    loads,
    frees,
    abandoned,
    holdLoads: (gate: Promise<void> | undefined) => (loadGate = gate),
    holdFrees: (gate: Promise<void> | undefined) => (freeGate = gate),
    failLoads: (error: Error | undefined) => (loadError = error),
  };
}

describe('room registry', () => {
  it('loads a room once for every concurrent holder and frees it when the last lets go', async () => {
    const { registry, loads, frees, holdLoads } = registryWith();
    const gate = deferred();
    holdLoads(gate.promise);
    const first = registry.acquire('r1', { readOnly: false });
    const second = registry.acquire('r1', { readOnly: false });
    await tick();
    expect(registry.isLive('r1')).toBe(true);
    gate.resolve();
    const [a, b] = await Promise.all([first, second]);

    expect(a).toBe(b);
    expect(loads).toHaveLength(1);
    expect(a.holders).toBe(2);
    expect(a.loaded).toBe(true);
    expect(registry.get('r1')).toBe(a);
    expect(registry.size).toBe(1);

    registry.release(a);
    expect(frees).toHaveLength(0);
    registry.release(a);
    // Forgotten at once; live (being freed) until freed.
    expect(registry.get('r1')).toBeUndefined();
    expect(registry.isLive('r1')).toBe(true);
    await tick();
    expect(frees).toEqual([a]);
    expect(registry.isLive('r1')).toBe(false);
    // Freed rooms are destroyed: their document emits nothing any more.
    expect(a.doc.isDestroyed).toBe(true);
  });

  it('keeps a room nobody holds for lingerMs, and a holder coming back meanwhile keeps it loaded', async () => {
    const { registry, loads, frees } = registryWith({ lingerMs: 80 });
    const room = await registry.acquire('r1', { readOnly: false });
    registry.release(room);
    await sleep(40);
    expect(frees).toHaveLength(0);
    expect(await registry.acquire('r1', { readOnly: false })).toBe(room);
    await sleep(80);
    expect(frees).toHaveLength(0);
    expect(loads).toHaveLength(1);

    registry.release(room);
    await sleep(120);
    expect(frees).toEqual([room]);
    expect(registry.isLive('r1')).toBe(false);
  });

  it('loads a room being freed again only once it is freed', async () => {
    const { registry, loads, frees, holdFrees } = registryWith();
    const first = await registry.acquire('r1', { readOnly: false });
    const freeing = deferred();
    holdFrees(freeing.promise);
    registry.release(first);
    expect(registry.isLive('r1')).toBe(true);

    const again = registry.acquire('r1', { readOnly: false });
    await tick();
    expect(loads).toHaveLength(1);
    holdFrees(undefined);
    freeing.resolve();
    const second = await again;

    expect(frees).toEqual([first]);
    expect(loads).toHaveLength(2);
    expect(second).not.toBe(first);
    expect(second.holders).toBe(1);
  });

  it('rejects every holder of a room that failed to load, abandons it, and loads it afresh next time', async () => {
    const { registry, loads, abandoned, holdLoads, failLoads } = registryWith();
    const gate = deferred();
    holdLoads(gate.promise);
    failLoads(new Error('postgres is down'));
    const first = registry.acquire('r1', { readOnly: false });
    const second = registry.acquire('r1', { readOnly: false });
    gate.resolve();

    await expect(first).rejects.toThrow('postgres is down');
    await expect(second).rejects.toThrow('postgres is down');
    expect(abandoned).toHaveLength(1);
    expect(abandoned[0].doc.isDestroyed).toBe(true);
    expect(registry.isLive('r1')).toBe(false);

    failLoads(undefined);
    holdLoads(undefined);
    const room = await registry.acquire('r1', { readOnly: false });
    expect(loads).toHaveLength(2);
    expect(room.loaded).toBe(true);
  });

  it('makes a room read-only for good once any holder asks so', async () => {
    const { registry } = registryWith();
    const room = await registry.acquire('r1', { readOnly: true });
    await registry.acquire('r1', { readOnly: false });
    expect(room.readOnly).toBe(true);
  });

  it('still forgets and destroys a room whose freeing failed', async () => {
    const { registry, holdFrees } = registryWith();
    const room = await registry.acquire('r1', { readOnly: false });
    holdFrees(Promise.reject(new Error('postgres is down')));
    registry.release(room);
    await tick();
    expect(registry.isLive('r1')).toBe(false);
    expect(room.doc.isDestroyed).toBe(true);
  });

  it('frees every room nobody holds on shutdown, lingering ones included, and keeps the held ones', async () => {
    const { registry, frees, holdFrees } = registryWith({ lingerMs: 60_000 });
    const idle = await registry.acquire('idle', { readOnly: false });
    const held = await registry.acquire('held', { readOnly: false });
    registry.release(idle);
    const freeing = deferred();
    holdFrees(freeing.promise);
    let done = false;
    const all = registry.freeAll().then(() => (done = true));
    await tick();
    expect(done).toBe(false);
    freeing.resolve();
    await all;

    expect(frees).toEqual([idle]);
    expect(registry.isLive('idle')).toBe(false);
    expect(registry.get('held')).toBe(held);
    expect([...registry.rooms()]).toEqual([held]);
  });
});
