// What the question bench takes from question-service itself, from its built
// bundles only (tools never load app source): the real question bank seeded
// by the service's own seed runner, and the exact statement its list route
// runs, captured on the wire.
import { execFile } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { call } from '../lib/http';
import { startPgCapture, type SqlStatement } from '../lib/pg-capture';
import { startBuiltService, workspaceRoot } from '../lib/services';

const bundleFolder = path.join(workspaceRoot, 'dist/apps/question-service');
/** The seed runner beside main.js, as the image has it (tools/delivery/bundle-seed.mjs). */
export const builtSeed = path.join(bundleFolder, 'seed.js');

/** Bundles seed.js next to the built main.js, as the Dockerfile does after `nx build question-service`. */
export function bundleSeed(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['tools/delivery/bundle-seed.mjs', bundleFolder], { cwd: workspaceRoot }, (error, _stdout, stderr) =>
      error ? reject(new Error(`bundling seed.js failed: ${stderr || error.message}`)) : resolve(),
    );
  });
}

/**
 * Seeds the real question bank into `databaseUrl` with the built seed runner
 * (validation, upsert by slug), as the compose seed one-shot does. Its
 * question events go to `amqpUrl`, which the caller keeps away from the
 * shared peerprep.events exchange: a bench's throwaway questions must not be
 * announced to the platform.
 */
export function seedQuestionBank(databaseUrl: string, amqpUrl: string): Promise<{ created: number; updated: number; unchanged: number }> {
  const env = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', DATABASE_URL: databaseUrl, AMQP_URL: amqpUrl };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [builtSeed], { cwd: bundleFolder, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`seed.js failed: ${stderr || error.message}`));
        return;
      }
      for (const line of stdout.split('\n')) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { msg?: string; created?: number; updated?: number; unchanged?: number };
        if (entry.msg === 'question bank seeded') {
          resolve({ created: entry.created ?? 0, updated: entry.updated ?? 0, unchanged: entry.unchanged ?? 0 });
          return;
        }
      }
      reject(new Error(`seed.js did not report its counts:\n${stdout}${stderr}`));
    });
  });
}

/**
 * The one statement GET `urlPath` runs, for each path: a built
 * question-service of its own talks to the database through a capturing
 * forwarder while each list request is made, so the raw-pg path replays
 * exactly the SQL and parameters the service sends (nothing to drift).
 */
export async function captureListStatements(
  databaseUrl: string,
  urlPaths: readonly string[],
  env: Record<string, string>,
): Promise<Map<string, SqlStatement>> {
  const capture = await startPgCapture(databaseUrl);
  const agent = new http.Agent();
  try {
    const service = await startBuiltService({ project: 'question-service', env: { ...env, DATABASE_URL: capture.url } });
    try {
      const statements = new Map<string, SqlStatement>();
      for (const urlPath of urlPaths) {
        capture.take(); // what readiness and connection set-up sent
        const reply = await call(agent, service.port, 'GET', urlPath);
        if (reply.status !== 200) throw new Error(`question-service answered ${reply.status} to ${urlPath}: ${reply.body}`);
        const sent = capture.take();
        // An empty first page costs no second (count) query, so one statement is all a list request runs.
        if (sent.length !== 1) throw new Error(`GET ${urlPath} ran ${sent.length} statements, expected 1`);
        statements.set(urlPath, sent[0] as SqlStatement);
      }
      return statements;
    } finally {
      await service.stop();
    }
  } finally {
    agent.destroy();
    await capture.close();
  }
}
