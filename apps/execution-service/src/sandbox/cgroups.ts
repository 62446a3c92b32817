import { chown, mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Memory and process-count limits per box, from cgroups when the host lets
 * the service create them: v1 (separate `memory` and `pids` hierarchies, as on
 * this development machine) or v2 (one unified tree with `memory.max`,
 * `pids.max`, `cgroup.kill`, as on EKS AL2023). Where neither is writable the
 * boxes still have rlimits and heap flags; the reason is logged at start.
 */
export interface BoxCgroupLimits {
  memoryBytes: number;
  processes: number;
}

export interface BoxCgroup {
  /** `cgroup.procs` files the box's first process writes its own pid into (before it execs anything). */
  readonly procsFiles: string[];
  /** Sets the limits anew (a group made ahead of its box gets its box's limits when the box starts). */
  setLimits(limits: BoxCgroupLimits): Promise<void>;
  /** Waits until no process is left in the box (SIGKILL to stragglers), then reads usage and removes the group. */
  finish(): Promise<{ peakMemoryBytes: number | null; oomKilled: boolean; leftover: number }>;
}

export interface CgroupSupport {
  readonly version: 'v1' | 'v2';
  create(name: string, limits: BoxCgroupLimits, owner: { uid: number; gid: number } | null): Promise<BoxCgroup>;
}

const ROOT = '/sys/fs/cgroup';
const GROUP = 'peerprep-execution';
const EMPTY_POLL_MS = 5;
const EMPTY_TIMEOUT_MS = 5_000;

async function readText(file: string): Promise<string> {
  return (await readFile(file, 'utf8')).trim();
}

async function pidsIn(dir: string): Promise<number[]> {
  const text = await readText(path.join(dir, 'cgroup.procs')).catch(() => '');
  return text ? text.split('\n').map(Number) : [];
}

/** Polls until the group is empty; a pid namespace's teardown is asynchronous. */
async function drain(dir: string, killAll: () => Promise<void>): Promise<number> {
  const deadline = Date.now() + EMPTY_TIMEOUT_MS;
  let leftover = (await pidsIn(dir)).length;
  while (leftover > 0 && Date.now() < deadline) {
    await killAll();
    await sleep(EMPTY_POLL_MS);
    leftover = (await pidsIn(dir)).length;
  }
  return leftover;
}

async function killPids(dir: string): Promise<void> {
  for (const pid of await pidsIn(dir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

async function rmdirWhenEmpty(dir: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      await rmdir(dir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      await sleep(EMPTY_POLL_MS);
    }
  }
}

async function chownProcs(dir: string, owner: { uid: number; gid: number } | null): Promise<void> {
  // The box's first process joins its group itself, already as the box's uid.
  if (owner) await chown(path.join(dir, 'cgroup.procs'), owner.uid, owner.gid);
}

function v1(): CgroupSupport {
  const memoryBase = path.join(ROOT, 'memory', GROUP);
  const pidsBase = path.join(ROOT, 'pids', GROUP);
  return {
    version: 'v1',
    async create(name, limits, owner) {
      const memory = path.join(memoryBase, name);
      const pids = path.join(pidsBase, name);
      await mkdir(memory);
      await mkdir(pids);
      const setLimits = async ({ memoryBytes, processes }: BoxCgroupLimits) => {
        // No swap to spill into (where the kernel accounts it): memsw (memory + swap) equals
        // the memory limit. It may never be below it, so it goes first when raising and second
        // when lowering; the write that does not fit yet fails and the other one holds.
        await writeFile(path.join(memory, 'memory.memsw.limit_in_bytes'), String(memoryBytes)).catch(() => undefined);
        await writeFile(path.join(memory, 'memory.limit_in_bytes'), String(memoryBytes));
        await writeFile(path.join(memory, 'memory.memsw.limit_in_bytes'), String(memoryBytes)).catch(() => undefined);
        await writeFile(path.join(pids, 'pids.max'), String(processes));
      };
      await setLimits(limits);
      await writeFile(path.join(memory, 'memory.swappiness'), '0').catch(() => undefined);
      await chownProcs(memory, owner);
      await chownProcs(pids, owner);
      return {
        procsFiles: [path.join(memory, 'cgroup.procs'), path.join(pids, 'cgroup.procs')],
        setLimits,
        async finish() {
          const leftover = await drain(pids, () => killPids(pids));
          const peak = Number(await readText(path.join(memory, 'memory.max_usage_in_bytes')).catch(() => 'NaN'));
          const oomControl = await readText(path.join(memory, 'memory.oom_control')).catch(() => '');
          const oomKills = Number(/oom_kill (\d+)/.exec(oomControl)?.[1] ?? 0);
          const failcnt = Number(await readText(path.join(memory, 'memory.failcnt')).catch(() => '0'));
          await drain(memory, () => killPids(memory));
          await rmdirWhenEmpty(pids);
          await rmdirWhenEmpty(memory);
          return {
            peakMemoryBytes: Number.isFinite(peak) ? peak : null,
            oomKilled: oomKills > 0 || (failcnt > 0 && peak >= limits.memoryBytes * 0.95),
            leftover,
          };
        },
      };
    },
  };
}

/** v2: boxes are children of the service's own group, which moves itself into a leaf first (no internal processes). */
function v2(base: string): CgroupSupport {
  return {
    version: 'v2',
    async create(name, limits, owner) {
      const dir = path.join(base, name);
      await mkdir(dir);
      const setLimits = async ({ memoryBytes, processes }: BoxCgroupLimits) => {
        await writeFile(path.join(dir, 'memory.max'), String(memoryBytes));
        await writeFile(path.join(dir, 'pids.max'), String(processes));
      };
      await setLimits(limits);
      await writeFile(path.join(dir, 'memory.swap.max'), '0').catch(() => undefined);
      await chownProcs(dir, owner);
      return {
        procsFiles: [path.join(dir, 'cgroup.procs')],
        setLimits,
        async finish() {
          const leftover = await drain(dir, () => writeFile(path.join(dir, 'cgroup.kill'), '1').catch(() => killPids(dir)));
          const peak = Number(await readText(path.join(dir, 'memory.peak')).catch(() => 'NaN'));
          const events = await readText(path.join(dir, 'memory.events')).catch(() => '');
          const oomKills = Number(/oom_kill (\d+)/.exec(events)?.[1] ?? 0);
          await rmdirWhenEmpty(dir);
          return { peakMemoryBytes: Number.isFinite(peak) ? peak : null, oomKilled: oomKills > 0, leftover };
        },
      };
    },
  };
}

async function tryV1(): Promise<CgroupSupport> {
  for (const controller of ['memory', 'pids']) {
    const dir = path.join(ROOT, controller, GROUP);
    await mkdir(dir, { recursive: true });
    // A probe group proves this process may create, limit and remove boxes' groups.
    const probe = path.join(dir, `probe-${process.pid}`);
    await mkdir(probe);
    await rmdir(probe);
  }
  return v1();
}

async function tryV2(): Promise<CgroupSupport> {
  const own = /^0::(\/.*)$/m.exec(await readText('/proc/self/cgroup'))?.[1];
  if (!own) throw new Error('no cgroup v2 entry in /proc/self/cgroup');
  const mine = path.join(ROOT, own);
  const controllers = await readText(path.join(mine, 'cgroup.controllers'));
  for (const needed of ['memory', 'pids']) {
    if (!controllers.split(' ').includes(needed)) throw new Error(`the ${needed} controller is not delegated to ${mine}`);
  }
  const leaf = path.join(mine, 'service');
  await mkdir(leaf, { recursive: true });
  await writeFile(path.join(leaf, 'cgroup.procs'), String(process.pid));
  await writeFile(path.join(mine, 'cgroup.subtree_control'), '+memory +pids');
  const base = path.join(mine, GROUP);
  await mkdir(base, { recursive: true });
  await writeFile(path.join(base, 'cgroup.subtree_control'), '+memory +pids');
  return v2(base);
}

/** The cgroup flavour this host lets the service use, or why none. */
export async function detectCgroups(): Promise<{ support: CgroupSupport | null; reason: string }> {
  const hasV1Memory = await readFile(path.join(ROOT, 'memory', 'memory.limit_in_bytes')).then(
    () => true,
    () => false,
  );
  const isV2 = await readFile(path.join(ROOT, 'cgroup.controllers')).then(
    () => true,
    () => false,
  );
  try {
    if (hasV1Memory) return { support: await tryV1(), reason: 'cgroup v1 memory and pids hierarchies are writable' };
    if (isV2) return { support: await tryV2(), reason: 'cgroup v2 memory and pids controllers are delegated' };
    return { support: null, reason: `no cgroup v1 memory hierarchy nor cgroup v2 tree under ${ROOT}` };
  } catch (error) {
    return { support: null, reason: `cgroups are not writable: ${(error as Error).message}` };
  }
}
