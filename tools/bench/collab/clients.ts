// The load generator: two official y-websocket clients (WebsocketProvider over
// ws) per room, each typing a token `<client>:<seq>;` at a random place in the
// room's Y.Text a few times a second. The send time of every token is kept,
// and the peer's Y.Text observer records when it arrives, so propagation is
// measured end to end (client → server(s) → peer) on one clock.
//
// The load is the same for every setup: each client's Yjs client id, typing
// phase and edit positions come from a generator seeded with its index. A
// server's memory per room depends on them (an id of 2^31 or more is a
// heap number in each of the room's Yjs ids, 16 bytes apiece), so random ones
// would make the setups' rooms differ by more than the setups do.
import { performance } from 'node:perf_hooks';
import * as prng from 'lib0/prng';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface RoomLoad {
  roomId: string;
  /** Each participant's access token and the server (`<wsUrl>`) it connects to. */
  clients: [{ token: string; wsUrl: string }, { token: string; wsUrl: string }];
  /**
   * A state the first client holds before it connects, so the server gets it
   * on sync (the reference's rooms start empty; collaboration-service's start
   * with the room's starter code).
   */
  seed?: Uint8Array;
}

interface Client {
  index: number;
  /** Seeded with the index: the same choices in every setup. */
  random: prng.PRNG;
  doc: Y.Doc;
  text: Y.Text;
  provider: WebsocketProvider;
  seq: number;
  timer?: NodeJS.Timeout;
}

export interface Receipt {
  /** performance.now() when the edit was typed. */
  sentAt: number;
  ms: number;
}

const TOKEN = /(\d+):(\d+);/g;

// Every WebsocketProvider adds a process 'exit' listener; a thousand of them are intended here.
process.setMaxListeners(0);

export class LoadGenerator {
  private readonly clients: Client[] = [];
  private nextIndex = 0;
  /** Edits typed and not yet seen by the peer, by token. */
  private readonly inFlight = new Map<string, number>();
  readonly receipts: Receipt[] = [];
  sent = 0;
  /** Sockets that closed after being synced (the provider then reconnects by itself). */
  drops = 0;

  /** Connects both clients of every room, `concurrency` rooms at a time, and waits until all are synced. */
  async connect(rooms: readonly RoomLoad[], concurrency = 25, timeoutMs = 30_000): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < rooms.length) {
        const room = rooms[next++];
        const pair = room.clients.map((side, i) => this.open(room.roomId, side.token, side.wsUrl, i === 0 ? room.seed : undefined));
        this.clients.push(...pair);
        await Promise.all(pair.map((client) => this.synced(client, room.roomId, timeoutMs)));
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, rooms.length) }, worker));
  }

  private open(roomId: string, token: string, wsUrl: string, seed: Uint8Array | undefined): Client {
    const index = this.nextIndex++;
    const random = prng.create(index + 1);
    const doc = new Y.Doc();
    // Random 32-bit ids, as Yjs picks them (an id is set before the document holds anything of its own).
    doc.clientID = prng.uint32(random, 0, 0xffff_ffff);
    if (seed) Y.applyUpdate(doc, seed);
    const provider = new WebsocketProvider(wsUrl, roomId, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      protocols: ['peerprep', `bearer.${token}`],
      disableBc: true,
    });
    const client: Client = { index, random, doc, text: doc.getText('code'), provider, seq: 0 };
    provider.on('connection-close', () => {
      if (provider.synced) this.drops += 1;
    });
    this.watch(client);
    return client;
  }

  private synced(client: Client, roomId: string, timeoutMs: number): Promise<void> {
    if (client.provider.synced) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`room ${roomId}: not synced within ${timeoutMs / 1000} s`)), timeoutMs);
      client.provider.on('connection-close', (event: { code: number; reason: string } | null) => {
        // 44xx: refused for good (collaboration-service's COLLAB_CLOSE_CODES); the provider stops retrying.
        if (event && event.code >= 4400 && event.code < 4500) {
          clearTimeout(timer);
          reject(new Error(`room ${roomId}: refused with ${event.code} ${event.reason}`));
        }
      });
      client.provider.on('sync', (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Records the arrival of every token the peer typed (this client's own edits are local and skipped). */
  private watch(receiver: Client): void {
    receiver.text.observe((event) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const op of event.delta) {
        if (typeof op.insert !== 'string') continue;
        for (const match of op.insert.matchAll(TOKEN)) {
          const sentAt = this.inFlight.get(match[0]);
          if (sentAt === undefined) continue;
          this.inFlight.delete(match[0]);
          this.receipts.push({ sentAt, ms: now - sentAt });
        }
      }
    });
  }

  /** Every client types `perSecond` edits a second, at a (seeded) random phase so the edits spread evenly. */
  startEditing(perSecond: number): void {
    const period = 1000 / perSecond;
    for (const client of this.clients) {
      client.timer = setTimeout(() => {
        this.edit(client);
        client.timer = setInterval(() => this.edit(client), period);
      }, prng.real53(client.random) * period);
    }
  }

  private edit(client: Client): void {
    const token = `${client.index}:${client.seq++};`;
    const at = prng.uint32(client.random, 0, client.text.length);
    this.inFlight.set(token, performance.now());
    this.sent += 1;
    client.text.insert(at, token);
  }

  stopEditing(): void {
    for (const client of this.clients) {
      clearTimeout(client.timer);
      clearInterval(client.timer);
    }
  }

  /** Edits typed within [from, until) that the peer has not seen (yet). */
  undelivered(from: number, until: number): number {
    let count = 0;
    for (const sentAt of this.inFlight.values()) if (sentAt >= from && sentAt < until) count += 1;
    return count;
  }

  /** Closes every socket (the servers see a normal close) and frees the documents. */
  disconnect(): void {
    for (const client of this.clients.splice(0)) {
      clearInterval(client.timer);
      client.provider.destroy();
      client.doc.destroy();
    }
    this.inFlight.clear();
  }
}
