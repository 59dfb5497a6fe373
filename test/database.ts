import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { closeConnection, openConnection, installConnection, selectRows, type Connection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';

/** The engine this Vitest project runs on: set per project in vitest.config.ts. */
export const engine = (process.env.TEST_ENGINE ?? 'pglite') as 'pglite' | 'postgres';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function admin<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

// Migrating a new PGlite costs ~1 s; loading a dump of one already migrated costs ~0.2 s.
let template: Promise<Blob> | undefined;
function migratedTemplate(): Promise<Blob> {
  template ??= (async () => {
    const connection = openConnection({ engine: 'pglite' });
    await migrateDatabase(connection);
    const dump = await connection.dumpDataDir!();
    await connection.close();
    return dump;
  })();
  return template;
}

/**
 * A new, migrated, empty database on the project's engine, installed as the app's connection.
 * `{ install: false, migrate: false }`: a second, bare database beside it (a restore target), closed by its own drop.
 */
export async function createTestDatabase({ install = true, migrate = true }: { install?: boolean; migrate?: boolean } = {}): Promise<{
  connection: Connection;
  url?: string;
  drop: () => Promise<void>;
}> {
  if (engine === 'pglite') {
    const connection = openConnection({ engine: 'pglite', loadDataDir: migrate ? await migratedTemplate() : undefined });
    if (!install) return { connection, drop: () => connection.close() };
    installConnection(connection);
    return { connection, drop: () => closeConnection() };
  }
  const name = `masthead_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`create database "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const connection = openConnection({ engine: 'postgres', url: url.toString(), max: 4 });
  if (migrate) await migrateDatabase(connection);
  if (install) installConnection(connection);
  return {
    connection,
    url: url.toString(),
    drop: async () => {
      if (install) await closeConnection();
      else await connection.close();
      await admin((client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

/**
 * A new database per test costs as much as most tests: 1–3 s to start a PGlite on a 2-core machine, a
 * create and a migration on PostgreSQL. A test file keeps one migrated database and empties it before
 * each test (every table truncated, identities restarted, session settings reset): the state of a new
 * one. A test that closed it gets a new one.
 */
function reusedDatabase() {
  type Kept = Awaited<ReturnType<typeof createTestDatabase>> & { closed: boolean };
  let kept: Kept | undefined;
  let tables: string | undefined;
  const finished: Array<() => Promise<void>> = [];
  return {
    async take(): Promise<Awaited<ReturnType<typeof createTestDatabase>>> {
      if (kept && !kept.closed) {
        tables ??= (await selectRows<{ list: string }>(kept.connection.db, sql`select string_agg(format('%I.%I', schemaname, tablename), ', ') as list from pg_tables where schemaname = 'public'`))[0]!.list;
        await kept.connection.db.execute(sql`reset all`);
        await kept.connection.db.execute(sql.raw(`truncate table ${tables} restart identity cascade`));
      } else {
        const created = await createTestDatabase({ install: false });
        const entry: Kept = { ...created, closed: false };
        entry.connection = { ...created.connection, close: () => ((entry.closed = true), created.connection.close()) };
        finished.push(created.drop);
        kept = entry;
      }
      installConnection(kept.connection);
      return { connection: kept.connection, drop: async () => installConnection(undefined) };
    },
    async close() {
      await Promise.all(finished.splice(0).map((finish) => finish()));
    },
  };
}

/** Gives every test in the file a fresh database of its own; returns a getter for it. */
export function freshDatabasePerTest(): () => Connection {
  let current: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  const database = reusedDatabase();
  beforeEach(async () => {
    current = await database.take();
  });
  afterEach(async () => {
    await current?.drop();
    current = undefined;
  });
  afterAll(async () => {
    await database.close();
  });
  return () => {
    if (!current) throw new Error('freshDatabasePerTest: no database outside a test');
    return current.connection;
  };
}
