// Black-box trust probes (issue #17 item 10): attacks a started platform from
// outside, the way a hostile client would, and prints one row per probe:
// item | probe | expected (safe) | observed | SAFE/UNSAFE.
//
//   npm run probe:trust                                   frontend :3000, gateway :3001
//   PROBE_FRONTEND_URL=http://127.0.0.1:3000 PROBE_GATEWAY_URL=http://127.0.0.1:3001 \
//   PROBE_REDIS_URL=redis://127.0.0.1:6379 npm run probe:trust
//
// Loopback only: other hosts are refused. Needs the platform started (npm
// start) and the Redis it uses (to delete the rate-limit counters the probes
// filled). Signs up two throwaway students (probe_<a|b>_<run id>), matches
// them into a room, and deletes both at the end, also after a failure.
import { printTable } from '../../bench/lib/table';
import { ProbeContext, type Row } from './lib/context';
import { assertLoopbackUrl, sleep } from './lib/net';
import { deleteRunRateLimitKeys } from './lib/redis-cleanup';
import { matchIntoRoom } from './lib/room';
import { probeBadInput } from './probes/bad-input';
import { recordCoveredByTests } from './probes/covered-by-tests';
import { probeInternals } from './probes/internals';
import { probeClientAddresses, probeLockout } from './probes/rate-limits';
import { probeRevocation } from './probes/revocation';
import { probeServerOwnedState, type RoomParty } from './probes/server-owned';
import { probeSocketLimits } from './probes/socket-limits';

const say = (msg: string) => process.stderr.write(`[probe:trust] ${msg}\n`);

const frontend = assertLoopbackUrl('PROBE_FRONTEND_URL', process.env['PROBE_FRONTEND_URL'] ?? 'http://127.0.0.1:3000');
const gateway = assertLoopbackUrl('PROBE_GATEWAY_URL', process.env['PROBE_GATEWAY_URL'] ?? 'http://127.0.0.1:3001');
const redisUrl = process.env['PROBE_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
assertLoopbackUrl('PROBE_REDIS_URL', redisUrl, ['redis:']);

const ITEM_ORDER = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

async function main(): Promise<number> {
  const ctx = new ProbeContext(frontend, gateway, say);
  say(`run ${ctx.runId}: frontend ${frontend.origin}, gateway ${gateway.origin}`);
  const parties: RoomParty[] = [];
  let failure: unknown;
  try {
    const setupFrom = ctx.address();
    for (const label of ['a', 'b']) {
      const signed = await ctx.signUp(label, setupFrom);
      const { accessToken, cookie, ...account } = signed;
      parties.push({ account, session: { accessToken, cookie }, from: ctx.address() });
    }
    const [a, b] = parties;
    say(`matching ${a.account.username} and ${b.account.username} into a room…`);
    const roomId = await matchIntoRoom(ctx, a.session, b.session, setupFrom);
    say(`room ${roomId}`);

    // Order matters: the probes that spend rate-limit budgets or lock an
    // account come last, so nothing before them is refused for their sake.
    await probeServerOwnedState(ctx, roomId, a, b);
    await probeSocketLimits(ctx, roomId, a, b);
    await probeInternals(ctx, a);
    await probeBadInput(ctx, a);
    await probeRevocation(ctx, roomId, a);
    await probeLockout(ctx, b.account);
    await probeClientAddresses(ctx, a.account);
  } catch (error) {
    failure = error;
    say(`probe run stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  recordCoveredByTests(ctx);

  // Clean-up: first the counters (so the accounts can still sign in to be deleted), then the accounts.
  try {
    const deleted = await deleteRunRateLimitKeys(redisUrl, ctx.keyMarkers);
    say(`deleted ${deleted} rate-limit keys of this run`);
  } catch (error) {
    say(`could not delete this run's rate-limit keys: ${String(error)}`);
  }
  const cleanupFrom = ctx.address();
  for (const party of parties) {
    try {
      const session = await ctx.logIn(party.account, cleanupFrom);
      const reply = await ctx.viaFrontend('/api/users/me', {
        method: 'DELETE',
        from: cleanupFrom,
        headers: { authorization: `Bearer ${session.accessToken}` },
        body: { password: party.account.password },
      });
      say(`deleted ${party.account.username}: HTTP ${reply.status}`);
      if (reply.status !== 204) failure ??= new Error(`could not delete ${party.account.username}: HTTP ${reply.status}`);
    } catch (error) {
      say(`could not delete ${party.account.username}: ${String(error)}`);
      failure ??= error;
    }
  }
  // The clean-up's own logins.
  await sleep(200);
  await deleteRunRateLimitKeys(redisUrl, ctx.keyMarkers).catch(() => 0);

  const rows = [...ctx.rows].sort((x, y) => ITEM_ORDER.indexOf(x.item) - ITEM_ORDER.indexOf(y.item));
  printTable(
    ['item', 'probe', 'expected (safe)', 'observed', 'verdict'],
    rows.map((row: Row) => [row.item, row.probe, row.expected, row.observed, row.verdict]),
  );
  const unsafe = rows.filter((row) => row.verdict === 'UNSAFE').length;
  say(`${rows.length} rows: ${unsafe} UNSAFE, ${rows.filter((row) => row.verdict === 'SAFE').length} SAFE, ${rows.filter((row) => row.verdict === 'N/A').length} N/A`);
  if (failure) return 2;
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    say(String(error));
    process.exit(2);
  },
);
