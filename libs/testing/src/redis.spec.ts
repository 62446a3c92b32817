import { Redis } from 'ioredis';
import { createTestRedis, DEFAULT_TEST_REDIS_URL } from './redis';

describe('createTestRedis', () => {
  const url = process.env['REDIS_URL'] ?? DEFAULT_TEST_REDIS_URL;
  let plain: Redis;

  beforeAll(() => {
    plain = new Redis(url);
  });
  afterAll(async () => {
    await plain.quit();
  });

  it('writes every key under its own prefix', async () => {
    const testRedis = await createTestRedis('prefix check');
    try {
      await testRedis.redis.set('greeting', 'hello');
      expect(testRedis.prefix).toMatch(/^test:prefix_check_\d+_[0-9a-f]{8}:$/);
      expect(await plain.get(`${testRedis.prefix}greeting`)).toBe('hello');
      expect(await plain.get('greeting')).toBeNull();
    } finally {
      await testRedis.cleanup();
    }
  });

  it('gives two test files disjoint prefixes', async () => {
    const [a, b] = await Promise.all([createTestRedis('same'), createTestRedis('same')]);
    try {
      await a.redis.set('k', 'a');
      await b.redis.set('k', 'b');
      expect(a.prefix).not.toBe(b.prefix);
      expect(await a.redis.get('k')).toBe('a');
      expect(await b.redis.get('k')).toBe('b');
    } finally {
      await Promise.all([a.cleanup(), b.cleanup()]);
    }
  });

  it('cleanup deletes every key under the prefix, beyond one SCAN page, and nothing else', async () => {
    const testRedis = await createTestRedis('cleanup');
    const bystander = `bystander:${testRedis.prefix}`;
    await plain.set(bystander, 'keep');
    try {
      const pipeline = testRedis.redis.pipeline();
      for (let i = 0; i < 1_200; i += 1) pipeline.set(`key:${i}`, String(i));
      pipeline.hset('hash', 'field', 'value');
      await pipeline.exec();

      await testRedis.cleanup();

      const [, left] = await plain.scan('0', 'MATCH', `${testRedis.prefix}*`, 'COUNT', 10_000);
      expect(left).toEqual([]);
      expect(await plain.exists(`${testRedis.prefix}key:0`, `${testRedis.prefix}hash`)).toBe(0);
      expect(await plain.get(bystander)).toBe('keep');
      expect(testRedis.redis.status).toBe('end');
    } finally {
      await plain.del(bystander);
    }
  });
});
