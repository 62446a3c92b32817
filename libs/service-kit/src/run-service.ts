import type { Service } from './service';

/**
 * For main.ts: start, log the URL, stop cleanly on SIGTERM/SIGINT (exit 0), exit 1
 * when start fails. A second signal forces the exit for an operator who will not wait.
 */
export async function runService(service: Service): Promise<void> {
  const { logger } = service;
  let signals = 0;

  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    service.stop(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  // Logged through pino so the reason is in the structured logs; the process
  // still exits, as Node would, because its state can no longer be trusted.
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });

  try {
    const { url } = await service.start();
    logger.info({ url }, `${service.name} listening on ${url}`);
  } catch (error) {
    logger.fatal({ err: error }, `${service.name} failed to start`);
    await service.stop('start failed').catch(() => undefined);
    process.exit(1);
  }
}
