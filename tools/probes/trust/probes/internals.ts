// Item 7: internals stay internal. The service-to-service token sent from
// outside, an access token in the query string, and the frontend's security
// headers.
import { bearer, type ProbeContext } from '../lib/context';
import { describeOutcome, openSocket, parseJson, sleep, within } from '../lib/net';
import type { RoomParty } from './server-owned';

/** The development default of INTERNAL_API_TOKEN: what `npm start` runs with, and what an attacker would try first. */
const DEV_INTERNAL_TOKEN = 'peerprep-dev-internal-token';

/** Top-level and nested keys of a JSON value, to show what an internal caller is shown beyond a student. */
function keyPaths(value: unknown, prefix = ''): Set<string> {
  const paths = new Set<string>();
  if (Array.isArray(value)) {
    paths.add(`${prefix}[${value.length}]`);
    value.forEach((entry) => keyPaths(entry, `${prefix}[]`).forEach((p) => paths.add(p)));
  } else if (value && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      paths.add(`${prefix}.${key}`);
      keyPaths(entry, `${prefix}.${key}`).forEach((p) => paths.add(p));
    }
  }
  return paths;
}

export async function probeInternals(ctx: ProbeContext, a: RoomParty): Promise<void> {
  const from = ctx.address();
  const session = await ctx.logIn(a.account, a.from);

  // x-internal-token from outside: does a question read change when it comes with the token?
  {
    const list = await ctx.viaGateway('/api/questions?page=1&pageSize=1', { from });
    const slug = parseJson<{ items: { slug: string }[] }>(list)?.items[0]?.slug;
    const path = `/api/questions/${slug ?? 'two-sum'}`;
    const plain = await ctx.viaGateway(path, { from, headers: bearer(session.accessToken) });
    const forged = await ctx.viaGateway(path, { from, headers: { ...bearer(session.accessToken), 'x-internal-token': DEV_INTERNAL_TOKEN } });
    const plainKeys = keyPaths(parseJson(plain));
    const extra = [...keyPaths(parseJson(forged))].filter((p) => !plainKeys.has(p));
    const same = plain.status === forged.status && plain.body === forged.body;
    ctx.record({
      item: '7',
      probe: `GET ${path.replace(slug ?? '', ':slug')} as a student with x-internal-token (dev value) via gateway`,
      expected: 'header stripped: same answer as without',
      observed: same
        ? `same answer (${plain.status}, ${plain.body.length} B)`
        : `${plain.status} ${plain.body.length} B without, ${forged.status} ${forged.body.length} B with; extra: ${extra.slice(0, 4).join(' ') || 'none'}`,
      verdict: same ? 'SAFE' : 'UNSAFE',
    });
    const internal = await ctx.viaGateway('/internal/questions/pick', {
      method: 'POST',
      from,
      headers: { 'x-internal-token': DEV_INTERNAL_TOKEN },
      body: { difficulty: 'EASY', topics: ['arrays'] },
    });
    ctx.record({
      item: '7',
      probe: 'POST /internal/questions/pick via gateway with x-internal-token',
      expected: '404 (not routed)',
      observed: String(internal.status),
      verdict: internal.status === 404 ? 'SAFE' : 'UNSAFE',
    });
  }

  // An access token in the query string, HTTP and WebSocket.
  {
    const reply = await ctx.viaGateway(`/api/users/me?access_token=${encodeURIComponent(session.accessToken)}`, { from });
    ctx.record({
      item: '7',
      probe: 'GET /api/users/me?access_token=<token> (no header)',
      expected: 'refused (400/401)',
      observed: String(reply.status),
      verdict: reply.status === 200 ? 'UNSAFE' : 'SAFE',
    });
    const socket = openSocket(`${ctx.wsBase}/api/match/events?access_token=${encodeURIComponent(session.accessToken)}`, ['peerprep'], { from });
    const opened = await within(socket.opened, 10_000);
    if (opened) await sleep(1_000);
    const outcome = describeOutcome(socket.outcome());
    socket.ws.terminate();
    ctx.record({
      item: '7',
      probe: 'WS /api/match/events?access_token=<token> (no subprotocol token)',
      expected: 'upgrade refused',
      observed: opened && outcome === 'still open' ? 'opened and kept open' : outcome,
      verdict: opened && outcome === 'still open' ? 'UNSAFE' : 'SAFE',
    });
  }

  // The frontend's security headers, as the started (production-built) frontend sends them.
  {
    const page = await ctx.viaFrontend('/', { from });
    const csp = String(page.headers['content-security-policy'] ?? '');
    const frameAncestors = /frame-ancestors\s+'none'/.test(csp);
    const xfo = String(page.headers['x-frame-options'] ?? '');
    ctx.record({
      item: '7',
      probe: 'GET / on the frontend: Content-Security-Policy',
      expected: "CSP without 'unsafe-eval', frame-ancestors 'none'",
      observed: csp
        ? `CSP sent (${csp.length} chars), frame-ancestors 'none' ${frameAncestors ? 'yes' : 'no'}, unsafe-eval ${csp.includes("'unsafe-eval'") ? 'yes' : 'no'}`
        : `no CSP${xfo ? `; X-Frame-Options ${xfo}` : ''}`,
      verdict: csp && frameAncestors && !csp.includes("'unsafe-eval'") ? 'SAFE' : 'UNSAFE',
    });
    const hsts = String(page.headers['strict-transport-security'] ?? '');
    ctx.record({
      item: '7',
      probe: 'GET / on the frontend: Strict-Transport-Security',
      expected: 'HSTS sent by the production build',
      observed: hsts ? hsts : 'none',
      verdict: hsts ? 'SAFE' : 'UNSAFE',
    });
  }
}
