import { VerifiedTokenCache } from './verified-token-cache';

const ALICE = { id: 'a', username: 'alice', displayName: 'Alice', role: 'USER' as const };

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('VerifiedTokenCache', () => {
  it('answers the user of a remembered token until just before its limit, and never from it on', () => {
    const time = clock();
    const cache = new VerifiedTokenCache<typeof ALICE>(10, time.now);
    cache.set('t', ALICE, time.now() + 1_000);
    time.advance(999);
    expect(cache.get('t')).toEqual(ALICE);
    time.advance(1);
    expect(cache.get('t')).toBeUndefined();
    // The expired entry is gone, not merely hidden.
    expect(cache.size).toBe(0);
  });

  it('does not remember a token already at or past its limit', () => {
    const time = clock();
    const cache = new VerifiedTokenCache<typeof ALICE>(10, time.now);
    cache.set('past', ALICE, time.now() - 1);
    cache.set('now', ALICE, time.now());
    expect(cache.size).toBe(0);
  });

  it('matches the exact token text only', () => {
    const cache = new VerifiedTokenCache<typeof ALICE>(10);
    cache.set('header.payload.signature', ALICE, Date.now() + 60_000);
    expect(cache.get('header.payload.signaturE')).toBeUndefined();
    expect(cache.get('header.payload.signature ')).toBeUndefined();
    expect(cache.get('header.payload.signature')).toEqual(ALICE);
  });

  it('holds at most maxEntries, dropping the least recently used', () => {
    const cache = new VerifiedTokenCache<typeof ALICE>(3);
    const until = Date.now() + 60_000;
    for (const token of ['a', 'b', 'c']) cache.set(token, { ...ALICE, id: token }, until);
    expect(cache.get('a')?.id).toBe('a'); // now b is the least recently used
    cache.set('d', { ...ALICE, id: 'd' }, until);
    expect(cache.size).toBe(3);
    expect(cache.get('b')).toBeUndefined();
    expect(['a', 'c', 'd'].map((token) => cache.get(token)?.id)).toEqual(['a', 'c', 'd']);
    for (let i = 0; i < 100; i++) cache.set(`x${i}`, ALICE, until);
    expect(cache.size).toBe(3);
  });

  it('remembers nothing with maxEntries 0', () => {
    const cache = new VerifiedTokenCache<typeof ALICE>(0);
    cache.set('t', ALICE, Date.now() + 60_000);
    expect(cache.get('t')).toBeUndefined();
  });

  it('hands out copies, so a caller changing its user does not change the entry', () => {
    const cache = new VerifiedTokenCache<typeof ALICE>(10);
    const stored = { ...ALICE };
    cache.set('t', stored, Date.now() + 60_000);
    stored.role = 'USER';
    const first = cache.get('t');
    if (first) (first as { role: string }).role = 'ADMIN';
    expect(cache.get('t')).toEqual(ALICE);
  });
});
