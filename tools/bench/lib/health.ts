import http from 'node:http';
import { call } from './http';
import { sleep } from './options';

const HEALTH_INTERVAL_MS = 10;

/** /healthz latency, one request at a time every HEALTH_INTERVAL_MS, until `until` says stop (or `count` samples). */
export async function probeHealth(port: number, until: () => boolean, count = Infinity): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples: number[] = [];
  while (!until() && samples.length < count) {
    const reply = await call(agent, port, 'GET', '/healthz');
    if (reply.status !== 200) throw new Error(`/healthz answered ${reply.status}`);
    samples.push(reply.ms);
    await sleep(HEALTH_INTERVAL_MS);
  }
  agent.destroy();
  return samples;
}
