// Items 2 and 3: rate limits key on the real client, and a stranger's wrong
// passwords do not lock the owner out.
import { randomBytes } from 'node:crypto';
import type { Account, ProbeContext } from '../lib/context';
import type { Reply, RequestOptions } from '../lib/net';

/** user-service's defaults: 20 logins a minute and 10 sign-ups an hour per client. */
const LOGIN_CAP = 30;
const SIGNUP_CAP = 16;

type Send = (path: string, options: RequestOptions) => Promise<Reply>;

/** Sends up to `cap` requests; the 1-based number of the first 429, or null. */
async function firstRateLimited(cap: number, send: (i: number) => Promise<Reply>): Promise<number | null> {
  for (let i = 1; i <= cap; i += 1) {
    const reply = await send(i);
    if (reply.status === 429) return i;
    if (reply.status >= 500) throw new Error(`rate-limit probe: HTTP ${reply.status} ${reply.body.slice(0, 200)}`);
  }
  return null;
}

/**
 * The same stream of requests twice from two fresh clients: once as it is,
 * once with a different forged X-Forwarded-For on every request. If the
 * forged header bought a fresh bucket, the second stream never meets a 429.
 */
async function forgedBuckets(
  ctx: ProbeContext,
  label: string,
  path: string,
  cap: number,
  send: Send,
  body: (i: number) => unknown,
): Promise<{ plain: number | null; forged: number | null; bystander: number }> {
  const plainFrom = ctx.address();
  const forgedFrom = ctx.address();
  const plain = await firstRateLimited(cap, (i) => send(path, { method: 'POST', from: plainFrom, body: body(i) }));
  // Right after that client was limited: one request from another client, which must not share its bucket.
  const bystander = (await send(path, { method: 'POST', from: ctx.address(), body: body(500) })).status;
  let n = 0;
  const forged = await firstRateLimited(cap, (i) =>
    send(path, { method: 'POST', from: forgedFrom, body: body(1000 + i), headers: { 'x-forwarded-for': ctx.forgedAddress(label.length * 50 + n++) } }),
  );
  return { plain, forged, bystander };
}

const at = (n: number | null, cap: number) => (n === null ? `no 429 in ${cap}` : `429 at #${n}`);

export async function probeClientAddresses(ctx: ProbeContext, existing: Account): Promise<void> {
  const wrongLogin = (i: number) => ({ identifier: `probe-nobody-${ctx.runId}-${i}`, password: 'Wrong-password-1' });
  // A taken username: the sign-up is counted and refused (409), so no account is made.
  const takenSignup = () => ({ username: existing.username, email: `taken-${ctx.runId}@probe.peerprep.local`, password: `Probe-${randomBytes(9).toString('base64url')}` });
  const paths: { via: string; send: Send }[] = [
    { via: 'frontend /api', send: (path, options) => ctx.viaFrontend(path, options) },
    { via: 'gateway', send: (path, options) => ctx.viaGateway(path, options) },
  ];
  for (const { via, send } of paths) {
    for (const [what, path, cap, body] of [
      ['login', '/api/auth/login', LOGIN_CAP, wrongLogin],
      ['sign-up', '/api/auth/signup', SIGNUP_CAP, takenSignup],
    ] as const) {
      const { plain, forged, bystander } = await forgedBuckets(ctx, `${via}${what}`, path, cap, send, body);
      ctx.record({
        item: '2',
        probe: `${what} via ${via}: another client, right after one client met its 429`,
        expected: 'not 429 (each client its own bucket)',
        observed: plain === null ? `first client never limited; other client ${bystander}` : `other client got ${bystander}`,
        verdict: plain === null ? 'N/A' : bystander === 429 ? 'UNSAFE' : 'SAFE',
      });
      const bought = plain !== null && (forged === null || forged > plain + 1);
      // With `npm start` the gateway's trusted hop is loopback, and so is every
      // client here: the gateway believes one forged entry from any local
      // process by design (README, "Client addresses"). Only from another
      // machine would the gateway path be a real attack.
      const gatewayByDesign = via === 'gateway' && bought;
      ctx.record({
        item: '2',
        probe: `${what} via ${via}: until 429, as is vs forged X-Forwarded-For each request`,
        expected: 'forged header buys no fresh bucket',
        observed: `as is: ${at(plain, cap)}; forged: ${at(forged, cap)}${gatewayByDesign ? ' (a loopback peer is the trusted hop here)' : ''}`,
        verdict: plain === null ? 'N/A' : gatewayByDesign ? 'N/A' : bought ? 'UNSAFE' : 'SAFE',
      });
    }
  }
}

/** Item 3: 12 wrong passwords from one client, then the owner's right one from another (both real loopback addresses, through the frontend). */
export async function probeLockout(ctx: ProbeContext, victim: Account): Promise<void> {
  const attacker = ctx.address();
  const owner = ctx.address();
  const statuses: number[] = [];
  for (let i = 0; i < 12; i += 1) {
    const reply = await ctx.viaFrontend('/api/auth/login', {
      method: 'POST',
      from: attacker,
      body: { identifier: victim.username, password: `Wrong-${randomBytes(6).toString('hex')}` },
    });
    statuses.push(reply.status);
  }
  const ownerLogin = await ctx.viaFrontend('/api/auth/login', { method: 'POST', from: owner, body: { identifier: victim.username, password: victim.password } });
  const summary = summarize(statuses);
  ctx.record({
    item: '3',
    probe: "12 wrong passwords for a victim from client X, then the owner's right one from client Y",
    expected: 'owner signs in (200); X throttled',
    observed: `X got ${summary}; owner from Y got ${ownerLogin.status}`,
    verdict: ownerLogin.status === 200 ? 'SAFE' : 'UNSAFE',
  });
  const sameClient = await ctx.viaFrontend('/api/auth/login', { method: 'POST', from: attacker, body: { identifier: victim.username, password: victim.password } });
  ctx.record({
    item: '3',
    probe: 'then the right password from client X (the guessing one)',
    expected: '429 while X is locked (the pair lock)',
    observed: String(sameClient.status),
    verdict: sameClient.status === 429 ? 'SAFE' : 'UNSAFE',
  });
}

/** `401×5 429×7`: runs of equal statuses. */
function summarize(statuses: number[]): string {
  const runs: string[] = [];
  let i = 0;
  while (i < statuses.length) {
    let j = i;
    while (j < statuses.length && statuses[j] === statuses[i]) j += 1;
    runs.push(`${statuses[i]}×${j - i}`);
    i = j;
  }
  return runs.join(' ');
}
