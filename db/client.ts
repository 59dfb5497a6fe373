import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { Pool } from 'pg';
import { dataDir, env, isBuildPhase } from '@/lib/env';
import { acquireDataDirLock } from './lock';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Engine = 'pglite' | 'postgres';

export interface Connection {
  db: Database;
  engine: Engine;
  close(): Promise<void>;
  /** PGlite only: a snapshot of the whole data directory (tests load it to skip migrating). */
  dumpDataDir?: () => Promise<Blob>;
}

export type ConnectionOptions =
  | { engine: 'postgres'; url: string; max?: number }
  | { engine: 'pglite'; dataDir?: string; loadDataDir?: Blob }; // no dataDir: in memory (tests)

export function openConnection(options: ConnectionOptions): Connection {
  if (options.engine === 'postgres') {
    const pool = new Pool({ connectionString: options.url, max: options.max ?? 10 });
    let closing = false;
    // An idle client whose server connection drops emits 'error'; unheard, it would end the process.
    pool.on('error', (error) => {
      if (!closing) console.error(`PostgreSQL connection lost: ${error.message}`);
    });
    return {
      db: drizzlePostgres(pool, { schema }) as unknown as Database,
      engine: 'postgres',
      close: async () => {
        if (closing) return; // closing twice is harmless, as on PGlite
        closing = true;
        await pool.end();
      },
    };
  }
  if (!options.dataDir) {
    const client = new PGlite({ loadDataDir: options.loadDataDir });
    return {
      db: drizzlePglite(client, { schema }) as unknown as Database,
      engine: 'pglite',
      close: async () => {
        if (!client.closed) await client.close();
      },
      dumpDataDir: async () => (await client.dumpDataDir('none')) as Blob,
    };
  }
  const dir = options.dataDir;
  const release = acquireDataDirLock(dir);
  try {
    const pgdata = path.join(dir, 'pglite');
    if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0 && !fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
      throw new Error(`${pgdata} exists but is not a Masthead database (no PG_VERSION). Point DATA_DIR elsewhere.`);
    }
    // Durability: on Node, PGlite's NodeFS writes straight through to the files (nothing to sync later),
    // and synchronous_commit stays on, so a commit has reached the operating system when it returns — it
    // survives the process being killed (db/durability.test.ts). `relaxedDurability: true` would only let
    // the browser file systems acknowledge before their sync; keep it off. Power loss is another matter:
    // PGlite runs with fsync off, so a machine that must survive one uses PostgreSQL (DATABASE_URL).
    // PostgreSQL's default 128 MB buffer pool is memory PGlite's WebAssembly heap takes at start and never
    // gives back; 32 MB holds the demo magazine many times over, and the server's caches (Next's and
    // the page cache) keep reads off the database anyway.
    const client = new PGlite(pgdata, { relaxedDurability: false, startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'] });
    return {
      db: drizzlePglite(client, { schema }) as unknown as Database,
      engine: 'pglite',
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** The configured engine: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export function configuredConnection(): ConnectionOptions {
  const { DATABASE_URL } = env();
  return DATABASE_URL ? { engine: 'postgres', url: DATABASE_URL } : { engine: 'pglite', dataDir: dataDir() };
}

// One connection per process, kept on globalThis so dev reloads and Next's module copies share it.
const holder = globalThis as typeof globalThis & { __mastheadConnection?: Connection };

export function connection(): Connection {
  if (isBuildPhase()) throw new Error('The database is not available during `next build`.');
  holder.__mastheadConnection ??= openConnection(configuredConnection());
  return holder.__mastheadConnection;
}

export function getDb(): Database {
  return connection().db;
}

/** Tests and the CLI install their own connection. */
export function installConnection(next: Connection | undefined): void {
  holder.__mastheadConnection = next;
}

export async function closeConnection(): Promise<void> {
  const current = holder.__mastheadConnection;
  holder.__mastheadConnection = undefined;
  await current?.close();
}

/** Raw SQL rows, the same on both engines (node-postgres and PGlite both answer `{ rows }`). */
export async function selectRows<T>(db: Database | Transaction, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
