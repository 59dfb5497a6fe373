import 'server-only';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Connection } from './client';

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
// Any constant: every instance that starts at once waits on the same PostgreSQL advisory lock.
const MIGRATION_LOCK = 4_242_001;

/** Applies pending drizzle-kit migrations; safe to call from several instances at once. */
export async function migrateDatabase(connection: Connection): Promise<void> {
  if (connection.engine === 'pglite') {
    await migratePglite(connection.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const db = connection.db as unknown as NodePgDatabase;
  await db.transaction(async (tx) => {
    // Transaction-scoped: released on commit, even if this process dies mid-way.
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await migratePostgres(tx as unknown as NodePgDatabase, { migrationsFolder });
  });
}
