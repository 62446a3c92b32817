// The server's clock as a browser sees it: how far the server's clock is
// ahead of this client's (NTP's estimate from one request), and the time left
// until a server instant. Zod-free and dependency-free, so a page imports it
// alone as `@peerprep/contracts/clock`.

/** One exchange with the server, in this client's clock (ms since the epoch) but for `serverNow`. */
export interface ClockSample {
  /** When the request was sent (`Date.now()` before it). */
  sentAt: number;
  /** When its answer arrived (`Date.now()` after it). */
  receivedAt: number;
  /** The server's time in the answer (an interview view's `serverNow`): ISO 8601 or ms since the epoch. */
  serverNow: string | number;
}

export interface ClockOffset {
  /** Server time minus client time, in ms: add it to `Date.now()` to read the server's clock. */
  offsetMs: number;
  /** The sample's round trip; the offset is right to within half of it. */
  roundTripMs: number;
}

const toMs = (instant: string | number): number => (typeof instant === 'number' ? instant : Date.parse(instant));

/**
 * The offset one sample gives: the server wrote `serverNow` somewhere within
 * the round trip, so its best guess is the middle (NTP, with the server's own
 * processing time taken as zero). Null for a sample that cannot be right
 * (an answer before its request, an unreadable time).
 */
export function offsetFromSample({ sentAt, receivedAt, serverNow }: ClockSample): ClockOffset | null {
  const server = toMs(serverNow);
  if (![sentAt, receivedAt, server].every(Number.isFinite) || receivedAt < sentAt) return null;
  return { offsetMs: server - (sentAt + receivedAt) / 2, roundTripMs: receivedAt - sentAt };
}

/** How many recent samples the estimate chooses from: old ones would hide a change of the client's clock. */
export const CLOCK_SAMPLES_KEPT = 8;

/**
 * The estimate from the most recent samples (at most CLOCK_SAMPLES_KEPT):
 * the one with the shortest round trip, whose error bound is the smallest;
 * a slow answer (a congested network, a busy server) does not move it.
 * Null until a usable sample arrived.
 */
export function estimateClockOffset(samples: readonly ClockSample[]): ClockOffset | null {
  let best: ClockOffset | null = null;
  for (const sample of samples.slice(-CLOCK_SAMPLES_KEPT)) {
    const offset = offsetFromSample(sample);
    if (offset && (!best || offset.roundTripMs < best.roundTripMs)) best = offset;
  }
  return best;
}

/** Samples as a page collects them: `add` each answer's, read `offsetMs`. A reload starts afresh. */
export function createClockOffsetEstimator() {
  const samples: ClockSample[] = [];
  return {
    add(sample: ClockSample): void {
      samples.push(sample);
      if (samples.length > CLOCK_SAMPLES_KEPT) samples.shift();
    },
    /** 0 (trust the client's clock) until a usable sample arrived. */
    get offsetMs(): number {
      return estimateClockOffset(samples)?.offsetMs ?? 0;
    },
  };
}

/**
 * Time left until the server instant `endsAt`, never below zero:
 * `remainingMs(view.currentRound.endsAt, estimator.offsetMs, Date.now())`.
 */
export function remainingMs(endsAt: string | number, offsetMs: number, clientNow: number): number {
  return Math.max(0, toMs(endsAt) - (clientNow + offsetMs));
}
