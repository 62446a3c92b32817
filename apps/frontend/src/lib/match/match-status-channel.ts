import type { MatchStatusMessage } from '@peerprep/contracts';
import { loadContracts } from '../contracts';
import { reconnectDelayMs } from './reconnect';

/** The part of the browser's WebSocket the channel uses (tests pass a fake). */
export interface StatusSocket {
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  /** `code`: the close code (4001: the token was revoked, so the next one must be freshly refreshed). */
  onclose: ((event: { code: number }) => void) | null;
  onerror: (() => void) | null;
  close(code?: number, reason?: string): void;
}

export type ChannelState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface StatusChannelOptions {
  /**
   * A fresh access token for each connection (the session store refreshes it
   * when about to expire, or at once with `fresh`); null: signed out.
   */
  getToken(options?: { fresh?: boolean }): Promise<string | null>;
  openSocket(token: string): StatusSocket;
  onMessage(message: MatchStatusMessage): void;
  /**
   * After every open. Messages sent while the socket was down are lost, so the
   * page re-reads the current request then (the server also sends the current
   * state on open, but nothing when the request has already ended).
   */
  onOpen(): void;
  onStateChange(state: ChannelState): void;
  schedule?: (run: () => void, ms: number) => () => void;
  random?: () => number;
}

const defaultSchedule = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

/**
 * The live match status: one WebSocket, reopened with jittered exponential
 * backoff after any close until `stop()`. Messages that break the contract
 * are dropped, never guessed at.
 */
export class MatchStatusChannel {
  private socket: StatusSocket | null = null;
  private attempt = 0;
  private stopped = false;
  private cancelRetry: (() => void) | null = null;
  /** The last socket was closed because its token was revoked: the next connect asks for a fresh one. */
  private tokenRevoked = false;
  private readonly schedule: NonNullable<StatusChannelOptions['schedule']>;

  constructor(private readonly options: StatusChannelOptions) {
    this.schedule = options.schedule ?? defaultSchedule;
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.cancelRetry?.();
    this.cancelRetry = null;
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close(1000, 'page left');
    }
    this.options.onStateChange('closed');
  }

  private async connect(): Promise<void> {
    this.options.onStateChange(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let token: string | null = null;
    const fresh = this.tokenRevoked;
    this.tokenRevoked = false;
    try {
      token = await this.options.getToken(fresh ? { fresh } : undefined);
    } catch {
      // A refresh that failed on the network: retried like a dropped socket.
    }
    if (this.stopped) return;
    if (!token) return this.retry();
    // Loaded with the first connection, not with the page (lib/contracts).
    const [{ matchStatusMessageSchema }, { WEBSOCKET_CLOSE_CODES }] = await Promise.all([loadContracts('matching'), loadContracts('rooms')]);
    if (this.stopped) return;

    const socket = this.options.openSocket(token);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.options.onStateChange('open');
      this.options.onOpen();
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        return;
      }
      const parsed = matchStatusMessageSchema.safeParse(json);
      if (parsed.success) this.options.onMessage(parsed.data);
    };
    // Every failure ends in close (error is always followed by it).
    socket.onerror = null;
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      // Revoked (sign-out elsewhere, password or role change): the token we hold is refused, however young.
      if (event.code === WEBSOCKET_CLOSE_CODES.tokenRevoked) this.tokenRevoked = true;
      this.retry();
    };
  }

  private retry(): void {
    if (this.stopped) return;
    this.options.onStateChange('reconnecting');
    const delay = reconnectDelayMs(this.attempt, this.options.random);
    this.attempt += 1;
    this.cancelRetry = this.schedule(() => {
      this.cancelRetry = null;
      void this.connect();
    }, delay);
  }
}

/** The browser's WebSocket behind the channel's small interface. */
export function openBrowserSocket(url: string, protocols: string[]): StatusSocket {
  const webSocket = new WebSocket(url, protocols);
  const socket: StatusSocket = {
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
    close: (code, reason) => webSocket.close(code, reason),
  };
  webSocket.onopen = () => socket.onopen?.();
  webSocket.onmessage = (event) => socket.onmessage?.({ data: event.data });
  webSocket.onerror = () => socket.onerror?.();
  webSocket.onclose = (event) => socket.onclose?.({ code: event.code });
  return socket;
}
