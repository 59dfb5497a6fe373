import 'server-only';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql, type SQL } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { z } from 'zod';
import { selectRows, type Connection, type Transaction } from './client';

// A backup is one gzip'd NDJSON file, written and read as a stream so no table is ever held in memory:
//   {"format":"masthead-backup","version":1,…header: migration level, tables, sequences, media}
//   {"table":"users","columns":[…],"rows":N}   then N lines, each one row as PostgreSQL's row_to_json wrote it
//   {"media":"<name>","bytes":B}              then base64 lines of at most CHUNK bytes each
//   {"end":true,"checksums":{…}}              a backup without this line was cut short and is refused
// Rows are copied as the database's own JSON text (never parsed in JavaScript), so timestamps keep their
// microseconds, booleans stay booleans and jsonb stays exactly what it was. json/jsonb columns travel as
// text: row_to_json alone cannot tell a JSON null from an SQL NULL. Generated columns (the search tsvector)
// are left out and recomputed by the database on restore.

export const BACKUP_FORMAT = 'masthead-backup';
export const BACKUP_VERSION = 1;
const MEDIA_CHUNK = 48 * 1024; // a multiple of 3: every line is whole base64
const FETCH_ROWS = 500;
const INSERT_ROWS = 1_000;
const INSERT_BYTES = 1024 * 1024;

export const defaultMigrationsFolder = () => path.join(process.cwd(), 'db', 'migrations');

export interface BackupProgress {
  phase: 'tables' | 'media' | 'checks';
  done: number;
  total: number;
}

interface Column {
  name: string;
  type: string;
}

interface TableInfo {
  name: string;
  columns: Column[];
  primaryKey: string[];
}

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: 'not a Masthead backup' }),
  version: z.number().int(),
  created: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  migrations: z.object({ level: z.number().int().min(0), hash: z.string().nullable(), when: z.number().nullable() }),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.object({ name: z.string(), type: z.string() })), rows: z.number().int().min(0) })),
  sequences: z.array(z.object({ table: z.string(), column: z.string(), value: z.number().int().nullable() })),
  media: z.object({ files: z.number().int().min(0), bytes: z.number().int().min(0) }),
});
export type BackupHeader = z.infer<typeof headerSchema>;

const tableLine = z.object({ table: z.string(), columns: z.array(z.string()), rows: z.number().int().min(0) });
const mediaLine = z.object({ media: z.string(), bytes: z.number().int().min(0) });
const endLine = z.object({ end: z.literal(true), checksums: z.record(z.string(), z.object({ rows: z.number(), checksum: z.string() })) });

/** A refusal the operator can act on: printed as one line by the CLI. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const ident = (name: string): SQL => sql`${sql.identifier(name)}`;
const table = (name: string) => sql`${ident('public')}.${ident(name)}`;
const list = (parts: SQL[]) => sql.join(parts, sql`, `);
const isJson = (type: string) => type === 'json' || type === 'jsonb';

// ---------------------------------------------------------------------------------------------------------
// Catalog

async function tablesOf(db: Connection['db'] | Transaction): Promise<TableInfo[]> {
  const columns = await selectRows<{ table: string; column: string; type: string }>(
    db,
    sql`select c.relname as "table", a.attname as "column", format_type(a.atttypid, a.atttypmod) as "type"
        from pg_attribute a join pg_class c on c.oid = a.attrelid
        where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0
          and not a.attisdropped and a.attgenerated = ''
        order by c.relname, a.attnum`,
  );
  const keys = await selectRows<{ table: string; column: string }>(
    db,
    sql`select c.relname as "table", a.attname as "column"
        from pg_constraint k join pg_class c on c.oid = k.conrelid
        cross join lateral unnest(k.conkey) with ordinality as key(attnum, position)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = key.attnum
        where k.contype = 'p' and c.relnamespace = 'public'::regnamespace
        order by c.relname, key.position`,
  );
  const tables = new Map<string, TableInfo>();
  for (const { table: name, column, type } of columns) {
    let info = tables.get(name);
    if (!info) tables.set(name, (info = { name, columns: [], primaryKey: [] }));
    info.columns.push({ name: column, type });
  }
  for (const { table: name, column } of keys) tables.get(name)?.primaryKey.push(column);
  return [...tables.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The sequences behind serial and identity columns, with the value each has reached. */
async function sequencesOf(db: Connection['db'] | Transaction) {
  const owned = await selectRows<{ sequence: string; table: string; column: string }>(
    db,
    sql`select s.relname as "sequence", t.relname as "table", a.attname as "column"
        from pg_class s
        join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')
        join pg_class t on t.oid = d.refobjid
        join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
        where s.relkind = 'S' and s.relnamespace = 'public'::regnamespace
        order by t.relname, a.attname`,
  );
  const result: Array<{ sequence: string; table: string; column: string; value: number | null }> = [];
  for (const entry of owned) {
    const [state] = await selectRows<{ last_value: string; is_called: boolean }>(db, sql`select last_value, is_called from ${table(entry.sequence)}`);
    result.push({ ...entry, value: state?.is_called ? Number(state.last_value) : null });
  }
  return result;
}

/** The rows of a table as the backup carries them: generated columns left out, JSON as its text. */
function exportSelect(info: { name: string; columns: Column[] }): SQL {
  const columns = info.columns.map(({ name, type }) => (isJson(type) ? sql`${ident(name)}::text as ${ident(name)}` : ident(name)));
  return sql`select ${list(columns)} from ${table(info.name)}`;
}

async function checksumOf(db: Transaction, info: { name: string; columns: Column[] }) {
  // Order-independent and constant in memory: the sum of each row's hash (its first 60 bits), with the count.
  const [row] = await selectRows<{ rows: number; checksum: string }>(
    db,
    sql`select count(*)::int as rows,
               coalesce(sum(('x' || substr(md5(row_to_json(r)::text), 1, 15))::bit(60)::bigint::numeric), 0)::text as checksum
        from (${exportSelect(info)}) r`,
  );
  return { rows: row!.rows, checksum: row!.checksum };
}

async function migrationLevel(db: Connection['db'] | Transaction): Promise<BackupHeader['migrations']> {
  const [exists] = await selectRows<{ found: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as found`);
  if (!exists?.found) return { level: 0, hash: null, when: null };
  const rows = await selectRows<{ level: number; hash: string | null; when: string | null }>(
    db,
    sql`select (select count(*)::int from drizzle.__drizzle_migrations) as level,
               (select hash from drizzle.__drizzle_migrations order by created_at desc limit 1) as hash,
               (select created_at::text from drizzle.__drizzle_migrations order by created_at desc limit 1) as "when"`,
  );
  const row = rows[0]!;
  return { level: row.level, hash: row.hash, when: row.when === null ? null : Number(row.when) };
}

/** Row count and content checksum of every table: equal before a backup and after its restore. */
export async function tableChecksums(connection: Connection): Promise<Record<string, { rows: number; checksum: string }>> {
  return connection.db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone to 'UTC'`);
    const result: Record<string, { rows: number; checksum: string }> = {};
    for (const info of await tablesOf(tx)) result[info.name] = await checksumOf(tx, info);
    return result;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Media files

async function mediaFiles(dir: string): Promise<Array<{ name: string; bytes: number }>> {
  const found: Array<{ name: string; bytes: number }> = [];
  async function walk(relative: string) {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(path.join(dir, relative), { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(name);
      else if (entry.isFile()) found.push({ name, bytes: (await fs.promises.stat(path.join(dir, name))).size });
    }
  }
  await walk('');
  return found;
}

/** A media name from a backup, accepted only if it stays inside the media directory. */
function safeMediaPath(dir: string, name: string): string {
  const parts = name.split('/');
  if (!name || parts.some((part) => !part || part === '.' || part === '..' || part.includes('\\') || part.includes('\0'))) {
    throw new BackupError(`the backup names a media file outside the media folder (${JSON.stringify(name.slice(0, 80))}); refusing it.`);
  }
  return path.join(dir, ...parts);
}

// ---------------------------------------------------------------------------------------------------------
// Backup

export interface BackupSummary {
  file: string;
  bytes: number;
  tables: number;
  rows: number;
  media: { files: number; bytes: number };
  migrationLevel: number;
}

/**
 * Writes one consistent snapshot of every table, the media files and the migration level to `file`.
 * One REPEATABLE READ, read-only transaction: on PostgreSQL the servers keep running and writing meanwhile.
 * The file appears under its name only once complete.
 */
export async function writeBackup(
  connection: Connection,
  file: string,
  options: { mediaDir: string; onProgress?: (progress: BackupProgress) => void; now?: Date },
): Promise<BackupSummary> {
  const target = path.resolve(file);
  const partial = `${target}.partial-${process.pid}`;
  const gzip = createGzip({ level: 6 });
  const written = pipeline(gzip, fs.createWriteStream(partial, { flags: 'wx' }));
  written.catch(() => {}); // awaited below; a write error also surfaces through write()
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    const summary = await connection.db.transaction(
      async (tx) => {
        // JSON timestamps are written in the session's zone: UTC makes backups and checksums engine-neutral.
        await tx.execute(sql`set local timezone to 'UTC'`);
        const tables = await tablesOf(tx);
        const counts = new Map<string, number>();
        for (const info of tables) {
          const [row] = await selectRows<{ n: number }>(tx, sql`select count(*)::int as n from ${table(info.name)}`);
          counts.set(info.name, row!.n);
        }
        const sequences = await sequencesOf(tx);
        const files = await mediaFiles(options.mediaDir);
        const media = { files: files.length, bytes: files.reduce((sum, f) => sum + f.bytes, 0) };
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          created: (options.now ?? new Date()).toISOString(),
          engine: connection.engine,
          migrations: await migrationLevel(tx),
          tables: tables.map((info) => ({ name: info.name, columns: info.columns, rows: counts.get(info.name)! })),
          sequences: sequences.map(({ table: t, column, value }) => ({ table: t, column, value })),
          media,
        };
        await write(JSON.stringify(header));

        const totalRows = [...counts.values()].reduce((a, b) => a + b, 0);
        let done = 0;
        options.onProgress?.({ phase: 'tables', done, total: totalRows });
        for (const info of tables) {
          await write(JSON.stringify({ table: info.name, columns: info.columns.map((c) => c.name), rows: counts.get(info.name) }));
          const order = info.primaryKey.length ? sql` order by ${list(info.primaryKey.map((c) => sql`r.${ident(c)}`))}` : sql``;
          // A cursor streams the table in pages: neither driver holds more than FETCH_ROWS rows at once.
          await tx.execute(sql`declare masthead_backup no scroll cursor for select row_to_json(r)::text as j from (${exportSelect(info)}) r${order}`);
          let read = 0;
          for (;;) {
            const rows = await selectRows<{ j: string }>(tx, sql.raw(`fetch ${FETCH_ROWS} from masthead_backup`));
            for (const { j } of rows) await write(j);
            read += rows.length;
            done += rows.length;
            options.onProgress?.({ phase: 'tables', done, total: totalRows });
            if (rows.length < FETCH_ROWS) break;
          }
          await tx.execute(sql`close masthead_backup`);
          // Written inside the snapshot, so the counts cannot have moved; checked all the same.
          if (read !== counts.get(info.name)) throw new Error(`${info.name}: counted ${counts.get(info.name)} rows but read ${read}`);
        }

        let mediaDone = 0;
        options.onProgress?.({ phase: 'media', done: 0, total: media.bytes });
        for (const entry of files) {
          const handle = await fs.promises.open(path.join(options.mediaDir, entry.name), 'r');
          try {
            // The size may have changed since the listing (PostgreSQL: servers still run): say what was read.
            const { size } = await handle.stat();
            await write(JSON.stringify({ media: entry.name, bytes: size }));
            const buffer = Buffer.alloc(MEDIA_CHUNK);
            let position = 0;
            while (position < size) {
              const { bytesRead } = await handle.read(buffer, 0, Math.min(MEDIA_CHUNK, size - position), position);
              if (bytesRead === 0) throw new Error(`${entry.name} shrank while it was being read`);
              await write(buffer.subarray(0, bytesRead).toString('base64'));
              position += bytesRead;
              mediaDone += bytesRead;
              options.onProgress?.({ phase: 'media', done: mediaDone, total: media.bytes });
            }
          } finally {
            await handle.close();
          }
        }

        const checksums: Record<string, { rows: number; checksum: string }> = {};
        for (const info of tables) checksums[info.name] = await checksumOf(tx, info);
        await write(JSON.stringify({ end: true, checksums }));
        return { tables: tables.length, rows: totalRows, media, migrationLevel: header.migrations.level };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    gzip.end();
    await written;
    await fs.promises.rename(partial, target);
    return { file: target, bytes: (await fs.promises.stat(target)).size, ...summary };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    await fs.promises.rm(partial, { force: true });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reading a backup

/** The file's lines, decompressed as they are read. */
async function* backupLines(file: string): AsyncGenerator<string> {
  let input: fs.ReadStream;
  try {
    await fs.promises.access(file, fs.constants.R_OK);
    input = fs.createReadStream(file);
  } catch {
    throw new BackupError(`cannot read ${file}: no such file, or not readable.`);
  }
  const gunzip = createGunzip();
  gunzip.setEncoding('utf8');
  const done = pipeline(input, gunzip);
  done.catch(() => {}); // its errors reach the loop below through gunzip
  let pending = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      pending += chunk;
      let start = 0;
      for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
        yield pending.slice(start, end);
        start = end + 1;
      }
      pending = pending.slice(start);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') throw new BackupError(`${file} is not a Masthead backup, or it is damaged (${(error as Error).message}).`);
    throw error;
  } finally {
    gunzip.destroy();
  }
  if (pending) yield pending;
}

function parseLine<S extends z.ZodType>(schema: S, line: string | undefined, what: string, file: string): z.output<S> {
  let value: unknown;
  try {
    value = line === undefined ? undefined : JSON.parse(line);
  } catch {
    value = undefined;
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new BackupError(`${file} is damaged or cut short: expected ${what}.`);
  return result.data;
}

/** The header of a backup file: what it holds and from which schema level. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = backupLines(file);
  try {
    const first = await lines.next();
    let value: unknown;
    try {
      value = first.done ? undefined : JSON.parse(first.value);
    } catch {
      value = undefined;
    }
    const result = headerSchema.safeParse(value);
    if (!result.success) throw new BackupError(`${file} is not a Masthead backup (no valid header).`);
    if (result.data.version > BACKUP_VERSION) {
      throw new BackupError(`${file} is a version ${result.data.version} backup; this Masthead reads version ${BACKUP_VERSION}. Upgrade Masthead first.`);
    }
    return result.data;
  } finally {
    await lines.return(undefined);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Restore

interface Migration {
  sql: string[];
  folderMillis: number;
  hash: string;
}

/** The schema level a backup was made at, as the migrations this code knows; refuses a newer schema. */
function migrationsUpTo(header: BackupHeader, migrationsFolder: string): Migration[] {
  const known = readMigrationFiles({ migrationsFolder }) as Migration[];
  const { level, when } = header.migrations;
  if (level === 0) return [];
  const index = known.findIndex((migration) => migration.folderMillis === when);
  if (level > known.length || index === -1 || index + 1 !== level) {
    throw new BackupError(
      `this backup comes from a newer Masthead: its database schema is at level ${level}, this version knows ${known.length}. ` +
        'Upgrade Masthead, then restore.',
    );
  }
  return known.slice(0, level);
}

export interface RestoreOptions {
  mediaDir: string;
  /** Wipe a database (and media folder) that already holds data. Without it, those are refused. */
  force?: boolean;
  migrationsFolder?: string;
  onProgress?: (progress: BackupProgress) => void;
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  media: { files: number; bytes: number };
  migrationLevel: number;
  wiped: boolean;
}

/** What the database and media folder hold, for the refusal message; empty when there is nothing. */
export async function existingContent(connection: Connection, mediaDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const info of await tablesOf(connection.db)) {
    const [row] = await selectRows<{ n: number }>(connection.db, sql`select count(*)::int as n from ${table(info.name)}`);
    if (row!.n > 0) found.push(`${row!.n} ${info.name}`);
  }
  const files = await mediaFiles(mediaDir);
  if (files.length) found.push(`${files.length} media files`);
  return found;
}

/** Drops what Masthead's migrations create, so they can run again from the start. */
async function wipeSchema(tx: Transaction) {
  const tables = await selectRows<{ name: string }>(tx, sql`select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p', 'v', 'm')`);
  for (const { name } of tables) {
    const [kind] = await selectRows<{ relkind: string }>(tx, sql`select relkind from pg_class where relnamespace = 'public'::regnamespace and relname = ${name}`);
    if (!kind) continue; // dropped with an earlier one
    const what = kind.relkind === 'v' ? sql`view` : kind.relkind === 'm' ? sql`materialized view` : sql`table`;
    await tx.execute(sql`drop ${what} if exists ${table(name)} cascade`);
  }
  const sequences = await selectRows<{ name: string }>(tx, sql`select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind = 'S'`);
  for (const { name } of sequences) await tx.execute(sql`drop sequence if exists ${table(name)} cascade`);
  const functions = await selectRows<{ signature: string }>(tx, sql`select p.oid::regprocedure::text as signature from pg_proc p where p.pronamespace = 'public'::regnamespace`);
  for (const { signature } of functions) await tx.execute(sql.raw(`drop function if exists ${signature} cascade`));
  // Left once the tables are gone: enums, domains, ranges and standalone composite types.
  const types = await selectRows<{ name: string }>(tx, sql`select typname as name from pg_type where typnamespace = 'public'::regnamespace and typtype in ('e', 'd', 'r', 'c')`);
  for (const { name } of types) await tx.execute(sql`drop type if exists ${table(name)} cascade`);
  await tx.execute(sql`drop table if exists drizzle.__drizzle_migrations`);
}

/** Applies migrations the way drizzle's migrator does, but inside our transaction. */
async function applyMigrations(tx: Transaction, migrations: Migration[]) {
  await tx.execute(sql`create schema if not exists drizzle`);
  await tx.execute(sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`);
  for (const migration of migrations) {
    for (const statement of migration.sql) if (statement.trim()) await tx.execute(sql.raw(statement));
    await tx.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`);
  }
}

/**
 * Restores a backup into an empty database (or, with `force`, one whose content is wiped first), at the
 * backup's schema level, then migrates it to this code's level. Everything in the database happens in one
 * transaction: a damaged or cut-short file, a checksum that does not match, or any error leaves the
 * database as it was. Media files are unpacked beside the media folder and moved in after the commit.
 */
export async function restoreBackup(connection: Connection, file: string, options: RestoreOptions): Promise<RestoreSummary> {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const header = await readBackupHeader(file);
  const migrations = migrationsUpTo(header, migrationsFolder);

  const existing = await existingContent(connection, options.mediaDir);
  if (existing.length && !options.force) {
    throw new BackupError(
      `the database is not empty (${existing.slice(0, 4).join(', ')}${existing.length > 4 ? ', …' : ''}). ` +
        'Restore into an empty DATA_DIR or database, or add --force to replace everything in it.',
    );
  }

  const staging = `${options.mediaDir}.restoring-${process.pid}`;
  await fs.promises.rm(staging, { recursive: true, force: true });
  const totalRows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  try {
    await connection.db.transaction(async (tx) => {
      await tx.execute(sql`set local timezone to 'UTC'`);
      // Even an "empty" database may be at another schema level: start from nothing, at the backup's level.
      await wipeSchema(tx);
      await applyMigrations(tx, migrations);

      const tables = new Map((await tablesOf(tx)).map((info) => [info.name, info]));
      const foreignKeys = await selectRows<{ table: string; name: string; definition: string }>(
        tx,
        sql`select c.relname as "table", k.conname as name, pg_get_constraintdef(k.oid) as definition
            from pg_constraint k join pg_class c on c.oid = k.conrelid
            where k.contype = 'f' and c.relnamespace = 'public'::regnamespace`,
      );
      // Rows go in table by table, in any order: foreign keys come back (and are checked) at the end.
      for (const key of foreignKeys) await tx.execute(sql`alter table ${table(key.table)} drop constraint ${ident(key.name)}`);

      const lines = backupLines(file);
      const next = async () => {
        const line = await lines.next();
        return line.done ? undefined : line.value;
      };
      try {
        await next(); // the header, read above
        let done = 0;
        options.onProgress?.({ phase: 'tables', done, total: totalRows });
        const restoredTables: string[] = [];
        let line = await next();
        for (;;) {
          if (line === undefined || !line.startsWith('{"table"')) break;
          const section = parseLine(tableLine, line, 'a table', file);
          const info = tables.get(section.table);
          if (!info) throw new BackupError(`${file} holds a table "${section.table}" that schema level ${header.migrations.level} does not have.`);
          const types = new Map(info.columns.map((c) => [c.name, c.type]));
          for (const column of section.columns) {
            if (!types.has(column)) throw new BackupError(`${file}: table ${section.table} has no column "${column}" at this schema level.`);
          }
          // json_to_recordset turns the row JSON into typed columns; JSON columns arrive as text and are cast.
          const definitions = list(section.columns.map((c) => sql`${ident(c)} ${sql.raw(isJson(types.get(c)!) ? 'text' : types.get(c)!)}`));
          const values = list(section.columns.map((c) => (isJson(types.get(c)!) ? sql`${ident(c)}::${sql.raw(types.get(c)!)}` : ident(c))));
          const insert = (batch: string[]) =>
            tx.execute(
              sql`insert into ${table(section.table)} (${list(section.columns.map(ident))}) overriding system value
                  select ${values} from json_to_recordset(${`[${batch.join(',')}]`}::json) as r(${definitions})`,
            );
          let batch: string[] = [];
          let batchBytes = 0;
          for (let i = 0; i < section.rows; i++) {
            const row = await next();
            if (row === undefined || !row.startsWith('{')) throw new BackupError(`${file} is cut short inside table ${section.table}.`);
            batch.push(row);
            batchBytes += row.length;
            if (batch.length >= INSERT_ROWS || batchBytes >= INSERT_BYTES) {
              await insert(batch);
              done += batch.length;
              options.onProgress?.({ phase: 'tables', done, total: totalRows });
              batch = [];
              batchBytes = 0;
            }
          }
          if (batch.length) await insert(batch);
          done += batch.length;
          options.onProgress?.({ phase: 'tables', done, total: totalRows });
          restoredTables.push(section.table);
          line = await next();
        }

        let mediaDone = 0;
        let mediaFilesDone = 0;
        options.onProgress?.({ phase: 'media', done: 0, total: header.media.bytes });
        await fs.promises.mkdir(staging, { recursive: true });
        while (line !== undefined && line.startsWith('{"media"')) {
          const entry = parseLine(mediaLine, line, 'a media file', file);
          const destination = safeMediaPath(staging, entry.media);
          await fs.promises.mkdir(path.dirname(destination), { recursive: true });
          const out = fs.createWriteStream(destination, { flags: 'wx' });
          const closed = once(out, 'close');
          let received = 0;
          try {
            while (received < entry.bytes) {
              const chunk = await next();
              if (chunk === undefined || chunk.startsWith('{')) throw new BackupError(`${file} is cut short inside media file ${entry.media}.`);
              const bytes = Buffer.from(chunk, 'base64');
              received += bytes.length;
              if (!out.write(bytes)) await once(out, 'drain');
              mediaDone += bytes.length;
              options.onProgress?.({ phase: 'media', done: mediaDone, total: header.media.bytes });
            }
          } finally {
            out.end();
            await closed;
          }
          if (received !== entry.bytes) throw new BackupError(`${file} is damaged: media file ${entry.media} has the wrong size.`);
          mediaFilesDone++;
          line = await next();
        }

        const end = parseLine(endLine, line, 'its end marker', file);
        if (restoredTables.length !== header.tables.length) throw new BackupError(`${file} is damaged: ${restoredTables.length} of ${header.tables.length} tables.`);
        options.onProgress?.({ phase: 'checks', done: 0, total: restoredTables.length });
        // The restored rows must read back exactly as the backup's own checksums say.
        let checked = 0;
        for (const name of restoredTables) {
          const expected = end.checksums[name];
          const actual = await checksumOf(tx, { name, columns: header.tables.find((t) => t.name === name)?.columns ?? [] });
          if (!expected || expected.rows !== actual.rows || expected.checksum !== actual.checksum) {
            throw new BackupError(`${file}: table ${name} does not match the backup's checksum after restoring (${actual.rows} rows); nothing was restored.`);
          }
          options.onProgress?.({ phase: 'checks', done: ++checked, total: restoredTables.length });
        }
        if (mediaFilesDone !== header.media.files) throw new BackupError(`${file} is damaged: ${mediaFilesDone} of ${header.media.files} media files.`);

        for (const key of foreignKeys) {
          await tx.execute(sql`alter table ${table(key.table)} add constraint ${ident(key.name)} ${sql.raw(key.definition)}`);
        }
        // Sequences continue after the highest id restored, or where the backup's had got to if further.
        const recorded = new Map(header.sequences.map((s) => [`${s.table}.${s.column}`, s.value]));
        for (const sequence of await sequencesOf(tx)) {
          const [row] = await selectRows<{ max: string | null }>(tx, sql`select max(${ident(sequence.column)})::text as max from ${table(sequence.table)}`);
          const value = Math.max(Number(row?.max ?? 0), recorded.get(`${sequence.table}.${sequence.column}`) ?? 0);
          const name = `"public"."${sequence.sequence.replace(/"/g, '""')}"`;
          if (value > 0) await tx.execute(sql`select setval(${name}::regclass, ${value}, true)`);
          else await tx.execute(sql`select setval(${name}::regclass, 1, false)`);
        }
      } finally {
        await lines.return(undefined);
      }
    });
  } catch (error) {
    await fs.promises.rm(staging, { recursive: true, force: true });
    throw error;
  }

  // Committed: the media folder becomes the backup's.
  await fs.promises.rm(options.mediaDir, { recursive: true, force: true });
  await fs.promises.mkdir(path.dirname(options.mediaDir), { recursive: true });
  await fs.promises.rename(staging, options.mediaDir);
  return {
    tables: header.tables.length,
    rows: totalRows,
    media: header.media,
    migrationLevel: header.migrations.level,
    wiped: existing.length > 0,
  };
}
