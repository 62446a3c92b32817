import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '@peerprep/service-kit';
import { createExecutor, type BoxStrategy, type Executor } from '../src/executions/execution.service';
import { Sandbox, STANDBY } from '../src/sandbox/sandbox';

/** Every suite's boxes use their own uid range and work folder, so suites running in parallel never see each other's. */
export interface TestSandbox {
  sandbox: Sandbox;
  executor: Executor;
  workDir: string;
  uids: number[];
}

export const SLOTS = 2;

export async function createTestSandbox(name: string, options: { strategy?: BoxStrategy; testTimeMs?: number } = {}): Promise<TestSandbox> {
  const logger = createLogger({ name: 'execution-service', level: 'silent' });
  // A uid range per suite (and per jest worker) so RLIMIT_NPROC and leftover checks see only this suite's boxes.
  const hash = [...name].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 1000, 7);
  const boxUidBase = 62_000 + hash * 10;
  const sandbox = await Sandbox.create({ seccompPython: '/usr/bin/python3', cgroups: 'auto', probeUid: boxUidBase, logger });
  const workDir = path.join(os.tmpdir(), `peerprep-execution-test-${name}-${process.pid}`);
  const executor = createExecutor({ sandbox, workDir, slots: SLOTS, boxUidBase, logger, ...options });
  return { sandbox, executor, workDir, uids: Array.from({ length: SLOTS }, (_unused, slot) => boxUidBase + slot) };
}

/**
 * Live processes still owned by the suite's box uids (none may outlive its
 * run). A killed box's program can stay a zombie for a moment, until the
 * host's init reaps it: dead, holding nothing, so not counted. Not counted
 * either: the standbys (the sandbox's `STANDBY` sh, a child of the service
 * itself, with the `cat` it reads its command with), which wait for the
 * slot's next box. No process of a box can pass for one: a box's processes
 * live in its pid namespace, whose orphans never reparent to the service, and
 * the box's first process has exec'd into prlimit and bwrap.
 */
export function processesOf(uids: number[], services: number[] = [process.pid]): string[] {
  const out = execFileSync('ps', ['-e', '-o', 'uid=,pid=,ppid=,stat=,args='], { encoding: 'utf8' });
  const rows = out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([uid, , , stat]) => uids.includes(Number(uid)) && !stat?.startsWith('Z'));
  const standbys = new Set(
    rows
      .filter(([, , ppid, , ...args]) => services.includes(Number(ppid)) && args.join(' ').startsWith(`/bin/sh -c ${STANDBY}`))
      .map(([, pid]) => Number(pid)),
  );
  return rows
    .filter(([, pid, ppid, , ...args]) => !standbys.has(Number(pid)) && !(standbys.has(Number(ppid)) && args.join(' ') === 'cat'))
    .map(([uid, pid, , stat, ...args]) => [uid, pid, stat, ...args].join(' '));
}

/** Run folders left in the suite's work folder (each run removes its own). */
export function leftoverRunFolders(workDir: string): string[] {
  try {
    return readdirSync(workDir);
  } catch {
    return [];
  }
}

/** Removes the suite's (by then empty) work folder: each run already removed its own. */
export function removeTestSandbox(box: TestSandbox | undefined): void {
  if (box) rmSync(box.workDir, { recursive: true, force: true });
}
