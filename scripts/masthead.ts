// `npm run masthead -- <command>`: the operator's command line. Parses and validates arguments, opens the
// configured database, calls lib/ and db/seed/, prints the outcome. Domain modules are imported lazily:
// bad arguments and --help answer without loading the database drivers.
//
// Run as `node --conditions=react-server --import tsx scripts/masthead.ts`: lib/ imports 'server-only',
// which only loads under the react-server condition; and the `tsx` launcher would SIGKILL us on Ctrl-C
// while PGlite is busy (it waits 30 ms for the child to answer), where we want to stop between batches.
import { Command, CommanderError } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { z } from 'zod';
import type { Connection } from '@/db/client';
import { DataDirLockedError } from '@/db/lock';

/** A mistake in the command line: printed as one line, exit code 2 like other usage errors. */
class UsageError extends Error {}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(result.error.issues[0]?.message ?? 'Invalid arguments.');
  return result.data;
}

const wholeNumber = (flag: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${flag} must be a whole number, like ${Math.max(min, 1) * 100}.`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `${flag} must be at least ${min}.`)
        .max(max, `${flag} can be at most ${max.toLocaleString('en')}.`),
    );

const bulkArgs = z.object({
  articles: wholeNumber('--articles', 1, 10_000_000),
  comments: wholeNumber('--comments', 0, 100_000_000).default(0),
  seed: wholeNumber('--seed', 0, 2 ** 32 - 1).optional(),
});

const number = new Intl.NumberFormat('en');

async function withDatabase<T>(run: (connection: Connection) => Promise<T>): Promise<T> {
  const { closeConnection, configuredConnection, openConnection, installConnection } = await import('@/db/client');
  const { migrateDatabase } = await import('@/db/migrate');
  const connection = openConnection(configuredConnection());
  installConnection(connection);
  try {
    // Every command works on a fresh install: the same idempotent migrations the server applies at start.
    await migrateDatabase(connection);
    return await run(connection);
  } finally {
    await closeConnection();
  }
}

function printLogins(logins: Array<{ role: string; email: string; password: string }>) {
  if (logins.length) console.log('Staff sign in at /login (passwords are shown only now):');
  for (const login of logins) console.log(`demo login: ${login.role} ${login.email} ${login.password}`);
}

/** One bar per phase on stderr; cli-progress stays silent when stderr is not a terminal. */
function progressBars() {
  let bar: SingleBar | undefined;
  let phase = '';
  return {
    update({ phase: next, done, total }: { phase: string; done: number; total: number }) {
      if (next !== phase) {
        bar?.stop();
        phase = next;
        bar = new SingleBar({ format: `${next.padEnd(9)} {bar} {percentage}% | {value}/{total} | ETA {eta_formatted}`, hideCursor: true }, Presets.shades_classic);
        bar.start(total, done);
      } else bar?.update(done);
    },
    stop: () => bar?.stop(),
  };
}

const program = new Command('masthead')
  .description('Operate a Masthead magazine: database, demo content, people.')
  .exitOverride()
  .configureOutput({ outputError: (message, write) => write(`masthead: ${message.replace(/^error: /, '')}`) });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    await withDatabase(async (connection) => {
      console.log(`The database is up to date (${connection.engine === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'}).`);
    });
  });

program
  .command('seed:demo')
  .description('add the demo magazine (sections, staff, stories); adds only what is missing')
  .action(async () => {
    const { seedDemo } = await import('@/db/seed/demo');
    await withDatabase(async ({ db }) => {
      const { logins, stories } = await seedDemo(db);
      console.log(stories || logins.length ? `Seeded the demo magazine: ${stories} stories.` : 'The demo magazine is already there: nothing to add.');
      printLogins(logins);
    });
  });

program
  .command('seed:bulk')
  .description('generate published stories and comments on top of the demo magazine')
  .requiredOption('--articles <n>', 'stories to generate')
  .option('--comments <m>', 'comments to spread over them (a few stories get many)')
  .option('--seed <n>', 'seed for the generated text (default: random)')
  .action(async (raw: Record<string, string | undefined>) => {
    const args = parse(bulkArgs, raw);
    const { seedBulk } = await import('@/db/seed/bulk');
    const started = performance.now();
    const bars = progressBars();
    const abort = new AbortController();
    const interrupt = () => {
      if (abort.signal.aborted) process.exit(130);
      bars.stop();
      console.error('masthead: stopping after the current batch (press Ctrl-C again to quit at once)…');
      abort.abort();
    };
    process.on('SIGINT', interrupt);
    try {
      const summary = await withDatabase(({ db }) => seedBulk(db, { ...args, onProgress: bars.update, signal: abort.signal }));
      bars.stop();
      if (summary.demo) {
        console.log(`The database was empty: seeded the demo magazine first (${summary.demo.stories} stories).`);
        printLogins(summary.demo.logins);
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      console.log(
        `${summary.interrupted ? 'Stopped early after adding' : 'Added'} ${number.format(summary.articles)} stories and ${number.format(summary.comments)} comments ` +
          `(${number.format(summary.readers)} new readers, ${summary.tags} tags) in ${seconds} s.`,
      );
      if (summary.busiest) console.log(`busiest story: ${summary.busiest.slug} (${number.format(summary.busiest.comments)} comments)`);
      if (summary.interrupted) process.exitCode = 130;
    } finally {
      bars.stop();
      process.off('SIGINT', interrupt);
    }
  });

program
  .command('user:add')
  .description('create an account (password from MASTHEAD_PASSWORD, or --password)')
  .requiredOption('--email <address>', 'email address (unique, any case)')
  .requiredOption('--name <name>', 'display name; the profile slug is made from it')
  .requiredOption('--role <role>', 'reader, contributor, author, editor or admin')
  .option('--password <password>', 'the password (8–128 characters); prefer MASTHEAD_PASSWORD: arguments show in the process list')
  .action(async (raw: { email: string; name: string; role: string; password?: string }) => {
    const users = await import('@/lib/users');
    const password = raw.password ?? process.env.MASTHEAD_PASSWORD;
    if (!password) throw new UsageError('user:add needs a password: set MASTHEAD_PASSWORD, or pass --password.');
    // Checked before the database is opened, so a typo costs nothing.
    const input = parse(users.newUserSchema, { ...raw, password });
    await withDatabase(async () => {
      const user = await users.createUser(input, { actor: { id: null, via: 'cli' } });
      console.log(`Added ${user.role} ${user.name} <${user.email}> (profile slug: ${user.slug}).`);
    });
  });

program
  .command('user:role')
  .description("change someone's role; ends their sessions")
  .requiredOption('--email <address>', 'whose role')
  .requiredOption('--role <role>', 'reader, contributor, author, editor or admin')
  .action(async (raw: { email: string; role: string }) => {
    const users = await import('@/lib/users');
    const input = parse(users.roleChangeSchema, { user: { email: raw.email }, role: raw.role });
    await withDatabase(async () => {
      const { user, previousRole } = await users.changeRole(input, { actor: { id: null, via: 'cli' } });
      console.log(`${user.email}: ${previousRole} → ${user.role}. Their sessions are ended; they sign in again.`);
    });
  });

program
  .command('user:ban')
  .description('suspend someone for --days N, or ban them for good; ends their sessions')
  .requiredOption('--email <address>', 'who')
  .option('--days <n>', 'suspend for this many days instead of banning permanently')
  .action(async (raw: { email: string; days?: string }) => {
    const users = await import('@/lib/users');
    const days = raw.days === undefined ? undefined : parse(wholeNumber('--days', 1, users.MAX_SUSPENSION_DAYS), raw.days);
    const input = parse(users.banSchema, { user: { email: raw.email }, days });
    await withDatabase(async () => {
      const user = await users.banUser(input, { actor: { id: null, via: 'cli' } });
      const what = user.suspendedUntil ? `suspended until ${user.suspendedUntil.toISOString()}` : 'banned permanently';
      console.log(`${user.email}: ${what}. Their sessions are ended.`);
    });
  });

program
  .command('user:unban')
  .description('lift a ban or suspension')
  .requiredOption('--email <address>', 'who')
  .action(async (raw: { email: string }) => {
    const users = await import('@/lib/users');
    const input = parse(users.userRefSchema, { email: raw.email });
    await withDatabase(async () => {
      const user = await users.unbanUser({ user: input }, { actor: { id: null, via: 'cli' } });
      console.log(`${user.email} is active again.`);
    });
  });

program
  .command('user:password')
  .description('set a new password (MASTHEAD_PASSWORD or --password, else one is generated and shown once); ends their sessions')
  .requiredOption('--email <address>', 'who')
  .option('--password <password>', 'the new password (8–128 characters); prefer MASTHEAD_PASSWORD')
  .action(async (raw: { email: string; password?: string }) => {
    const users = await import('@/lib/users');
    const input = parse(users.passwordResetSchema, { user: { email: raw.email }, password: raw.password ?? (process.env.MASTHEAD_PASSWORD || undefined) });
    await withDatabase(async () => {
      const { user, password, generated } = await users.resetPassword(input, { actor: { id: null, via: 'cli' } });
      console.log(generated ? `New password for ${user.email}: ${password}` : `Password changed for ${user.email}.`);
      console.log('Their sessions have ended.');
    });
  });

const backupArgs = z.object({
  out: z
    .string({ error: 'backup needs --out FILE: where to write the backup.' })
    .trim()
    .min(1, 'backup needs --out FILE: where to write the backup.'),
});

const restoreArgs = z.object({
  file: z.string().trim().min(1, 'restore needs the backup FILE to read.'),
  force: z.boolean().default(false),
});

/** Opens the configured database as it is, without migrating it: backup only reads, restore migrates itself. */
async function withRawDatabase<T>(run: (connection: Connection, mediaDir: string) => Promise<T>): Promise<T> {
  const { closeConnection, configuredConnection, openConnection, installConnection } = await import('@/db/client');
  const { mediaDir } = await import('@/lib/media');
  const connection = openConnection(configuredConnection());
  installConnection(connection);
  try {
    return await run(connection, mediaDir());
  } finally {
    await closeConnection();
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

program
  .command('backup')
  .description('write the whole magazine (every table, uploaded media, schema level) to one file; with PGlite, stop the server first')
  .requiredOption('--out <file>', 'the backup file to write (gzip’d JSON lines); an existing file is not overwritten')
  .action(async (raw: { out?: string }) => {
    const args = parse(backupArgs, raw);
    const fs = await import('node:fs');
    if (fs.existsSync(args.out)) throw new UsageError(`${args.out} already exists: choose another name, or delete it first.`);
    const { writeBackup } = await import('@/db/backup');
    const started = performance.now();
    const bars = progressBars();
    try {
      const summary = await withRawDatabase((connection, mediaDir) => writeBackup(connection, args.out, { mediaDir, onProgress: bars.update }));
      bars.stop();
      console.log(
        `Backed up ${number.format(summary.rows)} rows in ${summary.tables} tables and ${number.format(summary.media.files)} media files ` +
          `(schema level ${summary.migrationLevel}) to ${summary.file}: ${megabytes(summary.bytes)} in ${seconds(started)}.`,
      );
    } finally {
      bars.stop();
    }
  });

program
  .command('restore')
  .description('restore a backup into an empty DATA_DIR or database (--force replaces what is there); with PGlite, stop the server first')
  .argument('<file>', 'a file written by `masthead backup`')
  .option('--force', 'wipe a database and media folder that already hold data, then restore')
  .action(async (file: string, options: { force?: boolean }) => {
    const args = parse(restoreArgs, { file, force: options.force });
    const { readBackupHeader, restoreBackup } = await import('@/db/backup');
    // Read before the database is opened: a wrong file costs nothing.
    const header = await readBackupHeader(args.file);
    const { migrateDatabase } = await import('@/db/migrate');
    const started = performance.now();
    const bars = progressBars();
    try {
      const summary = await withRawDatabase(async (connection, mediaDir) => {
        const restored = await restoreBackup(connection, args.file, { mediaDir, force: args.force, onProgress: bars.update });
        bars.stop();
        // The backup's schema level may be older than this code's: bring it up to date as the server would.
        await migrateDatabase(connection);
        return restored;
      });
      console.log(
        `${summary.wiped ? 'Replaced everything with' : 'Restored'} the backup of ${header.created}: ${number.format(summary.rows)} rows in ` +
          `${summary.tables} tables and ${number.format(summary.media.files)} media files, in ${seconds(started)}.`,
      );
      console.log('Start the server (npm start) to serve the restored magazine.');
    } finally {
      bars.stop();
    }
  });

/** One line a person can act on, whatever went wrong: never a stack trace, never a query's parameters. */
function explain(error: unknown): string {
  if (error instanceof DataDirLockedError) {
    return (
      `the Masthead server is running on ${error.dir} (pid ${error.pid}) and holds the embedded database. ` +
      'Stop the server first, or set DATABASE_URL to use PostgreSQL, which both can share.'
    );
  }
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'BackupError') return error.message;
  if (/cannot be imported from a Client Component/.test(error.message)) {
    return 'run this through `npm run masthead -- …`: it needs Node\'s react-server condition (node --conditions=react-server --import tsx).';
  }
  // drizzle's DrizzleQueryError puts the SQL and its parameters (password hashes…) in its message: use the driver's.
  if (error.name === 'DrizzleQueryError' || error.message.startsWith('Failed query:')) {
    const cause = error.cause instanceof Error ? error.cause.message : 'the query failed';
    return `database error: ${cause}`;
  }
  if ('code' in error && error.code === 'ECONNREFUSED') return `cannot reach PostgreSQL (${error.message}). Is it running, and is DATABASE_URL right?`;
  return (error.message || error.name).split('\n')[0]!;
}

async function main() {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message already (or the help, with exit code 0).
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    console.error(`masthead: ${explain(error)}`);
    if (process.env.MASTHEAD_DEBUG) console.error(error);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}

void main();
