import type { Service } from '@peerprep/service-kit';

export interface RunningTestService {
  service: Service;
  url: string;
  stop(): Promise<void>;
}

/** Starts a real service (built by an app's createApp) on a free port. */
export async function startTestService(service: Service): Promise<RunningTestService> {
  const { url } = await service.start();
  return { service, url, stop: () => service.stop('test finished') };
}

/** Test config for a service: loopback, a free port, quiet logs. */
export const testServiceEnv = { NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'silent' } as const;

/** Polls until `predicate` holds (or fails after `timeoutMs`), for state that settles asynchronously. */
export async function waitFor(predicate: () => Promise<boolean> | boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
