import type { Service } from '@peerprep/service-kit';
import type { TestInfrastructureOptions } from './infrastructure';
import { expectStandardProbes } from './probes';
import { openConnections } from './postgres';
import { startTestService, waitFor, type RunningTestService } from './service';
import { createServiceTestbed, type ServiceTestbed } from './service-testbed';

export interface ServiceAppTestOptions<O extends TestInfrastructureOptions> {
  serviceName: string;
  /** The file's own slice: a migrated database (this suite needs one), and Redis and RabbitMQ as the service uses them. */
  infrastructure: O & { migrationsDir: string; rabbit: true };
  /** The dependencies /readyz must report up, in its order. */
  dependencies: string[];
  /** Builds the service with its own createApp; `messaging` is the one it was given. */
  start(testbed: ServiceTestbed<O & { migrationsDir: string; rabbit: true }>): Promise<{ service: Service; messaging: { check(): Promise<unknown> } }>;
}

export interface StartedServiceApp<O extends TestInfrastructureOptions> {
  testbed: ServiceTestbed<O & { migrationsDir: string; rabbit: true }>;
  running: RunningTestService;
}

/**
 * The app test every data service has (user, question, collaboration): the
 * real app on the file's own database, Redis prefix and exchange is alive,
 * ready once its broker connection is up, observable, answers an unknown
 * route with a problem, and closes its database pool on shutdown. `more`
 * adds the service's own tests, run before the shutdown test, with the
 * started app.
 */
export function describeServiceApp<const O extends TestInfrastructureOptions>(
  title: string,
  options: ServiceAppTestOptions<O>,
  more: (app: () => StartedServiceApp<O>) => void = () => undefined,
): void {
  describe(title, () => {
    let testbed: ServiceTestbed<O & { migrationsDir: string; rabbit: true }>;
    let messaging: { check(): Promise<unknown> };
    let running: RunningTestService;

    beforeAll(async () => {
      testbed = await createServiceTestbed(options.serviceName, options.infrastructure);
      const started = await options.start(testbed);
      messaging = started.messaging;
      running = await startTestService(started.service);
    });

    afterAll(async () => {
      await running?.stop();
      await testbed?.cleanup();
    });

    it('is alive, ready with its dependencies up, observable, and answers unknown routes with a problem', async () => {
      await waitFor(() => messaging.check().then(() => true, () => false), 10_000, 'the broker connection');
      await expectStandardProbes(running.url, options.dependencies);
    });

    more(() => ({ testbed, running }));

    it('closes its database connections on shutdown', async () => {
      const database = testbed.database as { name: string };
      expect(await openConnections(database.name)).toBeGreaterThan(0);
      await running.stop();
      await waitFor(async () => (await openConnections(database.name)) === 0, 5_000, 'the pool to close');
    });
  });
}
