import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '@peerprep/service-kit';
import { createExecutor, type BoxStrategy, type Executor } from '../src/executions/execution.service';
import { Sandbox } from '../src/sandbox/sandbox';

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
 * host's init reaps it: dead, holding nothing, so not counted.
 */
export function processesOf(uids: number[]): string[] {
  const out = execFileSync('ps', ['-e', '-o', 'uid=,pid=,stat=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([uid, , stat]) => uids.includes(Number(uid)) && !stat?.startsWith('Z'))
    .map((fields) => fields.join(' '));
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
