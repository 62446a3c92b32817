import { randomUUID } from 'node:crypto';
import { DEFAULT_RUBRIC, type InterviewerMaterial } from '@peerprep/contracts';
import { ServiceUnavailableError } from '@peerprep/service-kit';
import { createCachedMaterialSource } from './material-cache';

const material = (questionId: string, hint: string): InterviewerMaterial => ({
  questionId,
  hints: [hint],
  referenceSolutions: {},
  rubric: [...DEFAULT_RUBRIC],
});

describe('the interviewer material cache', () => {
  let now: number;
  let calls: string[];
  let answers: Map<string, () => Promise<InterviewerMaterial | null>>;
  const source = { get: (id: string) => (calls.push(id), (answers.get(id) ?? (() => Promise.resolve(null)))()) };

  beforeEach(() => {
    now = 0;
    calls = [];
    answers = new Map();
  });

  it('reuses an answer within the TTL and asks again after it (an admin\'s edit shows then)', async () => {
    const id = randomUUID();
    answers.set(id, () => Promise.resolve(material(id, 'first')));
    const cache = createCachedMaterialSource(source, { ttlMs: 1_000, now: () => now });

    expect((await cache.get(id))?.hints).toEqual(['first']);
    now = 999;
    expect((await cache.get(id))?.hints).toEqual(['first']);
    expect(calls).toEqual([id]);

    answers.set(id, () => Promise.resolve(material(id, 'edited')));
    now = 1_000;
    expect((await cache.get(id))?.hints).toEqual(['edited']);
    expect(calls).toEqual([id, id]);
  });

  it('shares one request between concurrent reads, and keeps no failure', async () => {
    const id = randomUUID();
    let fail = true;
    answers.set(id, () => (fail ? Promise.reject(new ServiceUnavailableError('down')) : Promise.resolve(material(id, 'back'))));
    const cache = createCachedMaterialSource(source, { ttlMs: 60_000, now: () => now });

    const both = await Promise.allSettled([cache.get(id), cache.get(id)]);
    expect(both.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toEqual([id]);

    fail = false;
    expect((await cache.get(id))?.hints).toEqual(['back']);
    expect(calls).toEqual([id, id]);
  });

  it('keeps at most maxEntries questions, dropping the oldest', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const cache = createCachedMaterialSource(source, { ttlMs: 60_000, now: () => now, maxEntries: 2 });
    await cache.get(a);
    await cache.get(b);
    await cache.get(c);
    await cache.get(b);
    await cache.get(a);
    expect(calls).toEqual([a, b, c, a]);
  });
});
