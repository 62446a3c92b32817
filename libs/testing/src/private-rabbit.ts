import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A RabbitMQ node of one test's own (its own name, ports, data and logs in a
 * temporary folder), so the test can stop and restart a broker without
 * touching the shared one on 5672. Needs the rabbitmq-server package
 * (Debian's, run as-is without its wrapper's switch to the rabbitmq user).
 * Its queues and persistent messages survive restart() like a real node's.
 */
export interface PrivateRabbit {
  url: string;
  port: number;
  /** Stops the node (SIGTERM, a clean shutdown) and waits until it is gone. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data; resolves once it accepts connections. */
  start(): Promise<void>;
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  destroy(): Promise<void>;
}

export const RABBITMQ_SERVER_BIN = process.env['RABBITMQ_SERVER_BIN'] ?? '/usr/lib/rabbitmq/bin/rabbitmq-server';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startPrivateRabbit(label = 'private'): Promise<PrivateRabbit> {
  if (!existsSync(RABBITMQ_SERVER_BIN)) {
    throw new Error(`${RABBITMQ_SERVER_BIN} is missing: install the rabbitmq-server package (or set RABBITMQ_SERVER_BIN)`);
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), `rabbit-${label}-`));
  const [port, distPort] = [await freePort(), await freePort()];
  const pluginsFile = path.join(dir, 'enabled_plugins');
  await writeFile(pluginsFile, '[].\n');
  const env = {
    ...process.env,
    // The Erlang cookie is created under HOME; the node's own keeps it apart from the shared node's.
    HOME: dir,
    RABBITMQ_NODENAME: `${label}-${process.pid}-${port}@localhost`,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(port),
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_MNESIA_BASE: path.join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: path.join(dir, 'log'),
    RABBITMQ_ENABLED_PLUGINS_FILE: pluginsFile,
    RABBITMQ_CONFIG_FILE: path.join(dir, 'none'),
  };
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let output = '';

  async function start(): Promise<void> {
    output = '';
    // Its own process group, so stop() reaches the Erlang VM the script started.
    const node = spawn(RABBITMQ_SERVER_BIN, [], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child = node;
    node.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    node.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => node.once('exit', () => resolve()));
    let gone = false;
    void exited.then(() => (gone = true));
    // The limit only turns a broker that cannot start into a readable failure.
    const giveUpAt = Date.now() + 120_000;
    while (!(await accepts(port))) {
      if (gone) throw new Error(`RabbitMQ ${env.RABBITMQ_NODENAME} exited while starting:\n${output}`);
      if (Date.now() > giveUpAt) throw new Error(`RabbitMQ ${env.RABBITMQ_NODENAME} did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function stop(): Promise<void> {
    const node = child;
    child = undefined;
    if (!node?.pid || node.exitCode !== null || node.signalCode !== null) return;
    try {
      process.kill(-node.pid, 'SIGTERM');
    } catch {
      return;
    }
    await exited;
    // The VM may outlive the script by a moment; the port closing says it is gone.
    while (await accepts(port)) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  await start();
  return {
    url: `amqp://guest:guest@127.0.0.1:${port}`,
    port,
    start,
    stop,
    async restart() {
      await stop();
      await start();
    },
    async destroy() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
