import { loadContracts } from '../contracts';
import { MatchStatusChannel, type ChannelState, type StatusSocket } from './match-status-channel';
import { matchEventsProtocols, matchEventsUrl } from './match-events-url';
import { reconnectDelayMs } from './reconnect';

class FakeSocket implements StatusSocket {
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly token: string) {}
  close() {
    this.closed = true;
  }
}

function harness(tokens: (string | null)[]) {
  const sockets: FakeSocket[] = [];
  const freshAsked: boolean[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const messages: unknown[] = [];
  const states: ChannelState[] = [];
  let opens = 0;
  const channel = new MatchStatusChannel({
    getToken: async (options) => {
      freshAsked.push(options?.fresh ?? false);
      return tokens.shift() ?? null;
    },
    openSocket: (token) => {
      const socket = new FakeSocket(token);
      sockets.push(socket);
      return socket;
    },
    onMessage: (message) => messages.push(message),
    onOpen: () => (opens += 1),
    onStateChange: (state) => states.push(state),
    schedule: (run, ms) => {
      const timer = { run, ms };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
    random: () => 1,
  });
  return { channel, sockets, timers, messages, states, freshAsked, opens: () => opens };
}

/** The `index`th item, failing the test when it does not exist. */
function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`expected an item at ${index}, have ${items.length}`);
  return item;
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Starts the channel and waits until it has opened its first socket: a
 * start loads the schemas (zod in a task of its own, then the domain), which
 * takes more than one turn of the event loop even once they are loaded.
 */
async function started(h: ReturnType<typeof harness>) {
  h.channel.start();
  for (let turn = 0; h.sockets.length === 0; turn += 1) {
    if (turn === 200) throw new Error('the channel never opened a socket');
    await flush();
  }
  await flush();
}

// The first import of zod and the contracts (compiled for jest on the way) can
// take seconds on a busy machine: done once here, not inside a test's wait.
beforeAll(() => Promise.all([loadContracts('matching'), loadContracts('rooms')]));
const REQUEST = '0b9e3a52-4f8e-4c8e-9d7a-1f2e3d4c5b6a';

describe('MatchStatusChannel', () => {
  it('asks for a freshly refreshed token after the server closed the socket for a revoked token, and only then', async () => {
    const h = harness(['t1', 't2', 't3']);
    await started(h);
    nth(h.sockets, 0).onclose?.({ code: 4001 });
    nth(h.timers.splice(0, 1), 0).run();
    await flush();
    nth(h.sockets, 1).onclose?.({ code: 1006 });
    nth(h.timers.splice(0, 1), 0).run();
    await flush();
    expect(h.freshAsked).toEqual([false, true, false]);
    expect(nth(h.sockets, 1).token).toBe('t2');
  });

  it('delivers valid status messages and drops anything off contract', async () => {
    const h = harness(['t1']);
    await started(h);
    const socket = nth(h.sockets, 0);
    expect(socket.token).toBe('t1');
    socket.onopen?.();
    socket.onmessage?.({ data: JSON.stringify({ status: 'queued', requestId: REQUEST, deadline: '2026-01-01T00:00:30.000Z' }) });
    socket.onmessage?.({ data: '{"status":"queued"}' });
    socket.onmessage?.({ data: 'not json' });
    expect(h.messages).toEqual([{ status: 'queued', requestId: REQUEST, deadline: '2026-01-01T00:00:30.000Z' }]);
    expect(h.opens()).toBe(1);
    expect(h.states).toEqual(['connecting', 'open']);
  });

  it('reconnects with a fresh token and growing delays, resetting after a successful open', async () => {
    const h = harness(['t1', 't2', 't3', 't4']);
    await started(h);
    nth(h.sockets, 0).onclose?.({ code: 1006 });
    expect(h.timers.map((timer) => timer.ms)).toEqual([500]);
    nth(h.timers.splice(0, 1), 0).run();
    await flush();
    expect(nth(h.sockets, 1).token).toBe('t2');
    nth(h.sockets, 1).onclose?.({ code: 1006 });
    expect(h.timers.map((timer) => timer.ms)).toEqual([1000]);
    nth(h.timers.splice(0, 1), 0).run();
    await flush();
    nth(h.sockets, 2).onopen?.();
    expect(h.opens()).toBe(1);
    nth(h.sockets, 2).onclose?.({ code: 1006 });
    expect(h.timers.map((timer) => timer.ms)).toEqual([500]);
  });

  it('keeps retrying while no token can be had', async () => {
    const h = harness([null]);
    // Without a token it never gets as far as loading the schemas.
    h.channel.start();
    await flush();
    expect(h.sockets).toHaveLength(0);
    expect(h.timers).toHaveLength(1);
    expect(h.states).toEqual(['connecting', 'reconnecting']);
  });

  it('closes the socket and stops retrying on stop', async () => {
    const h = harness(['t1']);
    await started(h);
    h.channel.stop();
    expect(nth(h.sockets, 0).closed).toBe(true);
    nth(h.sockets, 0).onclose?.({ code: 1006 });
    expect(h.timers).toHaveLength(0);
    expect(h.states.at(-1)).toBe('closed');
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from half a second up to ten seconds, jittered into the upper half', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((attempt) => reconnectDelayMs(attempt, () => 1))).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(reconnectDelayMs(3, () => 0)).toBe(2000);
  });
});

describe('matchEventsUrl', () => {
  it('defaults to the gateway port on the page host, secure on https', () => {
    expect(matchEventsUrl({ protocol: 'http:', hostname: '127.0.0.1' })).toBe('ws://127.0.0.1:3001/api/match/events');
    expect(matchEventsUrl({ protocol: 'https:', hostname: 'peerprep.example' })).toBe('wss://peerprep.example:3001/api/match/events');
  });

  it('uses the configured gateway URL when set', () => {
    expect(matchEventsUrl({ protocol: 'https:', hostname: 'x' }, 'wss://api.peerprep.example/')).toBe('wss://api.peerprep.example/api/match/events');
  });

  it('carries the token as a subprotocol beside the one the server answers', () => {
    expect(matchEventsProtocols('abc')).toEqual(['peerprep', 'bearer.abc']);
  });
});
