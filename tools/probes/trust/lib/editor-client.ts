// A bare y-websocket client for the room's editor socket: the same messages
// the official WebsocketProvider sends, but every byte is the probe's to
// choose (a write the server should refuse, a state for someone else's
// client id, a frame past the limit), and it never reconnects, so the close
// code the server chose is what the probe reads.
import { randomBytes } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { openSocket, within, type ProbeSocket, type SocketOutcome } from './net';

/** y-websocket's message types (and PeerPrep's chat line, ROOM_CHAT_MESSAGE_TYPE in libs/contracts). */
export const MESSAGE = { sync: 0, awareness: 1, queryAwareness: 3, chat: 101 } as const;

export class EditorClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly socket: ProbeSocket;
  private resolveSynced!: () => void;
  readonly synced = new Promise<void>((resolve) => (this.resolveSynced = resolve));

  constructor(wsBase: string, roomId: string, token: string, from?: string) {
    // Nothing of ours until we choose to send it (the Awareness starts with an empty state).
    this.awareness.setLocalState(null);
    this.socket = openSocket(`${wsBase}/api/collab/${roomId}`, ['peerprep', `bearer.${token}`], { from });
    const { ws } = this.socket;
    ws.binaryType = 'nodebuffer';
    ws.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.sync);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      ws.send(encoding.toUint8Array(encoder));
    });
    ws.on('message', (data: Buffer) => this.receive(new Uint8Array(data)));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.sync);
      syncProtocol.writeUpdate(encoder, update);
      this.send(encoding.toUint8Array(encoder));
    });
    void this.socket.ended.then(() => this.awareness.destroy());
  }

  private receive(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE.sync) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.sync);
      const kind = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (encoding.length(encoder) > 1) this.send(encoding.toUint8Array(encoder));
      if (kind === syncProtocol.messageYjsSyncStep2) this.resolveSynced();
    } else if (type === MESSAGE.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
    // Anything else (runs, call signals, the clock) is not what these probes read.
  }

  send(bytes: Uint8Array | string): void {
    if (this.socket.ws.readyState === this.socket.ws.OPEN) this.socket.ws.send(bytes);
  }

  /** Opened and synced within `ms`, or how it ended instead. */
  async ready(ms = 15_000): Promise<SocketOutcome | undefined> {
    const synced = await within(
      Promise.race([this.synced.then(() => 'synced' as const), this.socket.ended]),
      ms,
    );
    if (synced === 'synced') return undefined;
    return synced ?? { error: `not synced within ${ms / 1000} s` };
  }

  /** An awareness update claiming `clientId` with `state`, sent as this connection's. */
  sendAwarenessFor(clientId: number, state: Record<string, unknown>): void {
    const scratch = new Y.Doc();
    scratch.clientID = clientId;
    const awareness = new awarenessProtocol.Awareness(scratch);
    awareness.setLocalState(state);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]));
    awareness.destroy();
    this.send(encoding.toUint8Array(encoder));
  }

  /** PeerPrep's chat message (type 101): the text alone; the server stamps the author. */
  sendChat(text: string): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.chat);
    encoding.writeVarString(encoder, text);
    this.send(encoding.toUint8Array(encoder));
  }

  close(): void {
    this.socket.ws.terminate();
  }
}

/** A Yjs client id nobody in the room uses. */
export function ghostClientId(): number {
  return randomBytes(4).readUInt32BE(0) >>> 1;
}
