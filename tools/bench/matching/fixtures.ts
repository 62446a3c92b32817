// What the matching bench stands up around the replicas: a stub question bank
// (GET /api/topics), access tokens signed with a key pair made for the run,
// and the users' criteria (the RabbitMQ vhost of its own is lib/rabbit.ts).
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';

/** Load topics; `probe` is reserved for the time-to-match probes, so a probe's peer is the only one waiting on it. */
export const LOAD_TOPICS = ['t0', 't1', 't2', 't3'] as const;
export const PROBE_TOPIC = 'probe';
const DIFFICULTIES = ['EASY', 'MEDIUM', 'HARD'] as const;
const LANGUAGES = ['python', 'java'] as const;

export interface Criteria {
  mode: 'interview' | 'pair';
  minutes: 30 | 45 | 60;
  difficulty: (typeof DIFFICULTIES)[number];
  topics: string[];
  language: (typeof LANGUAGES)[number];
  allowRelaxed: boolean;
}

/**
 * Mixed criteria, spread evenly: 3 difficulties × 4 topics × 2 languages, every
 * other user asking for a second topic (so classes overlap, as real ones do).
 * One mode (the default, a 45-minute mock interview), so runs stay comparable
 * with those from before modes: a second mode would halve every class.
 */
export function criteriaOf(i: number): Criteria {
  const difficulty = DIFFICULTIES[i % DIFFICULTIES.length];
  const first = LOAD_TOPICS[Math.floor(i / 3) % LOAD_TOPICS.length];
  const second = LOAD_TOPICS[(Math.floor(i / 3) + 1) % LOAD_TOPICS.length];
  const language = LANGUAGES[Math.floor(i / 12) % LANGUAGES.length];
  return { mode: 'interview', minutes: 45, difficulty, topics: i % 2 === 0 ? [first] : [first, second], language, allowRelaxed: false };
}

/** question-service's GET /api/topics, with every topic at every difficulty. */
export async function startTopicsStub(): Promise<{ url: string; close(): Promise<void> }> {
  const items = [...LOAD_TOPICS, PROBE_TOPIC].map((slug) => ({
    slug,
    name: slug,
    counts: { EASY: 5, MEDIUM: 5, HARD: 5 },
    total: 15,
  }));
  const body = JSON.stringify({ items, total: items.length });
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/api/topics')) {
      res.setHeader('content-type', 'application/json');
      res.end(body);
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface BenchUser {
  id: string;
  token: string;
}

/** Signs access tokens as user-service does (libs/auth tokens.ts; tools import no runtime library). */
export async function createTokenSigner(): Promise<{ publicKeyPem: string; user(name: string): Promise<BenchUser> }> {
  const keys = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return {
    publicKeyPem: await exportSPKI(keys.publicKey),
    async user(name) {
      const id = randomUUID();
      const token = await new SignJWT({ username: name, displayName: name, role: 'USER' })
        .setProtectedHeader({ alg: 'EdDSA' })
        .setIssuer('peerprep-user-service')
        .setAudience('peerprep')
        .setSubject(id)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(keys.privateKey);
      return { id, token };
    },
  };
}
