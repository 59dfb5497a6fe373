import 'server-only';
import { closeConnection, connection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { isEmpty, seedDemo } from '@/db/seed/demo';
import { isBuildPhase } from './env';
import { followOtherInstances } from './cache-tags';
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
  const stopFollowing = followOtherInstances();
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      stopScheduler();
      stopFollowing();
      await closeConnection(); // PGlite: a clean checkpoint, and the lock file goes
    })();
    return closing;
  };
  const shared = globalThis as typeof globalThis & { __mastheadManagedShutdown?: boolean; __mastheadShutdown?: () => Promise<void> };
  if (shared.__mastheadManagedShutdown) {
    // scripts/server.mjs calls this once the last request in flight has finished.
    shared.__mastheadShutdown = close;
    return;
  }
  // `next dev` and `next start`: close on the signal, then let the signal end the process.
  const onSignal = (signal: NodeJS.Signals) => void close().finally(() => process.kill(process.pid, signal));
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}

/** instrumentation.ts calls this: a database that cannot be opened stops the server with one line. */
export async function startServer(): Promise<void> {
  if (isBuildPhase()) return;
  try {
    await prepareDatabase();
  } catch (error) {
    // A locked, corrupt or unreachable database: say why in one plain line (for the person starting it,
    // not a log line), then stop.
    process.stderr.write(`Masthead cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
