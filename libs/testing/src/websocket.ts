import { WebSocket } from 'ws';

export type OpenedWebSocket = { socket: WebSocket; protocol: string; first: string } | { status: number };

/**
 * Opens a WebSocket and waits for the server's first message: the open socket
 * (with the subprotocol the server chose and that message), or, when the
 * upgrade is refused, the HTTP status alone. Rejects on a network error.
 */
export function openWebSocket(url: string, options: { protocols?: string[]; origin?: string } = {}): Promise<OpenedWebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, options.protocols ?? [], { headers: options.origin ? { origin: options.origin } : {} });
    socket.once('message', (data) => resolve({ socket, protocol: socket.protocol, first: data.toString() }));
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0 });
      res.resume();
    });
    socket.once('error', reject);
  });
}

export interface Handshake {
  /** The HTTP refusal status, or 101. */
  status: number;
  /** Bytes the server sent after the upgrade. */
  bytes: number;
  /** How the server closed the socket within `openForMs`, if it did. */
  close?: number;
}

/**
 * What a raw WebSocket handshake gets: the HTTP refusal status, or 101 and how
 * the server closed it within `openForMs` (and how many bytes it sent first).
 */
export function websocketHandshake(url: string, protocols: string[], openForMs: number): Promise<Handshake> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, protocols);
    let bytes = 0;
    ws.on('message', (data: Buffer) => (bytes += data.length));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, bytes });
      ws.terminate();
    });
    ws.once('open', () => {
      const timer = setTimeout(() => {
        resolve({ status: 101, bytes });
        ws.close();
      }, openForMs);
      ws.once('close', (code) => {
        clearTimeout(timer);
        resolve({ status: 101, bytes, close: code });
      });
    });
    ws.once('error', () => undefined);
  });
}
