import { executionEnvSchema } from '@peerprep/execution-service-config';
import { createLogger, loadConfigOrExit, runService } from '@peerprep/service-kit';
import { createApp } from './app';
import { connectBroker, createSandboxFromConfig } from './dependencies';

const config = loadConfigOrExit('execution-service', executionEnvSchema);
const logger = createLogger({ name: 'execution-service', level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });

// No sandbox, no service: it never falls back to running code unsandboxed.
createSandboxFromConfig(config, logger).then(
  (sandbox) => runService(createApp({ config, logger, sandbox, ...connectBroker(config, logger) })),
  (error: unknown) => {
    logger.fatal({ err: error }, 'execution-service cannot start');
    process.stderr.write(`[execution-service] cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
