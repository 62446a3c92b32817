import { randomBytes } from 'node:crypto';

/**
 * A short unique suffix for the resources of one test file (database, key
 * prefix, exchange and queue names), so suites can run in parallel against the
 * one local Postgres, Redis and RabbitMQ without seeing each other.
 */
export function uniqueTestId(label = 'test'): string {
  const safe = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 24);
  return `${safe}_${process.pid}_${randomBytes(4).toString('hex')}`;
}
