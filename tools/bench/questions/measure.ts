import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type pg from 'pg';
import { summary, type LatencySummary } from '../lib/stats';
import type { SqlStatement } from '../lib/pg-capture';

/** One closed-loop run: every successful latency (ms), how long it ran, what failed. */
export interface Run {
  samples: number[];
  seconds: number;
  /** Non-2xx answers, socket errors and timeouts: each one makes the figures suspect. */
  failures: number;
}

export interface Measurement extends LatencySummary {
  requestsPerSecond: number;
  failures: number;
}

/** Pools the runs of one cell: percentiles over every sample, throughput over the summed time. */
export function combine(runs: readonly Run[]): Measurement {
  const samples = runs.flatMap((run) => run.samples);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return {
    ...summary(samples),
    requestsPerSecond: samples.length / seconds,
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
  };
}

/**
 * A closed loop of `connections` keep-alive HTTP connections, one request in
 * flight each, for `seconds`. autocannon's own percentiles are whole
 * milliseconds (HDR histogram of integers), too coarse for sub-millisecond
 * answers, so every 2xx latency is kept from its 'response' event instead.
 */
export async function measureHttp(url: string, connections: number, seconds: number): Promise<Run> {
  const samples: number[] = [];
  let started = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, pipelining: 1, duration: seconds, timeout: 10 }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on('start', () => (started = performance.now()));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
    });
  });
  return {
    samples,
    seconds: (performance.now() - (started || performance.now())) / 1000,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/** The same closed loop over a pg Pool of `connections` clients, executing `statement` directly. */
export async function measurePg(pool: pg.Pool, statement: SqlStatement, connections: number, seconds: number): Promise<Run> {
  const samples: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        try {
          await pool.query({ text: statement.text, values: statement.values });
          samples.push(performance.now() - sent);
        } catch {
          failures++;
        }
      }
    }),
  );
  return { samples, seconds: (performance.now() - started) / 1000, failures };
}
