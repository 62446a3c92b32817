import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * In a process of its own (the hook patches node:http for the whole process,
 * as it does in the standalone server): a server made after the hook is
 * installed echoes the X-Forwarded-For its handler saw.
 */
const SERVER = `
  const http = require('node:http');
  require(${JSON.stringify(path.join(__dirname, 'forwarded-for.cjs'))}).installForwardedFor(http);
  const server = http.createServer((req, res) => res.end(req.headers['x-forwarded-for']));
  server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

let child: ReturnType<typeof spawn>;
let base: string;

beforeAll(async () => {
  child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout?.once('data', (data: Buffer) => resolve(data.toString().trim())));
  base = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  child.kill();
});

describe('the frontend server appends the socket peer to X-Forwarded-For', () => {
  it('adds the peer when the browser sent none', async () => {
    expect(await (await fetch(base)).text()).toBe('127.0.0.1');
  });

  it('keeps a browser-written X-Forwarded-For only to the left of the peer, where no trusted hop vouches for it', async () => {
    const seen = await (await fetch(base, { headers: { 'x-forwarded-for': '198.18.0.1, 198.18.0.2' } })).text();
    expect(seen).toBe('198.18.0.1, 198.18.0.2, 127.0.0.1');
  });
});
