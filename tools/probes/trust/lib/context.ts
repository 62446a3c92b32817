import { randomBytes, randomInt } from 'node:crypto';
import { cookiesOf, parseJson, request, sleep, type Reply, type RequestOptions } from './net';

/** One line of the result table. */
export interface Row {
  item: string;
  probe: string;
  expected: string;
  observed: string;
  /** SAFE / UNSAFE, or N/A where the started topology cannot show the attack (the observed column says why). */
  verdict: 'SAFE' | 'UNSAFE' | 'N/A';
}

export interface Account {
  id: string;
  username: string;
  displayName: string;
  password: string;
}

export interface Session {
  accessToken: string;
  /** The refresh cookie (and its hint), for logout and refresh. */
  cookie: string;
}

/**
 * What every probe shares: where the platform is, the run's own source
 * addresses and forged addresses (both recorded for the Redis clean-up), and
 * the rows found so far.
 */
export class ProbeContext {
  readonly runId = randomBytes(3).toString('hex');
  /** A /24 of 127.0.0.0/8 for this run: addresses no other client of the platform uses. */
  private readonly block = `127.88.${randomInt(1, 255)}`;
  private nextHost = 1;
  /** Every value a rate-limit key of this run may contain: addresses, account ids and names, identifiers. */
  readonly keyMarkers = new Set<string>();
  readonly rows: Row[] = [];

  constructor(
    readonly frontend: URL,
    readonly gateway: URL,
    readonly say: (msg: string) => void,
  ) {
    this.keyMarkers.add(this.runId);
  }

  /** A fresh loopback source address: a client of its own. */
  address(): string {
    const address = `${this.block}.${this.nextHost++}`;
    this.keyMarkers.add(address);
    return address;
  }

  /** A forged client address (198.18.0.0/15, reserved for benchmarks), the n-th of this run. */
  forgedAddress(n: number): string {
    const address = `198.18.${parseInt(this.runId.slice(0, 2), 16)}.${(n % 254) + 1}`;
    this.keyMarkers.add(address);
    return address;
  }

  get wsBase(): string {
    return `ws://${this.gateway.host}`;
  }

  record(row: Row): void {
    this.rows.push(row);
    this.say(`item ${row.item}: ${row.probe} -> ${row.observed} [${row.verdict}]`);
  }

  /** Through the frontend's /api, the path a browser's requests take. */
  viaFrontend(path: string, options?: RequestOptions): Promise<Reply> {
    return request(this.frontend, path, options);
  }

  viaGateway(path: string, options?: RequestOptions): Promise<Reply> {
    return request(this.gateway, path, options);
  }

  /**
   * Signs up a throwaway student through the frontend. The name carries the
   * run id, so a leftover is recognisable.
   */
  async signUp(label: string, from: string): Promise<Account & Session> {
    const username = `probe_${label}_${this.runId}`;
    const password = `Probe-${randomBytes(12).toString('base64url')}`;
    const displayName = `Probe ${label} ${this.runId}`;
    const reply = await this.retryRateLimited(() =>
      this.viaFrontend('/api/auth/signup', {
        method: 'POST',
        from,
        body: { username, email: `${username}@probe.peerprep.local`, password, displayName },
      }),
    );
    if (reply.status !== 201 && reply.status !== 200) throw new Error(`sign-up of ${username}: HTTP ${reply.status} ${reply.body.slice(0, 300)}`);
    const body = parseJson<{ accessToken: string; user: { id: string; username: string; displayName: string } }>(reply);
    if (!body?.accessToken) throw new Error(`sign-up of ${username} answered no access token`);
    this.keyMarkers.add(body.user.id);
    this.keyMarkers.add(username);
    return { id: body.user.id, username, displayName: body.user.displayName, password, accessToken: body.accessToken, cookie: cookiesOf(reply) };
  }

  /** Logs in (setup, not a probe): waits out a rate limit rather than failing. */
  async logIn(account: Account, from: string): Promise<Session> {
    const reply = await this.retryRateLimited(() =>
      this.viaFrontend('/api/auth/login', { method: 'POST', from, body: { identifier: account.username, password: account.password } }),
    );
    if (reply.status !== 200) throw new Error(`login as ${account.username}: HTTP ${reply.status} ${reply.body.slice(0, 300)}`);
    const body = parseJson<{ accessToken: string }>(reply);
    if (!body?.accessToken) throw new Error(`login as ${account.username} answered no access token`);
    return { accessToken: body.accessToken, cookie: cookiesOf(reply) };
  }

  /** A 429 (Retry-After up to 90 s) waited out twice at most: setup must not fail on the probes' own limits. */
  private async retryRateLimited(send: () => Promise<Reply>): Promise<Reply> {
    for (let attempt = 0; ; attempt += 1) {
      const reply = await send();
      const wait = Number(reply.headers['retry-after']);
      if (reply.status !== 429 || attempt >= 2 || !(wait > 0) || wait > 90) return reply;
      this.say(`rate-limited during setup; waiting ${wait} s`);
      await sleep(wait * 1000 + 500);
    }
  }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
