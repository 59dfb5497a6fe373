import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { getDb, selectRows, type Database, type Transaction } from '@/db/client';
import { articleAuthors, articles, articleTags, auditLog, media, sections, tags as tagTable, users } from '@/db/schema';
import { tags } from './cache-tags';
import { dataDir } from './env';
import { UserError } from './errors';
import { logger } from './logger';
import { checkImageType, formatBytes, MAX_UPLOAD_BYTES, reencodeImage } from './media-image';
import { pageCount, type Page } from './pagination';
import { can, canDeleteMedia, type Actor } from './permissions';

export { MAX_UPLOAD_BYTES } from './media-image';

export const MEDIA_PAGE_SIZE = 24;

/** What the editor needs to place an image: where it is, how big, and what it shows. */
export interface MediaSummary {
  id: number;
  path: string;
  alt: string;
  width: number;
  height: number;
  credit: string;
}

export interface MediaRecord extends MediaSummary {
  mime: string;
  bytes: number;
  uploadedBy: number | null;
  createdAt: Date;
}

export interface MediaUse {
  id: number;
  title: string;
}

export interface LibraryItem extends MediaRecord {
  uploaderName: string | null;
  usedBy: MediaUse[];
}

export interface Upload {
  file: File;
  alt: string;
  credit?: string;
}

interface Options {
  db?: Database;
}

// Uploads are named by the server alone: 32 random hex digits, always .webp. The route serving them
// accepts exactly this shape, so no name a visitor sends can reach outside the media directory.
const STORED_NAME = /^[0-9a-f]{32}\.webp$/;
const URL_PREFIX = '/media/';

export function mediaDir(): string {
  return path.join(dataDir(), 'media');
}

const summaryColumns = {
  id: media.id,
  path: media.path,
  alt: media.alt,
  width: media.width,
  height: media.height,
  credit: media.credit,
};

const recordColumns = { ...summaryColumns, mime: media.mime, bytes: media.bytes, uploadedBy: media.uploadedBy, createdAt: media.createdAt };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function matching(query: string | undefined): SQL | undefined {
  const words = query?.trim().slice(0, 100);
  if (!words) return undefined;
  const pattern = `%${escapeLike(words)}%`;
  return or(ilike(media.alt, pattern), ilike(media.credit, pattern));
}

const pageNumber = (page: number | undefined) => (page && Number.isInteger(page) && page > 0 ? page : 1);

/** One page of the library, newest first, optionally only images whose alt text or credit mention `query`. */
export async function listMedia({ page, query }: { page?: number; query?: string } = {}, { db = getDb() }: Options = {}): Promise<MediaSummary[]> {
  return db
    .select(summaryColumns)
    .from(media)
    .where(matching(query))
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(MEDIA_PAGE_SIZE)
    .offset((pageNumber(page) - 1) * MEDIA_PAGE_SIZE);
}

export async function getMedia(id: number, { db = getDb() }: Options = {}): Promise<MediaRecord | null> {
  if (!Number.isInteger(id) || id <= 0) return null;
  const [row] = await db.select(recordColumns).from(media).where(eq(media.id, id));
  return row ?? null;
}

/** The library page: media with who uploaded them and which stories use them. */
export async function listLibrary({ page, query }: { page?: number; query?: string } = {}, { db = getDb() }: Options = {}): Promise<Page<LibraryItem>> {
  const current = pageNumber(page);
  const where = matching(query);
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(media).where(where);
  const rows = await db
    .select({ ...recordColumns, uploaderName: users.name })
    .from(media)
    .leftJoin(users, eq(users.id, media.uploadedBy))
    .where(where)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(MEDIA_PAGE_SIZE)
    .offset((current - 1) * MEDIA_PAGE_SIZE);
  const uses = await usesOf(db, rows);
  return {
    items: rows.map((row) => ({ ...row, usedBy: uses.get(row.id) ?? [] })),
    page: current,
    pageCount: pageCount(total, MEDIA_PAGE_SIZE),
    total,
  };
}

/** One image as the library shows it, or null. */
export async function getLibraryItem(id: number, { db = getDb() }: Options = {}): Promise<LibraryItem | null> {
  if (!Number.isInteger(id) || id <= 0) return null;
  const [row] = await db
    .select({ ...recordColumns, uploaderName: users.name })
    .from(media)
    .leftJoin(users, eq(users.id, media.uploadedBy))
    .where(eq(media.id, id));
  return row ? { ...row, usedBy: await usesOfOne(db, row) } : null;
}

/**
 * The figures of a story body: top-level blocks (lib/document-validate.ts allows them nowhere else).
 * The containment test `body_json @> {"content":[{"type":"figure"}]}` skips stories without any (and
 * any body whose content is not an array) before the blocks of the rest are unpacked, once per story
 * whatever the number of images asked about.
 */
const figuresOf = sql`${articles} cross join lateral jsonb_array_elements(${articles.bodyJson} -> 'content') as block`;
const hasFigure = sql`${articles.bodyJson} @> '{"content":[{"type":"figure"}]}'::jsonb`;
/** A figure shows an image when it names it by id or by its path. */
const figureShows = (id: SQL, mediaPath: SQL) =>
  sql`block ->> 'type' = 'figure' and (block -> 'attrs' -> 'mediaId' = to_jsonb(${id}) or block -> 'attrs' ->> 'src' = ${mediaPath})`;

/** Every story (in any state: a draft counts) that shows one of these images, as hero or figure. */
async function usesOf(db: Database | Transaction, items: Array<{ id: number; path: string }>): Promise<Map<number, MediaUse[]>> {
  const uses = new Map<number, MediaUse[]>();
  if (items.length === 0) return uses;
  const asked = sql`(values ${sql.join(
    items.map((item) => sql`(${item.id}::integer, ${item.path}::text)`),
    sql`, `,
  )}) as asked(media_id, path)`;
  const rows = await selectRows<{ media_id: number; id: number; title: string }>(
    db,
    sql`select media_id, id, title from (
          select asked.media_id, ${articles.id} as id, ${articles.title} as title, ${articles.updatedAt} as updated_at
          from ${asked} join ${articles} on ${articles.heroMediaId} = asked.media_id
          union
          select asked.media_id, ${articles.id}, ${articles.title}, ${articles.updatedAt}
          from ${figuresOf} join ${asked} on ${figureShows(sql`asked.media_id`, sql`asked.path`)}
          where ${hasFigure}
        ) as uses
        order by updated_at desc, id desc`,
  );
  for (const row of rows) {
    const id = Number(row.media_id);
    uses.set(id, [...(uses.get(id) ?? []), { id: Number(row.id), title: row.title }]);
  }
  return uses;
}

async function usesOfOne(db: Database | Transaction, item: { id: number; path: string }): Promise<MediaUse[]> {
  return (await usesOf(db, [item])).get(item.id) ?? [];
}

/** The stories that show this image, for the library and the editor. */
export async function mediaUses(id: number, { db = getDb() }: Options = {}): Promise<MediaUse[]> {
  const found = await getMedia(id, { db });
  return found ? usesOfOne(db, found) : [];
}

const altRequired = 'Describe the image in the alt text: readers who cannot see it rely on it.';

function cleanDetails(alt: string, credit: string | undefined) {
  const cleanAlt = alt.trim();
  if (!cleanAlt) throw new UserError(altRequired, 'alt_required', { alt: altRequired });
  if (cleanAlt.length > 500) throw new UserError('Alt text can be at most 500 characters.', 'invalid', { alt: 'Alt text can be at most 500 characters.' });
  const cleanCredit = (credit ?? '').trim();
  if (cleanCredit.length > 200) throw new UserError('The credit can be at most 200 characters.', 'invalid', { credit: 'The credit can be at most 200 characters.' });
  return { alt: cleanAlt, credit: cleanCredit };
}

/**
 * Checks an uploaded image by its bytes, re-encodes it, stores the file and then its row (with the
 * audit entry) in one transaction. A failed write leaves no row; a failed insert removes the file.
 */
export async function addMedia(actor: Actor, upload: Upload, { db = getDb() }: Options = {}): Promise<MediaSummary> {
  if (!can(actor, 'media:upload')) throw new UserError('You do not have permission to upload images.', 'forbidden');
  const details = cleanDetails(upload.alt, upload.credit);
  const { file } = upload;
  if (!file || file.size === 0) throw new UserError('Choose an image to upload.', 'no_file', { image: 'Choose an image to upload.' });
  if (file.size > MAX_UPLOAD_BYTES) {
    const message = `“${file.name}” is ${formatBytes(file.size)}; images can be at most ${formatBytes(MAX_UPLOAD_BYTES)}. Make it smaller and try again.`;
    throw new UserError(message, 'too_large', { image: message });
  }
  const bytes = Buffer.from(await file.arrayBuffer());
  const type = checkImageType(file.name, file.type, bytes);
  const image = await reencodeImage(bytes, type, file.name);

  const name = `${randomBytes(16).toString('hex')}.webp`;
  const target = path.join(mediaDir(), name);
  try {
    await fs.mkdir(mediaDir(), { recursive: true });
    await fs.writeFile(target, image.data, { flag: 'wx' });
  } catch (error) {
    await fs.rm(target, { force: true }).catch(() => {});
    throw error;
  }
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(media)
        .values({
          path: `${URL_PREFIX}${name}`,
          mime: image.mime,
          width: image.width,
          height: image.height,
          bytes: image.data.length,
          alt: details.alt,
          credit: details.credit,
          uploadedBy: actor.id,
        })
        .returning(summaryColumns);
      await tx.insert(auditLog).values({
        actorId: actor.id,
        action: 'media.upload',
        targetType: 'media',
        targetId: row!.id,
        detail: { via: 'dashboard', path: row!.path, originalName: file.name.slice(0, 200), originalType: type, bytes: image.data.length },
      });
      return row!;
    });
  } catch (error) {
    await fs.rm(target, { force: true }).catch(() => {});
    throw error;
  }
}

async function lockedMedia(tx: Transaction, id: number) {
  const [row] = await tx.select(recordColumns).from(media).where(eq(media.id, id)).for('update');
  if (!row) throw new UserError('That image is no longer in the library.', 'not_found');
  return row;
}

/** May this person change or delete this image? The uploader, or an editor or admin. */
export function canManageMedia(actor: Actor, item: { uploadedBy: number | null }): boolean {
  return canDeleteMedia(actor, item);
}

/**
 * New alt text and credit. Returns the cache tags of published stories showing it as their hero (the
 * hero's alt and credit are read from the library; figures in a body keep their own copy).
 */
export async function updateMediaDetails(
  actor: Actor,
  input: { id: number; alt: string; credit?: string },
  { db = getDb() }: Options = {},
): Promise<{ media: MediaSummary; tags: string[] }> {
  const details = cleanDetails(input.alt, input.credit);
  const updated = await db.transaction(async (tx) => {
    const row = await lockedMedia(tx, input.id);
    if (!canManageMedia(actor, row)) throw new UserError('Only the person who uploaded this image, or an editor, can change it.', 'forbidden');
    const [next] = await tx.update(media).set(details).where(eq(media.id, row.id)).returning(summaryColumns);
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: 'media.update',
      targetType: 'media',
      targetId: row.id,
      detail: { via: 'dashboard', before: { alt: row.alt, credit: row.credit }, after: details },
    });
    return next!;
  });
  return { media: updated, tags: await heroTags(db, updated.id) };
}

/** Cache tags of every public page showing a published story whose hero is this image. */
async function heroTags(db: Database, mediaId: number): Promise<string[]> {
  const heroOf = await db
    .select({ id: articles.id, slug: articles.slug, section: sections.slug })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.heroMediaId, mediaId), eq(articles.status, 'published')));
  if (heroOf.length === 0) return [];
  const ids = heroOf.map((a) => a.id);
  const [tagSlugs, authorSlugs] = await Promise.all([
    db.select({ slug: tagTable.slug }).from(articleTags).innerJoin(tagTable, eq(tagTable.id, articleTags.tagId)).where(inArray(articleTags.articleId, ids)),
    db.select({ slug: users.slug }).from(articleAuthors).innerJoin(users, eq(users.id, articleAuthors.userId)).where(inArray(articleAuthors.articleId, ids)),
  ]);
  const all = new Set<string>([tags.home, tags.feed]);
  for (const a of heroOf) {
    all.add(tags.article(a.id));
    all.add(tags.articleSlug(a.slug));
    if (a.section) all.add(tags.section(a.section));
  }
  for (const { slug } of tagSlugs) all.add(tags.tag(slug));
  for (const { slug } of authorSlugs) all.add(tags.author(slug));
  return [...all];
}

const stories = (n: number) => `${n} ${n === 1 ? 'story' : 'stories'}`;

/**
 * Deletes an image nobody uses: refused while any story (draft or published) shows it. The row goes
 * first, in a transaction with its audit entry; the file follows once that has committed.
 */
export async function deleteMedia(actor: Actor, id: number, { db = getDb() }: Options = {}): Promise<void> {
  const removed = await db.transaction(async (tx) => {
    const row = await lockedMedia(tx, id);
    if (!canManageMedia(actor, row)) throw new UserError('Only the person who uploaded this image, or an editor, can delete it.', 'forbidden');
    const uses = await usesOfOne(tx, row);
    if (uses.length > 0) {
      const titles = uses
        .slice(0, 3)
        .map((use) => `“${use.title}”`)
        .join(', ');
      throw new UserError(
        `This image can’t be deleted: it is used by ${stories(uses.length)} (${titles}${uses.length > 3 ? ', …' : ''}). Take it out of them first.`,
        'in_use',
      );
    }
    await tx.delete(media).where(eq(media.id, row.id));
    await tx.insert(auditLog).values({
      actorId: actor.id,
      action: 'media.delete',
      targetType: 'media',
      targetId: row.id,
      detail: { via: 'dashboard', path: row.path, alt: row.alt, uploadedBy: row.uploadedBy },
    });
    return row;
  });
  await removeStoredFile(removed.path);
}

/** Deletes an upload's file; images shipped in public/ (the demo's) are not ours to delete. */
async function removeStoredFile(mediaPath: string): Promise<void> {
  const name = mediaPath.startsWith(URL_PREFIX) ? mediaPath.slice(URL_PREFIX.length) : '';
  if (!STORED_NAME.test(name)) return;
  try {
    await fs.rm(path.join(mediaDir(), name), { force: true });
  } catch (error) {
    // The row is gone already; an undeletable file is only disk space, and not worth failing the delete.
    logger.error({ err: error, file: name }, 'media: could not delete the file');
  }
}

/** An upload's bytes as a stream, for the route at /media/<name>; null for any other name or a missing file. */
export async function readStoredMedia(name: string): Promise<{ body: ReadableStream<Uint8Array>; size: number; type: string } | null> {
  if (!STORED_NAME.test(name)) return null;
  let handle: fs.FileHandle | undefined;
  try {
    // Open first, then ask: a delete between the two cannot turn a found file into a broken response.
    handle = await fs.open(path.join(mediaDir(), name), 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      return null;
    }
    const body = Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
    return { body, size: stat.size, type: 'image/webp' };
  } catch {
    await handle?.close().catch(() => {});
    return null;
  }
}
