import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { afterEach, beforeEach } from 'vitest';
import { closeConnection, openConnection, installConnection, type Connection } from '@/db/client';
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

/** Gives every test in the file a fresh database of its own; returns a getter for it. */
export function freshDatabasePerTest(): () => Connection {
  let current: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeEach(async () => {
    current = await createTestDatabase();
  });
  afterEach(async () => {
    await current?.drop();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('freshDatabasePerTest: no database outside a test');
    return current.connection;
  };
}
