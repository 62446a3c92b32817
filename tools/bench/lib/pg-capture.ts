import net from 'node:net';

/** A statement with Postgres placeholders ($1...) and its parameters as sent (text format), as node-postgres takes it. */
export interface SqlStatement {
  text: string;
  values: (string | null)[];
}

export interface PgCapture {
  /** The database URL to give the client instead of the real one. */
  url: string;
  /** The statements sent since the last call. */
  take(): SqlStatement[];
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

function cString(buffer: Buffer, at: number): [string, number] {
  const end = buffer.indexOf(0, at);
  return [buffer.toString('utf8', at, end), end + 1];
}

/**
 * Reads the frontend half of the Postgres wire protocol: Parse ('P') names a
 * statement's SQL, Bind ('B') gives its parameters, Query ('Q') is a simple
 * statement. node-postgres (under Prisma's pg adapter) sends its parameters
 * in text format, which is what a replay with pg sends too.
 */
function createFrontendParser(record: (statement: SqlStatement) => void): (chunk: Buffer) => void {
  let pending = Buffer.alloc(0);
  let started = false;
  const prepared = new Map<string, string>();
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (!started) {
        if (pending.length < 8) return;
        const length = pending.readInt32BE(0);
        const code = pending.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) throw new Error('pg capture: the client asked for TLS; use a URL without sslmode');
        if (pending.length < length) return;
        pending = pending.subarray(length);
        started = true;
        continue;
      }
      if (pending.length < 5) return;
      const length = pending.readInt32BE(1);
      if (pending.length < 1 + length) return;
      const type = String.fromCharCode(pending[0] as number);
      const body = pending.subarray(5, 1 + length);
      pending = pending.subarray(1 + length);
      if (type === 'P') {
        const [name, next] = cString(body, 0);
        prepared.set(name, cString(body, next)[0]);
      } else if (type === 'Q') {
        record({ text: cString(body, 0)[0], values: [] });
      } else if (type === 'B') {
        let at = cString(body, 0)[1];
        const [statement, afterName] = cString(body, at);
        at = afterName;
        const formatCount = body.readInt16BE(at);
        const formats: number[] = [];
        for (let i = 0; i < formatCount; i++) formats.push(body.readInt16BE(at + 2 + 2 * i));
        at += 2 + 2 * formatCount;
        const count = body.readInt16BE(at);
        at += 2;
        const values: (string | null)[] = [];
        for (let i = 0; i < count; i++) {
          const size = body.readInt32BE(at);
          at += 4;
          if (size === -1) {
            values.push(null);
            continue;
          }
          const format = formats.length === 0 ? 0 : formats.length === 1 ? formats[0] : formats[i];
          if (format !== 0) throw new Error('pg capture: a binary parameter; only text parameters can be replayed');
          values.push(body.toString('utf8', at, at + size));
          at += size;
        }
        const text = prepared.get(statement);
        if (text === undefined) throw new Error(`pg capture: Bind of unknown statement "${statement}"`);
        record({ text, values });
      }
    }
  };
}

/**
 * A loopback TCP forwarder in front of the database of `databaseUrl` that
 * records every statement a client sends through it: a bench points a built
 * service at `url`, makes one request, and gets the exact SQL and parameters
 * the service ran, without loading the service's source.
 */
export async function startPgCapture(databaseUrl: string): Promise<PgCapture> {
  const target = new URL(databaseUrl);
  const captured: SqlStatement[] = [];
  const sockets = new Set<net.Socket>();
  let failure: Error | undefined;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname.replace(/^\[(.*)\]$/, '$1'));
    sockets.add(client).add(upstream);
    const parse = createFrontendParser((statement) => captured.push(statement));
    client.on('data', (chunk: Buffer) => {
      try {
        parse(chunk);
      } catch (error) {
        failure ??= error as Error;
      }
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as net.AddressInfo).port);
  return {
    url: url.href,
    take() {
      if (failure) throw failure;
      return captured.splice(0);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
