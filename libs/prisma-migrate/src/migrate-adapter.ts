/**
 * The one place where Prisma's migrate commands get their database adapter.
 *
 * Prisma 6.19 can migrate without downloading its Rust schema engine: the CLI
 * runs the bundled wasm schema engine (`engine: "js"`) over a driver adapter.
 * That path has two upstream defects, worked around here so that every
 * service's prisma.config.ts stays a three-line file:
 *
 * 1. prisma/orm#27403 — the migrate introspection queries return columns of
 *    the Postgres types `name` (oid 19) and `"char"` (oid 18), which the pg
 *    adapter cannot map ("Column type 'name' could not be deserialized").
 *    Both are plain text on the wire, so we report them as `text` (oid 25) in
 *    the row description. Only migrate connections do this; the runtime
 *    client never sees these types.
 * 2. `migrate dev`'s shadow database in @prisma/adapter-pg: the shadow pool is
 *    built as `{ ...config, database }`, and with a connection string the
 *    string wins, so the "shadow" is the main database (P3006). It also drops
 *    the shadow database before closing its pool ("database ... is being
 *    accessed by other users"), and never closes the admin pool. We build the
 *    pools from discrete host/port/user/password/database and dispose in the
 *    right order.
 *
 * Two more defects live in the CLI itself, not in the adapter, and are worked
 * around by bin/migrate-dev.mjs: `migrate dev` right after applying
 * pending migrations fails with "PostgreSQL shadow DB must be provided through
 * an external factory", and `migrate dev --create-only` writes the migration,
 * then exits 1 with "null pointer passed to rust" (the engine is freed twice).
 * Not fixable here either: the wasm engine arms timers it never clears (10 s
 * around its advisory lock, 60 s in `migrate dev`), so the process lingers
 * that long after its work is done: `migrate deploy` takes ~11 s.
 *
 * Remove each workaround once the pinned Prisma version fixes it.
 */
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { defineConfig } from 'prisma/config';

const PG_CHAR_OID = 18;
const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

interface RowDescriptionMessage {
  fields: Array<{ dataTypeID: number }>;
}

/** A pg client that reports `name` and `"char"` columns as `text` (prisma/orm#27403). */
class TextForNameTypesClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // Prepended so it runs before pg's own handler builds the result's fields.
    this.connection.prependListener('rowDescription', (message: RowDescriptionMessage) => {
      for (const field of message.fields) {
        if (field.dataTypeID === PG_NAME_OID || field.dataTypeID === PG_CHAR_OID) {
          field.dataTypeID = PG_TEXT_OID;
        }
      }
    });
  }
}

/**
 * Splits a postgres:// URL into discrete pool settings. Discrete settings (no
 * `connectionString`) are what lets a shadow database override `database`.
 */
export function toDiscretePoolConfig(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') {
    throw new Error(`Expected a postgresql:// URL, got protocol "${url.protocol}"`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new Error('The database URL names no database');
  const sslmode = url.searchParams.get('sslmode');
  return {
    host: decodeURIComponent(url.hostname).replace(/^\[(.*)\]$/, '$1') || '127.0.0.1',
    port: url.port ? Number(url.port) : 5432,
    user: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database,
    ssl: sslmode && sslmode !== 'disable' ? { rejectUnauthorized: sslmode === 'verify-full' } : undefined,
  };
}

type MigrateDriverAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
/** What the wasm schema engine needs: PrismaPg's factory interface, shadow database included. */
export type MigrateAdapterFactory = Pick<PrismaPg, 'provider' | 'adapterName' | 'connect' | 'connectToShadowDb'>;

/** The driver adapter factory the wasm schema engine uses for one database. */
export function createMigrateAdapter(databaseUrl: string): MigrateAdapterFactory {
  const poolConfig: pg.PoolConfig = {
    ...toDiscretePoolConfig(databaseUrl),
    Client: TextForNameTypesClient,
    // The CLI never disposes this adapter; without this its idle pool keeps
    // every prisma command alive for another 10 s (pg's idleTimeoutMillis).
    allowExitOnIdle: true,
  };
  const main = new PrismaPg(poolConfig);

  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: (): Promise<MigrateDriverAdapter> => main.connect(),
    async connectToShadowDb(): Promise<MigrateDriverAdapter> {
      const admin = await main.connect();
      const database = `prisma_migrate_shadow_db_${randomUUID().replace(/-/g, '_')}`;
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const shadow = await new PrismaPg({ ...poolConfig, database }).connect();
      const closeShadowPool = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        // The shadow pool must be closed before its database can be dropped.
        await closeShadowPool();
        try {
          await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
        } finally {
          await admin.dispose();
        }
      };
      return shadow;
    },
  };
}

/** The URL a service's Prisma commands use: its DATABASE_URL, else the local default. */
export function databaseUrlFromEnv(defaultDatabaseName: string, env: NodeJS.ProcessEnv = process.env): string {
  return env['DATABASE_URL'] || `postgresql://postgres@127.0.0.1:5432/${defaultDatabaseName}`;
}

/**
 * A service's whole prisma.config.ts: schema and migrations under `prisma/`
 * beside the config file, migrations run by the wasm schema engine.
 */
export function definePrismaConfig({ defaultDatabaseName }: { defaultDatabaseName: string }) {
  // The schema's `url = env("DATABASE_URL")` must resolve even for `generate`:
  // when it does not, the CLI cannot read `engineType = "client"` and falls
  // back to downloading the native query engine. It names the same database
  // the adapter below migrates.
  process.env['DATABASE_URL'] = databaseUrlFromEnv(defaultDatabaseName);
  // Prisma's update check phones home; these machines only reach npm.
  process.env['CHECKPOINT_DISABLE'] ??= '1';
  return defineConfig({
    experimental: { adapter: true },
    engine: 'js',
    schema: 'prisma/schema.prisma',
    migrations: { path: 'prisma/migrations' },
    async adapter() {
      return createMigrateAdapter(databaseUrlFromEnv(defaultDatabaseName));
    },
  });
}
