import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { webSocketAuthentication, type AuthenticatedUser, type TokenVerifier } from '@peerprep/auth';
import type { MatchStatusMessage } from '@peerprep/contracts';
import { createWebSocketHub, ServiceUnavailableError, type Logger, type SocketCloser } from '@peerprep/service-kit';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { WebSocket } from 'ws';
import type { StatusPublisher } from './matching.service';
import type { QueueRepository } from './queue.repository';

export const MATCH_EVENTS_PATH = '/api/match/events';

// Proxies and load balancers drop idle connections; a ping keeps them open and finds dead peers.
const HEARTBEAT_MS = 25_000;

// The channel only speaks: a client has nothing to send but control frames,
// so anything bigger than this closes its socket (1009) instead of ws's 100 MiB.
const MAX_MESSAGE_BYTES = 1024;

/** Messages a status client may send (it has nothing to say): past this its socket is closed with 4430. */
export const STATUS_MESSAGE_RATE = { perSecond: 1, burst: 10 } as const;

/** Default of the config's MATCH_MAX_SOCKETS_PER_USER. */
export const DEFAULT_MAX_STATUS_SOCKETS_PER_USER = 8;

export interface StatusChannelDeps {
  /** For PUBLISH. */
  redis: Redis;
  /** A connection of its own: a subscribed Redis client can do nothing else. */
  subscriber: Redis;
  queue: QueueRepository;
  verifier: TokenVerifier;
  logger: Logger;
  /** The service's registry (`channel="status"` metrics). */
  registry?: Registry;
  disconnectGraceMs: number;
  /** Status sockets per user on this replica (MATCH_MAX_SOCKETS_PER_USER); one more is closed with 4429. */
  maxSocketsPerUser?: number;
  /** What a newly opened socket is told first (the request's state now), so a reload resumes. */
  currentStatus(userId: string): Promise<MatchStatusMessage | null>;
  /** Called after the grace period when the user's last socket (on every replica) closed. */
  onAbandoned(userId: string): Promise<unknown>;
}

export interface StatusChannel extends StatusPublisher, SocketCloser<AuthenticatedUser> {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Shutdown: close every socket with 1001 and cancel nobody (another replica takes over). */
  closeAll(): Promise<void>;
}

/**
 * Live status over WebSocket, on the service kit's WebSocket hub (channel
 * `status`). Each user's messages travel on a Redis pub/sub channel of their
 * own, so whichever replica made the change reaches the sockets on every
 * replica. A replica subscribes to a user's channel before their socket
 * counts as open, so nothing published after the open is missed.
 */
export function createStatusChannel(deps: StatusChannelDeps): StatusChannel {
  const { redis, subscriber, queue, logger } = deps;
  /** The open sockets of each user here, for the fan-out. */
  const sockets = new Map<string, Set<WebSocket>>();
  const graceTimers = new Set<NodeJS.Timeout>();
  let closing = false;

  subscriber.on('message', (channel: string, message: string) => {
    const userId = channel.slice(queue.statusChannel('').length);
    for (const socket of sockets.get(userId) ?? []) hub.send(socket, message);
  });

  const subscribed = new Map<string, number>();

  /** Counts a socket of the user (pending or open): subscribes their channel and counts them present. */
  async function retain(userId: string): Promise<void> {
    const count = (subscribed.get(userId) ?? 0) + 1;
    subscribed.set(userId, count);
    if (count === 1) await subscriber.subscribe(queue.statusChannel(userId));
    await queue.presence(userId, 1);
  }

  /** The reverse of retain; the last socket of the user anywhere starts the disconnect grace. */
  async function release(userId: string): Promise<void> {
    const count = (subscribed.get(userId) ?? 1) - 1;
    if (count === 0) {
      subscribed.delete(userId);
      await subscriber.unsubscribe(queue.statusChannel(userId));
    } else {
      subscribed.set(userId, count);
    }
    const present = await queue.presence(userId, -1);
    if (present > 0 || closing) return;
    const timer = setTimeout(() => {
      graceTimers.delete(timer);
      deps.onAbandoned(userId).catch((error: unknown) => logger.error({ err: error, userId }, 'disconnect removal failed'));
    }, deps.disconnectGraceMs);
    graceTimers.add(timer);
  }

  function releaseLogged(userId: string): void {
    release(userId).catch((error: unknown) => logger.error({ err: error, userId }, 'status socket release failed'));
  }

  function open(userId: string, socket: WebSocket): void {
    let group = sockets.get(userId);
    if (!group) {
      group = new Set();
      sockets.set(userId, group);
    }
    group.add(socket);
    deps
      .currentStatus(userId)
      .then((current) => {
        if (current) hub.send(socket, JSON.stringify(current));
      })
      .catch((error: unknown) => logger.error({ err: error, userId }, 'reading the current status failed'));
  }

  function closed(userId: string, socket: WebSocket): void {
    const group = sockets.get(userId);
    group?.delete(socket);
    if (group?.size === 0) sockets.delete(userId);
    releaseLogged(userId);
  }

  const hub = createWebSocketHub({
    name: 'status',
    logger,
    registry: deps.registry,
    ...webSocketAuthentication(deps.verifier),
    route: (path) => (path === MATCH_EVENTS_PATH ? path : undefined),
    async admit(user) {
      // Subscribed before the socket opens: a request sent right after the open is heard.
      try {
        await retain(user.id);
      } catch (error) {
        logger.error({ err: error }, 'status socket upgrade failed');
        throw new ServiceUnavailableError('the status channel is unavailable', { cause: error });
      }
      return user.id;
    },
    abandon: releaseLogged,
    onOpen: (socket, userId) => open(userId, socket),
    // Anything the client sends is ignored: the channel only speaks.
    onClose: (socket, userId) => closed(userId, socket),
    maxPayload: MAX_MESSAGE_BYTES,
    maxSocketsPerUser: deps.maxSocketsPerUser ?? DEFAULT_MAX_STATUS_SOCKETS_PER_USER,
    // A client has nothing to say: a few stray messages are forgiven, a stream is closed (4430).
    messageRate: STATUS_MESSAGE_RATE,
    heartbeat: { intervalMs: HEARTBEAT_MS },
    shutdownClose: { code: 1001, reason: 'server shutting down' },
  });

  return {
    publish(userId, message) {
      redis.publish(queue.statusChannel(userId), JSON.stringify(message)).catch((error: unknown) => {
        logger.error({ err: error, userId }, 'publishing a status message failed');
      });
    },

    handleUpgrade: hub.handleUpgrade,
    closeWhere: hub.closeWhere,

    async closeAll() {
      closing = true;
      for (const timer of graceTimers) clearTimeout(timer);
      graceTimers.clear();
      await hub.closeAll();
    },
  };
}
