/**
 * Delay before reconnect attempt `attempt` (0-based): exponential from
 * `baseMs`, capped, with full jitter drawn from `random` so a gateway restart
 * is not followed by every browser reconnecting in the same instant.
 */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random, baseMs = 500, maxMs = 10_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
