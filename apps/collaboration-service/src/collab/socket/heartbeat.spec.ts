import { EventEmitter } from 'node:events';
import { waitFor } from '@peerprep/testing';
import { WebSocket } from 'ws';
import { createHeartbeat, PING_BATCH, type Heartbeat } from './heartbeat';

/** A socket as far as the heartbeat sees one: pings it got, pongs it sends, and whether it was cut off. */
class FakeSocket extends EventEmitter {
  readyState: number = WebSocket.OPEN;
  pings = 0;
  terminated = false;
  constructor(private readonly answers = true) {
    super();
  }
  ping(): void {
    this.pings += 1;
    if (this.answers) setImmediate(() => this.emit('pong'));
  }
  terminate(): void {
    this.terminated = true;
    this.readyState = WebSocket.CLOSED;
  }
}

const asSockets = (fakes: FakeSocket[]) => fakes as unknown as WebSocket[];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the editor heartbeat', () => {
  let heartbeat: Heartbeat | undefined;

  afterEach(() => heartbeat?.stop());

  it('cuts off a socket that did not answer the previous ping, and keeps the ones that did', async () => {
    const live = new FakeSocket();
    const silent = new FakeSocket(false);
    heartbeat = createHeartbeat({ intervalMs: 30, sockets: () => asSockets([live, silent].filter((s) => !s.terminated)) });
    for (const fake of [live, silent]) heartbeat.track(fake as unknown as WebSocket);

    await waitFor(() => silent.terminated, 2_000, 'the silent socket to be cut off');
    // Pinged once; cut off at the next beat instead of a second ping.
    expect(silent.pings).toBe(1);
    await waitFor(() => live.pings >= 3, 2_000, 'more beats');
    expect(live.terminated).toBe(false);
  });

  it('pings in batches of 64 with pending I/O between them, skipping sockets that are not open', async () => {
    const sockets = Array.from({ length: PING_BATCH * 2 + 10 }, () => new FakeSocket());
    sockets[3].readyState = WebSocket.CLOSING;
    let afterFirstBatch = -1;
    heartbeat = createHeartbeat({
      intervalMs: 200,
      sockets: () => {
        // Runs once the synchronous part of this beat is done, before the next batch.
        if (afterFirstBatch < 0) process.nextTick(() => (afterFirstBatch = sockets.filter((s) => s.pings > 0).length));
        return asSockets(sockets);
      },
    });
    for (const fake of sockets) heartbeat.track(fake as unknown as WebSocket);

    await waitFor(() => sockets.filter((s) => s.pings > 0).length === sockets.length - 1, 2_000, 'every open socket pinged');
    heartbeat.stop();
    // The closing socket counts in the first batch, so 63 were pinged at once.
    expect(afterFirstBatch).toBe(PING_BATCH - 1);
    expect(sockets[3].pings).toBe(0);
  });

  it('stops pinging when stopped', async () => {
    const socket = new FakeSocket();
    heartbeat = createHeartbeat({ intervalMs: 10, sockets: () => asSockets([socket]) });
    heartbeat.track(socket as unknown as WebSocket);
    heartbeat.stop();
    await sleep(40);
    expect(socket.pings).toBe(0);
  });
});
