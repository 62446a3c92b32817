import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthenticatedUser, TokenVerifier } from '@peerprep/auth';
import { COLLAB_CLOSE_CODES } from '@peerprep/contracts';
import { createLogger, ForbiddenError, NotFoundError, ServiceUnavailableError, UnauthorizedError } from '@peerprep/service-kit';
import { waitFor, websocketHandshake } from '@peerprep/testing';
import { WebSocket } from 'ws';
import { LiveRoom } from '../live-room';
import { createCollabSocket, type EditorAdmission, type EditorRooms } from './collab-socket';

/** A raw handshake, the socket kept open 200 ms to see whether the server closes it. */
const handshake = (url: string, protocols: string[]) => websocketHandshake(url, protocols, 200);

const user = (name: string): AuthenticatedUser => ({ id: randomUUID(), username: name, displayName: name, role: 'USER' });

describe('the editor socket: upgrade, authentication and admission', () => {
  const alice = user('alice');
  const mallory = user('mallory');
  const tokens = new Map([
    ['alice.token.sig', alice],
    ['mallory.token.sig', mallory],
  ]);
  const openRoom = randomUUID();
  const closedRoom = randomUUID();
  let keysDown = false;

  const verifier: TokenVerifier = {
    async verify(token) {
      if (keysDown) throw new ServiceUnavailableError('keys unavailable');
      const found = tokens.get(token);
      if (!found) throw new UnauthorizedError();
      return found;
    },
    async verifySession(token) {
      const user = await this.verify(token);
      return { user, session: { userId: user.id, issuedAt: 0, expiresAt: Number.MAX_SAFE_INTEGER / 1000 } };
    },
  };
  const admission: EditorAdmission = {
    async participantRoom(who, roomId) {
      if (roomId !== openRoom && roomId !== closedRoom) throw new NotFoundError();
      if (who.id !== alice.id) throw new ForbiddenError();
      return { status: roomId === closedRoom ? 'CLOSED' : 'OPEN' };
    },
  };

  /** The live rooms as the socket sees them: what it acquired, released and connected. */
  const rooms = {
    acquired: [] as { roomId: string; readOnly: boolean }[],
    released: [] as LiveRoom[],
    connected: [] as LiveRoom[],
    closedAll: false,
    gate: undefined as Promise<void> | undefined,
  };
  const liveRooms: EditorRooms = {
    async acquire(roomId, { readOnly }) {
      rooms.acquired.push({ roomId, readOnly });
      await rooms.gate;
      return new LiveRoom(roomId);
    },
    release(room) {
      rooms.released.push(room);
      room.destroy();
    },
    connect(room, conn) {
      rooms.connected.push(room);
      conn.send(Buffer.from('document'));
      conn.on('close', () => room.destroy());
    },
    receive() {
      // The fake document answers no message.
    },
    disconnect() {
      // 'close' above destroys the room.
    },
    async closeAll() {
      rooms.closedAll = true;
    },
  };

  let server: http.Server;
  let socket: ReturnType<typeof createCollabSocket>;
  let base: string;

  beforeEach(async () => {
    Object.assign(rooms, { acquired: [], released: [], connected: [], closedAll: false, gate: undefined });
    keysDown = false;
    socket = createCollabSocket({ verifier, admission, liveRooms, logger: createLogger({ name: 'socket-test', level: 'silent' }) });
    server = http.createServer((_req, res) => res.end());
    server.on('upgrade', (req, sock, head) => socket.handleUpgrade(req, sock, head));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/collab`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('serves a participant the room, read-only when it is closed', async () => {
    const open = await handshake(`${base}/${openRoom}`, ['peerprep', 'bearer.alice.token.sig']);
    const closed = await handshake(`${base}/${closedRoom}`, ['peerprep', 'bearer.alice.token.sig']);

    expect(open).toMatchObject({ status: 101, bytes: 'document'.length });
    expect(closed).toMatchObject({ status: 101, bytes: 'document'.length });
    expect(rooms.acquired).toEqual([
      { roomId: openRoom, readOnly: false },
      { roomId: closedRoom, readOnly: true },
    ]);
    expect(rooms.connected).toHaveLength(2);
  });

  it('refuses before any byte: 404 off the path, 4400 for a malformed id (before the token), 401 without a good token, 503 without keys', async () => {
    expect(await handshake(`${base.replace('/api/collab', '/api/other')}/${openRoom}`, ['peerprep', 'bearer.alice.token.sig'])).toEqual({ status: 404, bytes: 0 });
    expect(await handshake(`${base}/not-a-uuid`, ['peerprep'])).toEqual({ status: 101, bytes: 0, close: COLLAB_CLOSE_CODES.badRequest });
    expect(await handshake(`${base}/${openRoom}`, ['peerprep'])).toEqual({ status: 401, bytes: 0 });
    expect(await handshake(`${base}/${openRoom}`, ['peerprep', 'bearer.forged.token.sig'])).toEqual({ status: 401, bytes: 0 });
    keysDown = true;
    expect(await handshake(`${base}/${openRoom}`, ['peerprep', 'bearer.alice.token.sig'])).toEqual({ status: 503, bytes: 0 });
    expect(rooms.acquired).toEqual([]);
  });

  it('closes with 4403 for a signed-in stranger and 4404 for an unknown room, holding no room', async () => {
    expect(await handshake(`${base}/${openRoom}`, ['peerprep', 'bearer.mallory.token.sig'])).toEqual({
      status: 101,
      bytes: 0,
      close: COLLAB_CLOSE_CODES.forbidden,
    });
    expect(await handshake(`${base}/${randomUUID()}`, ['peerprep', 'bearer.alice.token.sig'])).toEqual({
      status: 101,
      bytes: 0,
      close: COLLAB_CLOSE_CODES.notFound,
    });
    expect(rooms.acquired).toEqual([]);
  });

  it('lets go of the room when the socket died while it loaded', async () => {
    let open!: () => void;
    rooms.gate = new Promise<void>((resolve) => (open = resolve));
    const ws = new WebSocket(`${base}/${openRoom}`, ['peerprep', 'bearer.alice.token.sig']);
    ws.once('error', () => undefined);
    await waitFor(() => rooms.acquired.length === 1, 5_000, 'the room to be loading');
    ws.terminate();
    await new Promise((resolve) => setTimeout(resolve, 50));
    open();

    await waitFor(() => rooms.released.length === 1, 5_000, 'the room to be released');
    expect(rooms.connected).toHaveLength(0);
  });

  it('refuses new sockets with 503 once shutting down, and closes the rooms\' sockets', async () => {
    await socket.closeAll();
    expect(rooms.closedAll).toBe(true);
    expect(await handshake(`${base}/${openRoom}`, ['peerprep', 'bearer.alice.token.sig'])).toEqual({ status: 503, bytes: 0 });
    expect(rooms.acquired).toEqual([]);
  });
});
