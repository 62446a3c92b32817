import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  authenticateUpgrade,
  chooseWebSocketProtocol,
  rejectUpgrade,
  rejectUpgradeForError,
  type TokenVerifier,
} from '@peerprep/auth';
import type { MatchStatusMessage } from '@peerprep/contracts';
import type { Logger } from '@peerprep/service-kit';
import type { Redis } from 'ioredis';
import { WebSocket, WebSocketServer } from 'ws';
import type { StatusPublisher } from './matching.service';
import type { QueueRepository } from './queue.repository';

export const MATCH_EVENTS_PATH = '/api/match/events';

export interface StatusChannelDeps {
  /** For PUBLISH. */
  redis: Redis;
  /** A connection of its own: a subscribed Redis client can do nothing else. */
  subscriber: Redis;
  queue: QueueRepository;
  verifier: TokenVerifier;
  logger: Logger;
  disconnectGraceMs: number;
  /** What a newly opened socket is told first (the request's state now), so a reload resumes. */
  currentStatus(userId: string): Promise<MatchStatusMessage | null>;
  /** Called after the grace period when the user's last socket (on every replica) closed. */
  onAbandoned(userId: string): Promise<unknown>;
}

export interface StatusChannel extends StatusPublisher {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Shutdown: close every socket with 1001 and cancel nobody (another replica takes over). */
  closeAll(): Promise<void>;
}

// Proxies and load balancers drop idle connections; a ping keeps them open and finds dead peers.
const HEARTBEAT_MS = 25_000;

/**
 * Live status over WebSocket. Each user's messages travel on a Redis pub/sub
 * channel of their own, so whichever replica made the change reaches the
 * sockets on every replica. A replica subscribes to a user's channel before
 * their socket counts as open, so nothing published after the open is missed.
 */
export function createStatusChannel(deps: StatusChannelDeps): StatusChannel {
  const { redis, subscriber, queue, logger } = deps;
  const sockets = new Map<string, Set<WebSocket>>();
  const graceTimers = new Set<NodeJS.Timeout>();
  let closing = false;
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => chooseWebSocketProtocol(protocols),
  });

  subscriber.on('message', (channel: string, message: string) => {
    const userId = channel.slice(queue.statusChannel('').length);
    for (const socket of sockets.get(userId) ?? []) {
      if (socket.readyState === WebSocket.OPEN) socket.send(message);
    }
  });

  const heartbeat = setInterval(() => {
    for (const group of sockets.values()) {
      for (const socket of group) {
        const alive = socket as WebSocket & { isAlive?: boolean };
        if (alive.isAlive === false) {
          socket.terminate();
          continue;
        }
        alive.isAlive = false;
        socket.ping();
      }
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

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

  function open(userId: string, socket: WebSocket): void {
    let group = sockets.get(userId);
    if (!group) {
      group = new Set();
      sockets.set(userId, group);
    }
    group.add(socket);
    const alive = socket as WebSocket & { isAlive?: boolean };
    alive.isAlive = true;
    socket.on('pong', () => (alive.isAlive = true));
    socket.on('error', (error) => logger.debug({ err: error, userId }, 'status socket error'));
    // Anything the client sends is ignored: the channel only speaks.
    socket.once('close', () => {
      group.delete(socket);
      if (group.size === 0 && sockets.get(userId) === group) sockets.delete(userId);
      release(userId).catch((error: unknown) => logger.error({ err: error, userId }, 'status socket release failed'));
    });
    deps
      .currentStatus(userId)
      .then((current) => {
        if (current && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(current));
      })
      .catch((error: unknown) => logger.error({ err: error, userId }, 'reading the current status failed'));
  }

  async function upgrade(userId: string, req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // Subscribed before the socket opens: a request sent right after the open is heard.
    await retain(userId);
    if (socket.destroyed) {
      await release(userId);
      return;
    }
    let opened = false;
    socket.once('close', () => {
      if (!opened) release(userId).catch((error: unknown) => logger.error({ err: error, userId }, 'release failed'));
    });
    wss.handleUpgrade(req, socket, head, (ws) => {
      opened = true;
      open(userId, ws);
    });
  }

  return {
    publish(userId, message) {
      redis.publish(queue.statusChannel(userId), JSON.stringify(message)).catch((error: unknown) => {
        logger.error({ err: error, userId }, 'publishing a status message failed');
      });
    },

    handleUpgrade(req, socket, head) {
      const path = (req.url ?? '/').split('?')[0];
      if (path !== MATCH_EVENTS_PATH) {
        rejectUpgrade(socket, 404);
        return;
      }
      if (closing) {
        rejectUpgrade(socket, 503);
        return;
      }
      authenticateUpgrade(deps.verifier, req).then(
        (user) =>
          upgrade(user.id, req, socket, head).catch((error: unknown) => {
            logger.error({ err: error }, 'status socket upgrade failed');
            rejectUpgrade(socket, 503);
          }),
        (error: unknown) => rejectUpgradeForError(socket, error),
      );
    },

    async closeAll() {
      closing = true;
      clearInterval(heartbeat);
      for (const timer of graceTimers) clearTimeout(timer);
      graceTimers.clear();
      const all = [...sockets.values()].flatMap((group) => [...group]);
      await Promise.all(
        all.map(
          (socket) =>
            new Promise<void>((resolve) => {
              socket.once('close', () => resolve());
              socket.close(1001, 'server shutting down');
              setTimeout(() => {
                socket.terminate();
                resolve();
              }, 1_000).unref();
            }),
        ),
      );
    },
  };
}
