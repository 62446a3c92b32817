import net from 'node:net';

export interface TcpProxyStats {
  /** Connections forwarded to the target. */
  accepted: number;
  /** Connections dropped because the proxy was paused. */
  refused: number;
  /** Forwarded connections still open. */
  open: number;
}

export interface TcpProxy {
  port: number;
  host: string;
  /** The proxy's address as a URL, e.g. url('amqp', 'guest:guest'). */
  url(scheme: string, auth?: string): string;
  /** An outage: refuse new connections and destroy the open ones. */
  pause(): Promise<void>;
  /** End the outage: forward new connections again. */
  resume(): Promise<void>;
  close(): Promise<void>;
  stats(): TcpProxyStats;
}

/**
 * A TCP forwarder in front of a real server (RabbitMQ, Redis, Postgres), so a
 * test can cut the connection and restore it without touching the server that
 * every other suite shares.
 */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const host = '127.0.0.1';
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const counts = { accepted: 0, refused: 0 };
  let paused = false;

  const server = net.createServer((client) => {
    if (paused) {
      counts.refused += 1;
      client.destroy();
      return;
    }
    counts.accepted += 1;
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const teardown = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', teardown).on('close', teardown);
    upstream.on('error', teardown).on('close', teardown);
    client.pipe(upstream);
    upstream.pipe(client);
  });

  const destroyOpen = () => {
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as net.AddressInfo;

  return {
    port,
    host,
    url: (scheme, auth) => `${scheme}://${auth ? `${auth}@` : ''}${host}:${port}`,
    async pause() {
      paused = true;
      destroyOpen();
    },
    async resume() {
      paused = false;
    },
    async close() {
      paused = true;
      destroyOpen();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    stats: () => ({ ...counts, open: pairs.size }),
  };
}
