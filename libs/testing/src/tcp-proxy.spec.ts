import net from 'node:net';
import { once } from 'node:events';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

/** Answers every chunk with the same bytes. */
async function startEchoServer(): Promise<net.Server> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.pipe(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return server;
}

function connect(proxy: TcpProxy): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(proxy.port, proxy.host, () => resolve(socket));
    socket.once('error', reject);
  });
}

async function roundTrip(socket: net.Socket, text: string): Promise<string> {
  socket.write(text);
  const [data] = (await once(socket, 'data')) as [Buffer];
  return data.toString();
}

function closed(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve();
    socket.once('close', () => resolve());
    socket.on('error', () => undefined);
  });
}

describe('startTcpProxy', () => {
  let echo: net.Server;
  let proxy: TcpProxy;

  beforeEach(async () => {
    echo = await startEchoServer();
    proxy = await startTcpProxy({ host: '127.0.0.1', port: (echo.address() as net.AddressInfo).port });
  });
  afterEach(async () => {
    await proxy.close();
    await new Promise((resolve) => echo.close(resolve));
  });

  it('forwards bytes both ways', async () => {
    const socket = await connect(proxy);
    expect(await roundTrip(socket, 'ping')).toBe('ping');
    expect(proxy.stats()).toEqual({ accepted: 1, refused: 0, open: 1 });
    socket.destroy();
  });

  it('builds URLs with optional credentials', () => {
    expect(proxy.url('amqp', 'guest:guest')).toBe(`amqp://guest:guest@127.0.0.1:${proxy.port}`);
    expect(proxy.url('redis')).toBe(`redis://127.0.0.1:${proxy.port}`);
  });

  it('pause cuts open connections and refuses new ones until resume', async () => {
    const before = await connect(proxy);
    expect(await roundTrip(before, 'a')).toBe('a');

    await proxy.pause();
    await closed(before);

    const during = await connect(proxy);
    await closed(during);
    expect(proxy.stats().refused).toBe(1);

    await proxy.resume();
    const after = await connect(proxy);
    expect(await roundTrip(after, 'b')).toBe('b');
    after.destroy();
  });

  it('close stops listening', async () => {
    await proxy.close();
    await expect(connect(proxy)).rejects.toThrow(/ECONNREFUSED/);
  });
});
