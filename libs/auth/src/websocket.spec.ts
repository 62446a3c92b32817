import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { ALICE, createSigningKey, signToken, startJwksServer, type JwksServer, type TestSigningKey } from '../test/keys';
import { authenticateUpgrade, chooseWebSocketProtocol, rejectUpgradeForError } from './websocket';
import { createTokenVerifier } from './verifier';

let key: TestSigningKey;
let jwks: JwksServer;
let server: http.Server;
let wss: WebSocketServer;
let baseUrl: string;
let connections = 0;

beforeAll(async () => {
  key = await createSigningKey();
  jwks = await startJwksServer([key.publicJwk]);
  const verifier = createTokenVerifier({ jwksUrl: jwks.url });
  wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => chooseWebSocketProtocol(offered) });
  server = http.createServer((_req, res) => res.writeHead(426).end());
  server.on('upgrade', (req, socket, head) => {
    authenticateUpgrade(verifier, req).then(
      (user) =>
        wss.handleUpgrade(req, socket, head, (ws) => {
          connections += 1;
          ws.send(JSON.stringify(user));
        }),
      (error: unknown) => rejectUpgradeForError(socket, error),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/collab/room-1`;
});

afterAll(async () => {
  for (const client of wss.clients) client.terminate();
  wss.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await jwks.close();
});

type Outcome =
  | { opened: true; protocol: string; first: unknown; socket: WebSocket }
  | { opened: false; status: number; headers: http.IncomingHttpHeaders; body: string };

function connect(url: string, protocols?: string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols);
    socket.once('message', (data) =>
      resolve({ opened: true, protocol: socket.protocol, first: JSON.parse(data.toString()), socket }),
    );
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ opened: false, status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    socket.once('error', reject);
  });
}

describe('authenticateUpgrade over a real ws server', () => {
  it('accepts a good token offered as a subprotocol and answers with the peerprep protocol', async () => {
    const outcome = await connect(baseUrl, ['peerprep', `bearer.${await signToken(key)}`]);
    if (!outcome.opened) throw new Error(`refused with ${outcome.status}`);
    expect(outcome.protocol).toBe('peerprep');
    expect(outcome.first).toEqual(ALICE);
    outcome.socket.close();
  });

  it('refuses a good token in the access_token query parameter (tokens never travel in URLs)', async () => {
    const outcome = await connect(`${baseUrl}?access_token=${await signToken(key)}`);
    expect(outcome).toMatchObject({ opened: false, status: 401 });
  });

  it('refuses a bad token with 401 problem+json before upgrading', async () => {
    const before = connections;
    const forged = await signToken(await createSigningKey(key.kid));
    for (const attempt of [
      connect(baseUrl, ['peerprep', `bearer.${forged}`]),
      connect(`${baseUrl}?access_token=${forged}`),
      connect(baseUrl, ['peerprep']),
    ]) {
      const outcome = await attempt;
      if (outcome.opened) throw new Error('the upgrade was accepted');
      expect(outcome.status).toBe(401);
      expect(outcome.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(outcome.headers['www-authenticate']).toBe('Bearer');
      expect(JSON.parse(outcome.body)).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
    expect(connections).toBe(before);
  });
});

describe('chooseWebSocketProtocol', () => {
  it('answers peerprep when offered and never echoes the token protocol', () => {
    expect(chooseWebSocketProtocol(new Set(['bearer.a.b.c', 'peerprep']))).toBe('peerprep');
    expect(chooseWebSocketProtocol(new Set(['bearer.a.b.c']))).toBe(false);
    expect(chooseWebSocketProtocol([])).toBe(false);
  });
});
