import 'server-only';
import { closeConnection, connection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { isEmpty, seedDemo } from '@/db/seed/demo';
import { isBuildPhase } from './env';
import { startScheduler } from './scheduler';

/**
 * Runs once per server process before the first request: opens the database (taking the PGlite
 * lock), applies migrations, seeds the demo magazine into an empty database and prints its logins.
 */
export async function prepareDatabase(): Promise<void> {
  const conn = connection();
  await migrateDatabase(conn);
  if (await isEmpty(conn.db)) {
    // MASTHEAD_DEMO_PASSWORD gives every demo account one known password: for tests and demos only.
    const { logins, stories } = await seedDemo(conn.db, { password: process.env.MASTHEAD_DEMO_PASSWORD || undefined });
    console.log(`Seeded the demo magazine: ${stories} stories. Staff sign in at /login (passwords are shown only now):`);
    for (const login of logins) console.log(`demo login: ${login.role} ${login.email} ${login.password}`);
  }
  const stopScheduler = startScheduler();
  let closing = false;
  const close = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    stopScheduler();
    closeConnection().finally(() => process.kill(process.pid, signal));
  };
  // Close PGlite cleanly (flushes its files, frees the lock) and then let the signal end the process.
  process.once('SIGTERM', () => close('SIGTERM'));
  process.once('SIGINT', () => close('SIGINT'));
}

/** instrumentation.ts calls this: a database that cannot be opened stops the server with one line. */
export async function startServer(): Promise<void> {
  if (isBuildPhase()) return;
  try {
    await prepareDatabase();
  } catch (error) {
    // A locked, corrupt or unreachable database: say why in one line, then stop.
    console.error(`Masthead cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
