import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { nodeCommand } from './cpu';
import { call } from './http';
import { sleep } from './options';

/** The workspace root (this file is tools/bench/lib/services.ts). */
export const workspaceRoot = path.resolve(__dirname, '../../..');

/** Where `nx build <project>` puts an app's bundle. */
export const builtMain = (project: string) => path.join(workspaceRoot, 'dist/apps', project, 'main.js');

/** Builds the apps with Nx unless `skip`; then checks every bundle exists. */
export function buildApps(projects: readonly string[], say: (msg: string) => void, skip: boolean): void {
  if (!skip) {
    say(`building ${projects.join(', ')} (nx run-many -t build)`);
    const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', projects.join(','), '--outputStyle=static'], {
      cwd: workspaceRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
    if (build.status !== 0) throw new Error(`nx build of ${projects.join(', ')} failed`);
  }
  for (const project of projects) {
    if (!existsSync(builtMain(project))) throw new Error(`${builtMain(project)} does not exist; run without --skip-build`);
  }
}

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RunningService {
  name: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** SIGTERM (graceful: a --cpu-prof profile is written), then SIGKILL after 15 s. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartServiceOptions {
  /** Nx project name; runs dist/apps/<project>/main.js. */
  project: string;
  /** Variables on top of this process's environment; HOST and PORT are set here. */
  env: Record<string, string>;
  /** taskset CPU list to run it on. */
  cpus?: string;
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Answers 200 once the service is ready (default /readyz). */
  readyPath?: string;
  readyTimeoutMs?: number;
  /** Receives the service's stdout (its JSON log lines); without it stdout is dropped. */
  onOutput?: (chunk: string) => void;
}

/** Starts a built service on a free loopback port and waits until it is ready. */
export async function startBuiltService(options: StartServiceOptions): Promise<RunningService> {
  const port = await freePort();
  const node = [...(options.nodeArgs ?? []), builtMain(options.project)];
  const [command, args] = nodeCommand(node, options.cpus);
  const child = spawn(command, args, {
    cwd: workspaceRoot,
    stdio: ['ignore', options.onOutput ? 'pipe' : 'ignore', 'inherit'],
    env: { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: String(port) },
  });
  if (options.onOutput) {
    const onOutput = options.onOutput;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => onOutput(chunk));
  }
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  let stopping: Promise<void> | undefined;
  const service: RunningService = {
    name: options.project,
    port,
    pid: child.pid ?? -1,
    child,
    stop: () =>
      (stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      })()),
  };
  try {
    await waitUntilReady(service, options.readyPath ?? '/readyz', options.readyTimeoutMs ?? 30_000, () => spawnError);
  } catch (error) {
    await service.stop();
    throw error;
  }
  return service;
}

async function waitUntilReady(
  service: RunningService,
  readyPath: string,
  timeoutMs: number,
  spawnError: () => Error | undefined,
): Promise<void> {
  const agent = new http.Agent();
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const failed = spawnError();
      if (failed) throw new Error(`${service.name} could not start: ${failed.message}`);
      if (service.child.exitCode !== null) throw new Error(`${service.name} exited with code ${service.child.exitCode}`);
      const ready = await call(agent, service.port, 'GET', readyPath).then((r) => r.status === 200, () => false);
      if (ready) return;
      await sleep(200);
    }
    throw new Error(`${service.name} was not ready within ${timeoutMs / 1000} s`);
  } finally {
    agent.destroy();
  }
}
