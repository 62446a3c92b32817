// The platform's runnable apps, in start order, with their local ports. The
// start script and the docs read this one list.
// `databaseEnv` names the variable that overrides the app's DATABASE_URL, the
// same one tools/prisma/prepare-databases.mjs migrates.
export const backendApps = [
  { name: 'user-service', port: 3002, databaseEnv: 'USER_DATABASE_URL' },
  { name: 'question-service', port: 3003, databaseEnv: 'QUESTION_DATABASE_URL' },
  { name: 'matching-service', port: 3004 },
  { name: 'collaboration-service', port: 3005, databaseEnv: 'COLLABORATION_DATABASE_URL' },
  // Runs submissions in bubblewrap boxes: start.mjs first checks the sandbox's
  // prerequisites (prerequisites.mjs --for=start).
  { name: 'execution-service', port: 3006, sandbox: true },
  { name: 'api-gateway', port: 3001 },
];

export const frontendApp = { name: 'frontend', port: 3000 };

export const infrastructure = [
  { name: 'PostgreSQL', env: 'POSTGRES_ADMIN_URL', url: 'postgresql://postgres@127.0.0.1:5432/postgres', defaultPort: 5432 },
  { name: 'Redis', env: 'REDIS_URL', url: 'redis://127.0.0.1:6379', defaultPort: 6379 },
  { name: 'RabbitMQ', env: 'AMQP_URL', url: 'amqp://guest:guest@127.0.0.1:5672', defaultPort: 5672 },
];
