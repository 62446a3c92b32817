import { randomBytes } from 'node:crypto';
import { sleep } from '../lib/options';

/**
 * Accounts through the platform's public API at `baseUrl` (the frontend's
 * `/api` rewrite, so the same path a browser takes). A refresh token rotates
 * on every use and presenting a used one revokes its whole family, so each
 * signed-in page load gets the cookie of a login of its own.
 */

export interface Credentials {
  identifier: string;
  password: string;
}

/**
 * The platform's apps restart now and then: retry a refused connection or a
 * 5xx (a service on its way back) for up to 90 s before giving up.
 */
async function request(url: string, init: RequestInit): Promise<Response> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
      if (res.status < 500 || Date.now() > deadline) return res;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await sleep(2_000);
  }
}

const json = (body: unknown): RequestInit => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

async function failure(what: string, res: Response): Promise<Error> {
  return new Error(`${what}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
}

/** `name=value` of every Set-Cookie (attributes dropped), as a Cookie header. */
function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0].trim())
    .filter((pair) => pair.includes('='))
    .join('; ');
}

export async function signUpStudent(baseUrl: string, runId: string): Promise<Credentials> {
  const username = `lh_${runId}`;
  const password = `Lh-${randomBytes(12).toString('base64url')}`;
  const res = await request(`${baseUrl}/api/auth/signup`, {
    method: 'POST',
    ...json({ username, email: `${username}@bench.peerprep.local`, password, displayName: 'Lighthouse Bench' }),
  });
  if (res.status !== 201 && res.status !== 200) throw await failure('sign-up', res);
  return { identifier: username, password };
}

export interface Session {
  /** The refresh cookie, for a page's session bootstrap. */
  cookie: string;
  accessToken: string;
}

/** Logs in; waits out a 429 (20 logins a minute per address) rather than failing the run. */
export async function logIn(baseUrl: string, credentials: Credentials, say: (msg: string) => void): Promise<Session> {
  for (let attempt = 0; ; attempt += 1) {
    const res = await request(`${baseUrl}/api/auth/login`, { method: 'POST', ...json(credentials) });
    if (res.status === 429 && attempt < 5) {
      const waitSeconds = Number(res.headers.get('retry-after')) || 30;
      say(`login rate-limited; waiting ${waitSeconds} s`);
      await sleep(waitSeconds * 1000);
      continue;
    }
    if (res.status !== 200) throw await failure(`login as ${credentials.identifier}`, res);
    const body = (await res.json()) as { accessToken: string };
    const cookie = cookieHeader(res);
    if (!cookie) throw new Error('login answered without a refresh cookie');
    return { cookie, accessToken: body.accessToken };
  }
}

/** Deletes the bench's student (every session of it is revoked with it). */
export async function deleteAccount(baseUrl: string, credentials: Credentials, say: (msg: string) => void): Promise<void> {
  const { accessToken } = await logIn(baseUrl, credentials, say);
  const res = await request(`${baseUrl}/api/users/me`, {
    method: 'DELETE',
    ...json({ password: credentials.password }),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
  });
  if (res.status !== 204) throw await failure('account deletion', res);
}

/** The slug of one question of the bank, for the question page. */
export async function someQuestionSlug(baseUrl: string): Promise<string> {
  const res = await request(`${baseUrl}/api/questions?page=1&pageSize=1`, { method: 'GET' });
  if (res.status !== 200) throw await failure('question list', res);
  const body = (await res.json()) as { items: { slug: string }[] };
  const slug = body.items[0]?.slug;
  if (!slug) throw new Error('the question bank is empty: seed it (npx nx run question-service:seed)');
  return slug;
}
