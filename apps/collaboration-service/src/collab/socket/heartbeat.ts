import { WebSocket } from 'ws';

// Pings go out this many at a time, the next batch after pending I/O, so
// pinging thousands of sockets never holds up the edits in between.
export const PING_BATCH = 64;

export interface HeartbeatOptions {
  /**
   * Every socket is pinged this often: proxies keep connections that carry
   * traffic, and a socket that did not answer the previous ping is cut off.
   */
  intervalMs: number;
  /** Every open editor socket now (the rooms know them: there is no second list). */
  sockets(): WebSocket[];
}

/**
 * Keeps editor sockets alive through proxies and cuts off the dead ones: a
 * socket that did not answer the previous ping (a peer gone without a FIN)
 * is terminated.
 */
export function createHeartbeat({ intervalMs, sockets }: HeartbeatOptions) {
  const alive = new WeakMap<WebSocket, boolean>();

  // Shared by every socket: no closure of its own per socket.
  function onPong(this: WebSocket): void {
    alive.set(this, true);
  }

  /** Pings `conns[from...]`, a batch now and the rest after pending I/O. */
  function pingFrom(conns: WebSocket[], from: number): void {
    const until = Math.min(conns.length, from + PING_BATCH);
    for (let i = from; i < until; i++) {
      const conn = conns[i];
      if (conn.readyState !== WebSocket.OPEN) continue;
      if (alive.get(conn) === false) {
        conn.terminate();
        continue;
      }
      alive.set(conn, false);
      conn.ping();
    }
    if (until < conns.length) setImmediate(pingFrom, conns, until);
  }

  const timer = setInterval(() => pingFrom(sockets(), 0), intervalMs);
  timer.unref();

  return {
    /** A new socket: alive until it misses a ping. */
    track(conn: WebSocket): void {
      alive.set(conn, true);
      conn.on('pong', onPong);
    },

    stop(): void {
      clearInterval(timer);
    },
  };
}

export type Heartbeat = ReturnType<typeof createHeartbeat>;
