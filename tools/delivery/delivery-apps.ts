/**
 * The delivery decisions the Dockerfiles and docker-compose.yml are checked
 * against (docs/architecture.md, "Services" and "Delivery"): one image per app, its base
 * image, its port (the same inside the network and on the host), and the
 * compose host ports of the stores.
 */
export interface DeliveryApp {
  name: string;
  port: number;
  baseImage: 'node:24-alpine' | 'node:20-alpine';
  /** The app owns a Postgres database: its image has a `migrate` target. */
  database?: { service: string; name: string; hostPort: number };
  /**
   * The app runs user code in bubblewrap boxes (execution-service): its image
   * adds the sandbox and the toolchains (build argument TOOLCHAINS=sandbox),
   * and its container needs the seccomp profile that lets bwrap make its
   * namespaces (deploy/seccomp/execution-sandbox.json).
   */
  sandbox?: true;
}

export const DELIVERY_APPS: readonly DeliveryApp[] = [
  { name: 'frontend', port: 3000, baseImage: 'node:20-alpine' },
  { name: 'api-gateway', port: 3001, baseImage: 'node:24-alpine' },
  {
    name: 'user-service',
    port: 3002,
    baseImage: 'node:24-alpine',
    database: { service: 'postgres-users', name: 'peerprep_users', hostPort: 3012 },
  },
  {
    name: 'question-service',
    port: 3003,
    baseImage: 'node:24-alpine',
    database: { service: 'postgres-questions', name: 'peerprep_questions', hostPort: 3013 },
  },
  { name: 'matching-service', port: 3004, baseImage: 'node:24-alpine' },
  {
    name: 'collaboration-service',
    port: 3005,
    baseImage: 'node:24-alpine',
    database: { service: 'postgres-collaboration', name: 'peerprep_collaboration', hostPort: 3014 },
  },
  { name: 'execution-service', port: 3006, baseImage: 'node:24-alpine', sandbox: true },
];

export const BACKEND_APPS = DELIVERY_APPS.filter((app) => app.name !== 'frontend');

/** Compose services that keep state, with their published ports (container port to host port). */
export const STORES: Readonly<Record<string, Readonly<Record<number, number>>>> = {
  'postgres-users': { 5432: 3012 },
  'postgres-questions': { 5432: 3013 },
  'postgres-collaboration': { 5432: 3014 },
  rabbitmq: { 5672: 3015, 15672: 3017 },
  redis: { 6379: 3016 },
};
