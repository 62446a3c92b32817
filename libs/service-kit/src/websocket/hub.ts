import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WEBSOCKET_CLOSE_CODES } from '@peerprep/contracts';
import { Registry } from 'prom-client';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { DomainError } from '../errors';
import type { Logger } from '../logger';
import { pathOf } from '../path';
import { createHubMetrics, type HubMetrics, type HubTraffic } from './hub-metrics';
import { rejectUpgrade, upgradeStatusForError } from './reject-upgrade';

/**
 * Thrown by a hub's `route` or `admit` for a refusal no retry can fix: the
 * socket is opened only to be closed at once with `code` (4000–4999), which
 * the browser sees (a refused HTTP handshake shows it nothing) and on which
 * y-websocket stops reconnecting (4400–4499). Thrown by `onMessage`, it
 * closes that open socket with `code`: the channel refused what it sent.
 */
export class WebSocketRefusal extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'WebSocketRefusal';
  }
}

export const WEBSOCKET_HUB_DEFAULTS = {
  /** Pings go out this many at a time, the next batch after pending I/O. */
  pingBatch: 64,
  /** A client whose unsent backlog passes this is cut off. */
  maxBufferedBytes: 8 * 1024 * 1024,
  /** How long shutdown waits for a socket's closing handshake before it terminates it. */
  closeTimeoutMs: 1_000,
} as const;

/**
 * A token bucket per socket: `burst` messages at once, refilled at
 * `perSecond`. A message past it closes the socket with 4430
 * (WEBSOCKET_CLOSE_CODES.rateLimited) and is not handled.
 */
export interface WebSocketMessageRate {
  perSecond: number;
  burst: number;
}

export interface WebSocketHubOptions<User extends { id: string }, Target, Context> {
  /** The channel: the `channel` label of the hub's metrics, and its name in logs. */
  name: string;
  logger: Logger;
  /** The service's registry (`service.metrics.registry`); without one the metrics are kept but not exported. */
  registry?: Registry;
  /**
   * What an upgrade asks for, from its path (query left out): undefined
   * answers 404. May throw a WebSocketRefusal; runs before the token check.
   */
  route(path: string, req: IncomingMessage): Target | undefined;
  /** Who asks. Rejects with a DomainError for the HTTP refusal (401 bad token, 503 keys unavailable). */
  authenticate(req: IncomingMessage): Promise<User>;
  /** ws's `handleProtocols`: which offered subprotocol the server answers. */
  handleProtocols?: (offered: Set<string>, req: IncomingMessage) => string | false;
  /**
   * Whether the user may have the target, and what the socket holds once
   * open (its context, handed to every callback). Throws a WebSocketRefusal
   * to close with a code, a DomainError for an HTTP status; anything else is
   * logged and answered 500.
   */
  admit(user: User, target: Target, req: IncomingMessage): Promise<Context>;
  /** An admitted upgrade whose socket never opened (the client left meanwhile, or shutdown began): undo `admit`. */
  abandon?(context: Context): void;
  /** The socket is open (listeners attached, counted). */
  onOpen(conn: WebSocket, context: Context): void;
  /** A message from the client; throwing closes the socket with 1007, or a WebSocketRefusal's code. */
  onMessage?(conn: WebSocket, data: Buffer, context: Context): void;
  /** The open socket closed (once). */
  onClose?(conn: WebSocket, context: Context): void;
  /** A bigger message closes the socket with 1009. */
  maxPayload: number;
  /** Sockets per user on this replica, open or being admitted; one more is refused with 4429 (WEBSOCKET_CLOSE_CODES). */
  maxSocketsPerUser: number;
  /** Messages a socket may send (control frames aside); past it the socket is closed with 4430. */
  messageRate: WebSocketMessageRate;
  /**
   * Every socket is pinged every `intervalMs` (proxies keep connections that
   * carry traffic), `batch` at a time (default 64) with pending I/O between
   * batches; one that did not answer the previous ping is terminated.
   */
  heartbeat: { intervalMs: number; batch?: number };
  /** `send` cuts off a client whose unsent backlog passes this (default 8 MiB). */
  maxBufferedBytes?: number;
  /** How `closeAll` closes every socket (1001 going away, 1012 restarting). */
  shutdownClose: { code: number; reason: string };
  /**
   * When the user's credential stops being good (epoch ms), e.g. the access
   * token's exp; undefined: never. The heartbeat closes a socket past it with
   * `expiryClose`, so a client must come back with a fresh credential.
   */
  expiresAt?(user: User): number | undefined;
  expiryClose?: { code: number; reason: string };
}

export interface WebSocketHub {
  readonly name: string;
  /** For the service's `onUpgrade`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Sends to a socket of this hub, within its backlog bound (see `sendToSocket`). */
  send(conn: WebSocket, data: Uint8Array | string): void;
  /** Open sockets now. */
  readonly openSockets: number;
  /** Shutdown: refuse new upgrades (503), close every socket with `shutdownClose` (terminated after a second). */
  closeAll(): Promise<void>;
}

/** What a hub can do to the sockets of some users (revocation: that user's, or that session's). */
export interface SocketCloser<User> {
  /** Closes every open socket whose user matches with `code` and `reason`; how many it closed. */
  closeWhere(predicate: (user: User) => boolean, code: number, reason: string): number;
}

/** What the hub keeps per open socket; the listeners are shared by every socket, so this is all it costs. */
interface OpenSocket {
  readonly hub: HubInternals;
  readonly userId: string;
  /** Who authenticated the socket, as `authenticate` answered. */
  readonly user: unknown;
  readonly context: unknown;
  /** Answered the last ping. */
  alive: boolean;
  /** The socket's message bucket (`messageRate`): messages it may still send, as of `refilledAt` (ms). */
  tokens: number;
  refilledAt: number;
}

interface HubInternals extends HubTraffic {
  readonly maxBufferedBytes: number;
  received(conn: WebSocket, socket: OpenSocket, data: Buffer): void;
  closed(conn: WebSocket, socket: OpenSocket): void;
  failed(conn: WebSocket, socket: OpenSocket, error: Error): void;
  /** `sendToSocket` found the backlog past the bound (the socket is terminated next). */
  cutOff(socket: OpenSocket, bufferedBytes: number): void;
}

/** Every open socket of every hub: what the shared listeners and `sendToSocket` look up. */
const openSockets = new WeakMap<WebSocket, OpenSocket>();

function onSocketMessage(this: WebSocket, data: RawData): void {
  const socket = openSockets.get(this);
  if (socket) socket.hub.received(this, socket, data as Buffer);
}

function onSocketClose(this: WebSocket): void {
  const socket = openSockets.get(this);
  if (socket) socket.hub.closed(this, socket);
}

function onSocketError(this: WebSocket, error: Error): void {
  const socket = openSockets.get(this);
  if (socket) socket.hub.failed(this, socket, error);
}

function onSocketPong(this: WebSocket): void {
  const socket = openSockets.get(this);
  if (socket) socket.alive = true;
}

function byteLength(data: Uint8Array | string): number {
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}

/**
 * How every message reaches a client: not at all on a socket that is not
 * open, and never past its hub's backlog bound (`maxBufferedBytes`; 8 MiB
 * for a socket no hub opened). A client that stops reading is terminated
 * before its backlog eats the heap: a close frame would only queue behind
 * the backlog it does not read. A failed write terminates too.
 */
export function sendToSocket(conn: WebSocket, data: Uint8Array | string): void {
  if (conn.readyState !== WebSocket.OPEN) return;
  const socket = openSockets.get(conn);
  const bound = socket ? socket.hub.maxBufferedBytes : WEBSOCKET_HUB_DEFAULTS.maxBufferedBytes;
  if (conn.bufferedAmount > bound) {
    socket?.hub.cutOff(socket, conn.bufferedAmount);
    conn.terminate();
    return;
  }
  if (socket) {
    socket.hub.messagesOut += 1;
    socket.hub.bytesOut += byteLength(data);
  }
  conn.send(data, (error) => {
    if (error) conn.terminate();
  });
}

/**
 * One way to run a WebSocket channel of a service: upgrade admission (path,
 * token, a cap per user, the channel's own admission), `maxPayload`, shared
 * listeners (a socket carries no closure of the hub's), a batched heartbeat,
 * the backpressure cut-off, close-all on shutdown, and metrics labelled by
 * channel. The channel keeps its domain: what a target is, who may have it,
 * and what to do with an open socket.
 *
 * The order of an upgrade: route (404, or a refusal by close code), 503 once
 * shutting down, authenticate (HTTP 401/503), the per-user cap (4429),
 * admit, then the socket opens, unless the client left or shutdown began
 * meanwhile (the admission is abandoned).
 */
export function createWebSocketHub<User extends { id: string }, Target, Context>(
  options: WebSocketHubOptions<User, Target, Context>,
): WebSocketHub & SocketCloser<User> {
  const { name, logger } = options;
  const batch = options.heartbeat.batch ?? WEBSOCKET_HUB_DEFAULTS.pingBatch;
  const wss = new WebSocketServer({
    noServer: true,
    // The hub knows its sockets: no second set of ws's, nor its listener on each.
    clientTracking: false,
    maxPayload: options.maxPayload,
    ...(options.handleProtocols ? { handleProtocols: options.handleProtocols } : {}),
  });
  const { perSecond, burst } = options.messageRate;
  const open = new Set<WebSocket>();
  /** Sockets per user, open or being admitted. */
  const perUser = new Map<string, number>();
  let closing = false;

  const hub: HubInternals = {
    name,
    get openSockets() {
      return open.size;
    },
    messagesIn: 0,
    bytesIn: 0,
    messagesOut: 0,
    bytesOut: 0,
    maxBufferedBytes: options.maxBufferedBytes ?? WEBSOCKET_HUB_DEFAULTS.maxBufferedBytes,

    received(conn, socket, data) {
      hub.messagesIn += 1;
      hub.bytesIn += data.length;
      // Messages already in flight when the socket began closing are not handled.
      if (conn.readyState !== WebSocket.OPEN) return;
      if (!withinRate(socket)) {
        metrics.messageRefused(WEBSOCKET_CLOSE_CODES.rateLimited);
        logger.warn({ channel: name, userId: socket.userId }, `a ${name} client sent too many messages: closed`);
        conn.close(WEBSOCKET_CLOSE_CODES.rateLimited, `too many ${name} messages`);
        return;
      }
      if (!options.onMessage) return;
      try {
        options.onMessage(conn, data, socket.context as Context);
      } catch (error) {
        if (error instanceof WebSocketRefusal) {
          metrics.messageRefused(error.code);
          logger.info({ channel: name, userId: socket.userId, code: error.code, reason: error.reason }, `a ${name} message was refused`);
          conn.close(error.code, error.reason);
          return;
        }
        logger.warn({ err: error, channel: name, userId: socket.userId }, `a malformed ${name} message closed its connection`);
        conn.close(1007, 'malformed message');
      }
    },

    closed(conn, socket) {
      if (!open.delete(conn)) return;
      releaseSlot(socket.userId);
      options.onClose?.(conn, socket.context as Context);
    },

    failed(_conn, socket, error) {
      logger.debug({ err: error, channel: name, userId: socket.userId }, `${name} socket error`);
    },

    cutOff(socket, bufferedBytes) {
      metrics.backpressureCutoff();
      logger.warn({ channel: name, userId: socket.userId, bufferedBytes }, `a ${name} client stopped reading: cut off`);
    },
  };
  const metrics: HubMetrics = createHubMetrics(options.registry ?? new Registry(), hub);

  /** Takes a message from the socket's bucket: false when it is empty. */
  function withinRate(socket: OpenSocket): boolean {
    const now = Date.now();
    socket.tokens = Math.min(burst, socket.tokens + ((now - socket.refilledAt) * perSecond) / 1000);
    socket.refilledAt = now;
    if (socket.tokens >= 1) {
      socket.tokens -= 1;
      return true;
    }
    return false;
  }

  function releaseSlot(userId: string): void {
    const count = (perUser.get(userId) ?? 1) - 1;
    if (count > 0) perUser.set(userId, count);
    else perUser.delete(userId);
  }

  function reject(socket: Duplex, status: number): void {
    metrics.upgrade('rejected', status);
    rejectUpgrade(socket, status);
  }

  function refuse(req: IncomingMessage, socket: Duplex, head: Buffer, refusal: WebSocketRefusal): void {
    metrics.upgrade('refused', refusal.code);
    wss.handleUpgrade(req, socket, head, (conn) => conn.close(refusal.code, refusal.reason));
  }

  /** Undoes an admission whose socket will not open. */
  function abandon(userId: string, context: Context): void {
    releaseSlot(userId);
    options.abandon?.(context);
  }

  function opened(conn: WebSocket, user: User, context: Context): void {
    const userId = user.id;
    openSockets.set(conn, { hub, userId, user, context, alive: true, tokens: burst, refilledAt: Date.now() });
    open.add(conn);
    conn.on('error', onSocketError);
    conn.on('message', onSocketMessage);
    conn.on('close', onSocketClose);
    conn.on('pong', onSocketPong);
    metrics.upgrade('opened', 101);
    options.onOpen(conn, context);
  }

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, target: Target): Promise<void> {
    const user = await options.authenticate(req);
    const userId = user.id;
    const held = perUser.get(userId) ?? 0;
    if (held >= options.maxSocketsPerUser) {
      throw new WebSocketRefusal(WEBSOCKET_CLOSE_CODES.tooManySockets, `too many ${name} connections for this user`);
    }
    perUser.set(userId, held + 1);
    let context: Context;
    try {
      context = await options.admit(user, target, req);
    } catch (error) {
      releaseSlot(userId);
      throw error;
    }
    if (socket.destroyed || closing) {
      abandon(userId, context);
      if (socket.destroyed) metrics.upgrade('abandoned', 101);
      else reject(socket, 503);
      return;
    }
    // With no verifyClient, ws calls back before handleUpgrade returns, or
    // never: it refused the handshake, or found the socket dead, and destroyed
    // it. Either way this knows at once whether the admission is held by a
    // WebSocket, and a socket carries no listener of ours while it waits.
    let upgraded = false;
    wss.handleUpgrade(req, socket, head, (conn) => {
      upgraded = true;
      opened(conn, user, context);
    });
    if (!upgraded) {
      abandon(userId, context);
      metrics.upgrade('abandoned', 101);
    }
  }

  /** Pings `conns[from...]`, a batch now and the rest after pending I/O, so pinging never holds up the traffic between. */
  function pingFrom(conns: WebSocket[], from: number): void {
    const until = Math.min(conns.length, from + batch);
    const now = Date.now();
    for (let i = from; i < until; i++) {
      const conn = conns[i];
      const socket = openSockets.get(conn);
      if (!socket || conn.readyState !== WebSocket.OPEN) continue;
      const expiresAt = options.expiresAt?.(socket.user as User);
      if (expiresAt !== undefined && expiresAt <= now) {
        const { code, reason } = options.expiryClose ?? { code: 4401, reason: 'credential expired' };
        conn.close(code, reason);
        continue;
      }
      if (!socket.alive) {
        metrics.heartbeatTermination();
        conn.terminate();
        continue;
      }
      socket.alive = false;
      conn.ping();
    }
    if (until < conns.length && !closing) setImmediate(pingFrom, conns, until);
  }

  const heartbeat = setInterval(() => pingFrom([...open], 0), options.heartbeat.intervalMs);
  heartbeat.unref();

  return {
    name,

    handleUpgrade(req, socket, head) {
      let target: Target | undefined;
      try {
        target = options.route(pathOf(req.url), req);
      } catch (error) {
        if (!(error instanceof WebSocketRefusal)) throw error;
        refuse(req, socket, head, error);
        return;
      }
      if (target === undefined) {
        reject(socket, 404);
        return;
      }
      if (closing) {
        reject(socket, 503);
        return;
      }
      upgrade(req, socket, head, target).catch((error: unknown) => {
        if (error instanceof WebSocketRefusal) {
          refuse(req, socket, head, error);
          return;
        }
        if (!(error instanceof DomainError)) logger.error({ err: error, channel: name }, `${name} upgrade failed`);
        reject(socket, upgradeStatusForError(error));
      });
    },

    send: sendToSocket,

    closeWhere(predicate, code, reason) {
      let closed = 0;
      for (const conn of open) {
        const socket = openSockets.get(conn);
        if (!socket || !predicate(socket.user as User)) continue;
        conn.close(code, reason);
        closed += 1;
      }
      return closed;
    },

    get openSockets() {
      return open.size;
    },

    async closeAll() {
      closing = true;
      clearInterval(heartbeat);
      const { code, reason } = options.shutdownClose;
      await Promise.all(
        [...open].map(
          (conn) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(() => {
                conn.terminate();
                resolve();
              }, WEBSOCKET_HUB_DEFAULTS.closeTimeoutMs);
              timer.unref();
              conn.once('close', () => {
                clearTimeout(timer);
                resolve();
              });
              conn.close(code, reason);
            }),
        ),
      );
    },
  };
}
