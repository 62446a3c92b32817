import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Which CPUs the load generator and the servers run on (taskset lists), or why they are not pinned. */
export interface CpuPlan {
  pinned: boolean;
  /** CPUs of the machine, read before the bench pins itself (availableParallelism shrinks after). */
  total: number;
  /** The bench process: load generator and raw-pg client. */
  loadCpus?: string;
  /** The services it measures. */
  serverCpus?: string;
  description: string;
}

function hasTaskset(): boolean {
  return spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * The last CPU for the load generator, the others for the servers, so the
 * client does not steal the servers' cycles. BENCH_PIN=0 turns it off. Shared
 * servers (Postgres, Redis) are not ours to pin and float over every CPU.
 */
export function planCpus(): CpuPlan {
  const cpus = os.availableParallelism();
  if (process.env['BENCH_PIN'] === '0') return { pinned: false, total: cpus, description: 'not pinned (BENCH_PIN=0)' };
  if (cpus < 2) return { pinned: false, total: cpus, description: 'not pinned (1 CPU)' };
  if (process.platform !== 'linux' || !hasTaskset()) return { pinned: false, total: cpus, description: 'not pinned (no taskset)' };
  const loadCpus = String(cpus - 1);
  const serverCpus = cpus === 2 ? '0' : `0-${cpus - 2}`;
  return {
    pinned: true,
    total: cpus,
    loadCpus,
    serverCpus,
    description: `taskset: load generator on CPU ${loadCpus}, services on CPU ${serverCpus}; Postgres/Redis unpinned`,
  };
}

/** The command that runs node with `nodeArgs`, pinned to `cpus` (a taskset list) when given. */
export function nodeCommand(nodeArgs: readonly string[], cpus: string | undefined): [string, string[]] {
  return cpus ? ['taskset', ['-c', cpus, process.execPath, ...nodeArgs]] : [process.execPath, [...nodeArgs]];
}

/** Pins every thread of a running process (libuv pool and V8 helpers included). */
export function pinProcess(pid: number, cpus: string): void {
  const result = spawnSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`taskset could not pin pid ${pid} to CPU ${cpus}`);
}

let ticksPerSecond: number | undefined;

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux;
 * NaN elsewhere). Clock-tick resolution (10 ms): read it over whole runs.
 */
export function processCpuMs(pid: number): number {
  try {
    ticksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
  } catch {
    return Number.NaN;
  }
}

/**
 * Pids of local shared servers by exact process name (e.g. `redis-server`,
 * `beam.smp` for RabbitMQ), to read their CPU time: only to report it, never
 * to signal them. Names not running (or no pgrep) are left out.
 */
export function localServerPids(names: readonly string[]): { name: string; pid: number }[] {
  return names.flatMap((name) => {
    const found = spawnSync('pgrep', ['-x', name], { encoding: 'utf8' });
    if (found.status !== 0) return [];
    return found.stdout
      .split('\n')
      .map(Number)
      .filter((pid) => Number.isInteger(pid) && pid > 0)
      .map((pid) => ({ name, pid }));
  });
}

/** Busy and total CPU time of the whole machine so far (ms over all CPUs, from /proc/stat; NaN elsewhere). */
export function machineCpuMs(): { busy: number; total: number } {
  try {
    ticksPerSecond ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const total = fields.reduce((sum, value) => sum + value, 0);
    // idle and iowait are the only fields that are not work.
    const busy = total - fields[3] - fields[4];
    return { busy: (busy / ticksPerSecond) * 1000, total: (total / ticksPerSecond) * 1000 };
  } catch {
    return { busy: Number.NaN, total: Number.NaN };
  }
}
