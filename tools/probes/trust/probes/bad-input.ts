// Item 9: malformed bodies never get a 5xx. A handful of the worst kinds,
// through the gateway, on public and signed-in routes.
import { bearer, type ProbeContext } from '../lib/context';
import type { RequestOptions } from '../lib/net';
import type { RoomParty } from './server-owned';

export async function probeBadInput(ctx: ProbeContext, a: RoomParty): Promise<void> {
  const from = ctx.address();
  const session = await ctx.logIn(a.account, a.from);
  const auth = bearer(session.accessToken);
  const depth = 20_000;
  const cases: { what: string; path: string; options: RequestOptions }[] = [
    { what: 'login: not JSON', path: '/api/auth/login', options: { method: 'POST', body: '{"identifier": "x", ' } },
    { what: 'login: JSON as text/plain', path: '/api/auth/login', options: { method: 'POST', body: '{"identifier":"x","password":"y"}', headers: { 'content-type': 'text/plain' } } },
    { what: 'login: wrong types', path: '/api/auth/login', options: { method: 'POST', body: { identifier: 123, password: { a: 1 } } } },
    {
      what: `login: ${depth}-deep nesting`,
      path: '/api/auth/login',
      options: { method: 'POST', body: `{"identifier":${'['.repeat(depth)}${']'.repeat(depth)},"password":"x"}` },
    },
    {
      what: 'sign-up: NUL in username and name',
      path: '/api/auth/signup',
      options: { method: 'POST', body: { username: `nul\u0000${ctx.runId}`, email: `nul${ctx.runId}@probe.peerprep.local`, password: 'Probe-password-1', displayName: 'a\u0000b' } },
    },
    { what: 'PATCH users/me: NUL in display name', path: '/api/users/me', options: { method: 'PATCH', headers: auth, body: { displayName: 'nul\u0000name' } } },
    { what: 'match request: wrong types', path: '/api/match/requests', options: { method: 'POST', headers: auth, body: { difficulty: [], topics: 'arrays', language: null } } },
    { what: 'questions: bad query', path: '/api/questions?page=-1&pageSize=abc&topics[x]=1', options: {} },
    { what: 'questions: NUL in id', path: '/api/questions/%00', options: {} },
    { what: 'rooms: id not a UUID', path: '/api/rooms/not-a-uuid', options: { headers: auth } },
    { what: 'history: NUL in id', path: '/api/history/%00', options: { headers: auth } },
  ];
  const results: string[] = [];
  const fives: string[] = [];
  for (const { what, path, options } of cases) {
    const reply = await ctx.viaGateway(path, { ...options, from });
    results.push(`${reply.status}`);
    if (reply.status >= 500) fives.push(`${what} → ${reply.status}`);
  }
  ctx.record({
    item: '9',
    probe: `${cases.length} malformed requests (not JSON, text/plain, wrong types, ${depth}-deep, NUL, bad query/ids)`,
    expected: 'every answer 4xx',
    observed: fives.length === 0 ? `all 4xx (${results.join(' ')})` : `${fives.length} 5xx: ${fives.join('; ')}`,
    verdict: fives.length === 0 ? 'SAFE' : 'UNSAFE',
  });
}
