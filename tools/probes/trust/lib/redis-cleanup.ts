import { Redis } from 'ioredis';

/**
 * Deletes the rate-limit counters this run created: every key with "rate" in
 * its name (the gateway's and user-service's limiters, whatever their
 * prefixes) that contains one of the run's markers (its source and forged
 * addresses, account ids, usernames, identifiers). Other clients' counters
 * are left alone.
 */
export async function deleteRunRateLimitKeys(redisUrl: string, markers: ReadonlySet<string>): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  try {
    const needles = [...markers].filter((marker) => marker.length >= 6).map((marker) => marker.toLowerCase());
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', '*rate*', 'COUNT', 1000);
      cursor = next;
      const ours = keys.filter((key) => needles.some((needle) => key.toLowerCase().includes(needle)));
      if (ours.length > 0) deleted += await redis.del(...ours);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}
