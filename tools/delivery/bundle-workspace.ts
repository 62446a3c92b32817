import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { workspaceRoot } from './dockerfile-model';

/** Runs a command to completion; rejects with its output when it fails. */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? workspaceRoot, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${output}`));
    });
  });
}

/** `npm ci` of a generated manifest and lock, production dependencies only, as the Dockerfiles do. */
export function productionInstall(folder: string): Promise<string> {
  return run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: folder });
}

/** A fresh folder outside the workspace, so no workspace node_modules is above it. */
export function makeTempFolder(label: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `peerprep-bundle-${label}-`));
}

/** A copy of a build output in a fresh temporary folder. */
export async function copyToTemp(source: string, label: string): Promise<string> {
  const folder = await makeTempFolder(label);
  await cp(source, folder, { recursive: true, verbatimSymlinks: true });
  return folder;
}

/** Bytes on disk under a folder (files only, symlinks not followed). */
export async function folderSize(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
