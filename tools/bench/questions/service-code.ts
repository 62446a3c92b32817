// question-service's own code, loaded by path at run time so the bench runs
// exactly the SQL, query parsing and seeding the service does (nothing to
// drift). Loaded by path, not imported: tools may not depend on an app (module
// boundaries), and tools' typecheck must not need question-service's
// generated Prisma client. Needs tsx with tools/tsconfig.json (the
// @peerprep/* paths), as the bench:questions script runs it.
import path from 'node:path';
import pino from 'pino';
import { workspaceRoot } from '../lib/services';

const serviceRoot = path.join(workspaceRoot, 'apps/question-service');

/** A statement with Postgres placeholders ($1...), as node-postgres takes it. */
export interface SqlStatement {
  text: string;
  values: unknown[];
}

interface PrismaSql extends SqlStatement {
  readonly sql: string;
}

interface PrismaNamespace {
  sql(strings: TemplateStringsArray, ...values: unknown[]): PrismaSql;
}

interface ClientModule {
  Prisma: PrismaNamespace;
}

interface QueriesModule {
  createQuestionQueries(prisma: unknown): { listQuestions(query: unknown): Promise<unknown> };
}

interface ContractsModule {
  listQuestionsQuerySchema: { parse(input: unknown): unknown };
}

interface SeedModules {
  prisma: { createPrismaClient(url: string): { $disconnect(): Promise<void> } };
  app: { createQuestionBank(deps: { prisma: unknown; messaging: unknown; logger: unknown }): unknown };
  seeder: { seedQuestionBank(bank: unknown, questions: unknown): Promise<Record<'created' | 'updated' | 'unchanged', string[]>> };
  bank: { seedQuestions: unknown[] };
}

const load = <T>(relative: string) => import(path.join(serviceRoot, relative)) as Promise<T>;

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`question-service no longer exports ${what}; update tools/bench/questions`);
  return value;
}

/** Express's query parser shape: a repeated key becomes an array. */
function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    result[key] = all.length === 1 ? all[0] : all;
  }
  return result;
}

/**
 * The statement GET /api/questions runs for `urlPath`: the query string is
 * parsed by the contract's schema, then the service's listQuestions builds its
 * SQL against a stand-in client that records the statement instead of running it.
 */
export async function listQuestionsSql(urlPath: string): Promise<SqlStatement> {
  const [{ Prisma }, queries, contracts] = await Promise.all([
    load<ClientModule>('src/generated/prisma/client.ts'),
    load<QueriesModule>('src/questions/questions.queries.ts'),
    import(path.join(workspaceRoot, 'libs/contracts/src/index.ts')) as Promise<ContractsModule>,
  ]);
  const schema = must(contracts.listQuestionsQuerySchema, 'listQuestionsQuerySchema');
  const query = schema.parse(queryObject(new URL(urlPath, 'http://bench').searchParams));
  const statements: SqlStatement[] = [];
  const recorder = {
    $queryRaw(strings: TemplateStringsArray, ...values: unknown[]) {
      const sql = must(Prisma, 'Prisma').sql(strings, ...values);
      statements.push({ text: sql.text, values: sql.values });
      return Promise.resolve([]);
    },
  };
  await must(queries.createQuestionQueries, 'createQuestionQueries')(recorder).listQuestions(query);
  // An empty first page costs no second (count) query, so one statement is all a list request runs.
  if (statements.length !== 1) throw new Error(`listQuestions ran ${statements.length} statements, expected 1`);
  return statements[0];
}

/**
 * Seeds the real question bank into `databaseUrl` with the service's own
 * seeder (validation, upsert by slug), as `nx run question-service:seed` does,
 * except that events are dropped: a bench's throwaway questions must not be
 * announced on the shared peerprep.events exchange.
 */
export async function seedQuestionBank(databaseUrl: string): Promise<{ created: number; updated: number; unchanged: number }> {
  const [prismaModule, app, seeder, bank] = await Promise.all([
    load<SeedModules['prisma']>('src/db/prisma.ts'),
    load<SeedModules['app']>('src/app.ts'),
    load<SeedModules['seeder']>('src/seed/seed-question-bank.ts'),
    load<SeedModules['bank']>('prisma/seed/index.ts'),
  ]);
  const prisma = must(prismaModule.createPrismaClient, 'createPrismaClient')(databaseUrl);
  try {
    const questions = must(app.createQuestionBank, 'createQuestionBank')({
      prisma,
      messaging: { publish: () => Promise.resolve() },
      logger: pino({ level: 'warn' }),
    });
    const report = await must(seeder.seedQuestionBank, 'seedQuestionBank')(questions, must(bank.seedQuestions, 'seedQuestions'));
    return { created: report.created.length, updated: report.updated.length, unchanged: report.unchanged.length };
  } finally {
    await prisma.$disconnect();
  }
}
