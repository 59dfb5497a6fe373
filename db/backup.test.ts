import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, selectRows, type Connection } from '@/db/client';
import { auditLog, commentReactions, comments, notifications, reports, settings, users } from '@/db/schema';
import { seedBulk } from '@/db/seed/bulk';
import { createTestDatabase, engine, freshDatabasePerTest } from '@/test/database';
import { migrateDatabase } from './migrate';
import { readBackupHeader, restoreBackup, tableChecksums, writeBackup } from './backup';

const database = freshDatabasePerTest();

/** The schema level this code migrates to: the number of migrations it ships. */
const level = (JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

let work: string;
let targets: Array<{ drop: () => Promise<void> }> = [];
beforeEach(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-backup-'));
});
afterEach(async () => {
  for (const target of targets) await target.drop();
  targets = [];
  fs.rmSync(work, { recursive: true, force: true });
});

/** A bare database on this project's engine beside the test's own: nothing migrated, nothing installed. */
async function emptyTarget(): Promise<Connection> {
  const target = await createTestDatabase({ install: false, migrate: false });
  targets.push(target);
  return target.connection;
}

/** A small magazine with a bit of everything the types must survive: jsonb nulls, microseconds, booleans. */
async function magazine(connection: Connection) {
  const { db } = connection;
  await seedBulk(db, { articles: 12, comments: 150, seed: 7, now: new Date('2026-06-01T12:00:00Z') });
  const [reader] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'reader')).limit(1);
  const [comment] = await db.select({ id: comments.id }).from(comments).limit(1);
  await db.insert(commentReactions).values({ commentId: comment!.id, userId: reader!.id });
  await db.insert(reports).values({ commentId: comment!.id, userId: reader!.id, reason: 'spam' });
  await db.insert(notifications).values({ userId: reader!.id, kind: 'reply', commentId: comment!.id });
  await db.update(comments).set({ editedAt: sql`'2026-06-02 10:11:12.345678+00'::timestamptz` }).where(eq(comments.id, comment!.id));
  await db.insert(settings).values([
    { key: 'comments.premoderation', value: true },
    { key: 'test.jsonNull', value: sql`'null'::jsonb` },
    { key: 'test.nested', value: { words: ['a', 'b'], n: 1.5, quote: 'say "hi" \u2603' } },
  ]);
  await db.insert(auditLog).values({ action: 'test', targetType: 'user', targetId: reader!.id, detail: { from: null, to: 'x' } });
  // A deleted row: the restored sequence must still not hand its id out again.
  const [gone] = await db.insert(users).values({ email: 'gone@example.com', name: 'Gone', slug: 'gone', passwordHash: 'x' }).returning({ id: users.id });
  await db.delete(users).where(eq(users.id, gone!.id));
  return { reader: reader!, deletedUserId: gone!.id };
}

function writeMedia(dir: string) {
  fs.mkdirSync(path.join(dir, 'nested'), { recursive: true });
  const big = Buffer.alloc(200_000);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
  fs.writeFileSync(path.join(dir, '0123456789abcdef0123456789abcdef.webp'), big);
  fs.writeFileSync(path.join(dir, 'nested', 'empty.bin'), Buffer.alloc(0));
  fs.writeFileSync(path.join(dir, 'small.webp'), Buffer.from('RIFF....WEBP'));
}

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = fs.readFileSync(full).toString('base64');
  }
  return out;
}

/** Rewrites a backup's first line (its header). */
function editHeader(file: string, out: string, edit: (header: Record<string, unknown>) => void) {
  const text = gunzipSync(fs.readFileSync(file)).toString('utf8');
  const newline = text.indexOf('\n');
  const header = JSON.parse(text.slice(0, newline)) as Record<string, unknown>;
  edit(header);
  fs.writeFileSync(out, gzipSync(JSON.stringify(header) + text.slice(newline)));
}

describe(`backup and restore on ${engine}`, () => {
  it('round-trips every table, the sequences and the media files exactly', async () => {
    const source = database();
    const { deletedUserId } = await magazine(source);
    const mediaDir = path.join(work, 'source-media');
    writeMedia(mediaDir);
    const before = await tableChecksums(source);
    const phases = new Set<string>();

    const file = path.join(work, 'magazine.backup');
    const summary = await writeBackup(source, file, { mediaDir, onProgress: (p) => phases.add(p.phase) });
    expect(summary).toMatchObject({ tables: Object.keys(before).length, migrationLevel: level, media: { files: 3, bytes: 200_012 } });
    expect(summary.rows).toBe(Object.values(before).reduce((sum, t) => sum + t.rows, 0));
    expect([...phases]).toEqual(['tables', 'media']);
    expect(fs.readdirSync(work).filter((name) => name.includes('partial'))).toEqual([]);
    const header = await readBackupHeader(file);
    expect(header).toMatchObject({ format: 'masthead-backup', version: 1, engine, migrations: { level } });

    const target = await emptyTarget();
    const targetMedia = path.join(work, 'target', 'media');
    const restored = await restoreBackup(target, file, { mediaDir: targetMedia });
    expect(restored).toMatchObject({ rows: summary.rows, wiped: false, media: { files: 3 } });
    await migrateDatabase(target); // what the CLI and the server do next: nothing to apply here

    const after = await tableChecksums(target);
    expect(after).toEqual(before);
    expect(before.comments!.rows).toBe(150);
    expect(filesOf(targetMedia)).toEqual(filesOf(mediaDir));

    // Types come back as they were, and generated columns are generated again.
    const [nullSetting] = await selectRows<{ kind: string }>(target.db, sql`select jsonb_typeof(value) as kind from settings where key = 'test.jsonNull'`);
    expect(nullSetting).toEqual({ kind: 'null' });
    const [edited] = await selectRows<{ at: string }>(target.db, sql`select to_char(edited_at at time zone 'UTC', 'HH24:MI:SS.US') as at from comments where edited_at is not null`);
    expect(edited).toEqual({ at: '10:11:12.345678' });
    const search = sql`select count(*)::int as n from articles where search @@ websearch_to_tsquery('english', 'the')`;
    const [searchBefore] = await selectRows<{ n: number }>(source.db, search);
    expect(await selectRows(target.db, search)).toEqual([searchBefore]);
    const [searchable] = await selectRows<{ n: number }>(target.db, sql`select count(*)::int as n from articles where search is not null and search <> ''::tsvector`);
    expect(searchable!.n).toBe(before.articles!.rows);

    // Sequences continue past every id the source ever handed out.
    const [fresh] = await target.db.insert(users).values({ email: 'new@example.com', name: 'New', slug: 'new', passwordHash: 'x' }).returning({ id: users.id });
    expect(fresh!.id).toBeGreaterThan(deletedUserId);
    // Foreign keys are back in force.
    await expect(target.db.insert(comments).values({ articleId: 999_999, body: 'orphan' })).rejects.toThrow();
  }, 120_000);

  it('refuses a backup from a newer schema, and a damaged or cut-short file, changing nothing', async () => {
    const source = database();
    await source.db.insert(users).values({ email: 'a@example.com', name: 'A', slug: 'a', passwordHash: 'x' });
    const file = path.join(work, 'a.backup');
    await writeBackup(source, file, { mediaDir: path.join(work, 'none') });
    const target = await emptyTarget();
    const targetMedia = path.join(work, 'target-media');

    const newer = path.join(work, 'newer.backup');
    editHeader(file, newer, (header) => {
      header.migrations = { level: level + 1, hash: 'f'.repeat(64), when: 4_102_444_800_000 };
    });
    await expect(restoreBackup(target, newer, { mediaDir: targetMedia })).rejects.toThrow(
      new RegExp(`newer Masthead.*level ${level + 1}, this version knows ${level}.*Upgrade`),
    );

    const text = gunzipSync(fs.readFileSync(file)).toString('utf8');
    const cut = path.join(work, 'cut.backup');
    fs.writeFileSync(cut, gzipSync(text.slice(0, text.lastIndexOf('{"end"'))));
    await expect(restoreBackup(target, cut, { mediaDir: targetMedia })).rejects.toThrow(/damaged or cut short: expected its end marker/);

    const tampered = path.join(work, 'tampered.backup');
    fs.writeFileSync(tampered, gzipSync(text.replace('"a@example.com"', '"b@example.com"')));
    await expect(restoreBackup(target, tampered, { mediaDir: targetMedia })).rejects.toThrow(/users does not match the backup's checksum/);

    const notGzip = path.join(work, 'plain.txt');
    fs.writeFileSync(notGzip, 'hello');
    await expect(restoreBackup(target, notGzip, { mediaDir: targetMedia })).rejects.toThrow(/not a Masthead backup/);

    // Every refusal rolled back: not even the schema was created.
    const [tables] = await selectRows<{ n: number }>(target.db, sql`select count(*)::int as n from pg_tables where schemaname = 'public'`);
    expect(tables!.n).toBe(0);
    expect(fs.existsSync(targetMedia)).toBe(false);
  }, 60_000);

  it('refuses a database that holds data unless forced, and then replaces it', async () => {
    const source = database();
    await source.db.insert(users).values({ email: 'a@example.com', name: 'A', slug: 'a', passwordHash: 'x' });
    const sourceMedia = path.join(work, 'source-media');
    writeMedia(sourceMedia);
    const file = path.join(work, 'a.backup');
    await writeBackup(source, file, { mediaDir: sourceMedia });

    const target = await emptyTarget();
    await migrateDatabase(target);
    await target.db.insert(users).values([
      { email: 'other@example.com', name: 'Other', slug: 'other', passwordHash: 'x' },
      { email: 'third@example.com', name: 'Third', slug: 'third', passwordHash: 'x' },
    ]);
    const targetMedia = path.join(work, 'target-media');
    fs.mkdirSync(targetMedia);
    fs.writeFileSync(path.join(targetMedia, 'theirs.webp'), 'theirs');

    await expect(restoreBackup(target, file, { mediaDir: targetMedia })).rejects.toThrow(/not empty \(2 users, 1 media files\).*--force/);
    expect(await target.db.$count(users)).toBe(2);
    expect(Object.keys(filesOf(targetMedia))).toEqual(['theirs.webp']);

    // Media alone make a data directory non-empty too.
    const mediaOnly = await emptyTarget();
    await expect(restoreBackup(mediaOnly, file, { mediaDir: targetMedia })).rejects.toThrow(/not empty \(1 media files\)/);

    const forced = await restoreBackup(target, file, { mediaDir: targetMedia, force: true });
    expect(forced.wiped).toBe(true);
    expect(await tableChecksums(target)).toEqual(await tableChecksums(source));
    expect((await target.db.select({ email: users.email }).from(users)).map((u) => u.email)).toEqual(['a@example.com']);
    expect(filesOf(targetMedia)).toEqual(filesOf(sourceMedia));
  }, 60_000);

  it.runIf(engine === 'postgres')('restores a PGlite backup into PostgreSQL', async () => {
    const embedded = openConnection({ engine: 'pglite' });
    try {
      await migrateDatabase(embedded);
      await magazine(embedded);
      const file = path.join(work, 'embedded.backup');
      await writeBackup(embedded, file, { mediaDir: path.join(work, 'none') });
      const target = await emptyTarget();
      await restoreBackup(target, file, { mediaDir: path.join(work, 'media') });
      expect(await tableChecksums(target)).toEqual(await tableChecksums(embedded));
    } finally {
      await embedded.close();
    }
  }, 120_000);
});
