import 'server-only';
import { and, asc, count, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, selectRows, type Database, type Transaction } from '@/db/client';
import { articles, articleTags, sections, tags as tagTable } from '@/db/schema';
import { auditedBy, recordAudit, type AuditActor } from './audit';
import { expireTags, tags } from './cache-tags';
import { parseInput, UserError, violatedUniqueIndex } from './errors';
import { pageCount, type Page } from './pagination';
import { slugify, uniqueSlug } from './slug';

// Sections and tags: what the editors file stories under. Every change is audited and expires exactly
// the public pages that show it. The writers run from server actions only (`expireTags` needs one).

export interface TaxonomyOptions {
  /** Who did it, for the audit log. */
  actor?: AuditActor;
  db?: Database;
}

export interface SectionRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  position: number;
  storyCount: number;
}

export interface TagRow {
  id: number;
  slug: string;
  name: string;
  storyCount: number;
}

const NAME_MAX = 60;
const DESCRIPTION_MAX = 300;
export const TAGS_PAGE_SIZE = 50;

const id = z.coerce.number({ error: 'Choose what to change.' }).int().positive('Choose what to change.').max(2_147_483_647, 'Choose what to change.');
const name = z
  .string({ error: 'A name is required.' })
  .trim()
  .min(1, 'A name is required.')
  .max(NAME_MAX, `Names can be at most ${NAME_MAX} characters long.`);
/** Empty: made from the name. Typed: made URL-safe, and refused if another one has it. */
const slug = z.string().trim().max(100, 'Slugs can be at most 80 characters long.').optional();

export const sectionInputSchema = z.object({
  name,
  slug,
  description: z.string().trim().max(DESCRIPTION_MAX, `Descriptions can be at most ${DESCRIPTION_MAX} characters long.`).default(''),
});
export const sectionUpdateSchema = sectionInputSchema.extend({ id });
export const sectionMoveSchema = z.object({ id, direction: z.enum(['up', 'down'], { error: 'Move a section up or down.' }) });
export const sectionDeleteSchema = z.object({ id });

export const tagInputSchema = z.object({ name, slug });
export const tagUpdateSchema = tagInputSchema.extend({ id });
export const tagDeleteSchema = z.object({ id });
export const tagMergeSchema = z.object({
  id,
  into: z.string({ error: 'Name the tag to merge into.' }).trim().min(1, 'Name the tag to merge into.').max(100, 'That tag name is too long.'),
});

export const tagListSchema = z.object({
  q: z.string().trim().max(100).catch(''),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

type Kind = 'section' | 'tag';
const tables = { section: sections, tag: tagTable } as const;
const slugIndexes: Record<Kind, string> = { section: 'sections_slug_unique', tag: 'tags_slug_unique' };

/** The slug the editor typed, made URL-safe; undefined when they left it empty. */
function typedSlug(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const made = slugify(raw);
  if (!made) throw new UserError('A slug needs at least one letter or number.', 'invalid', { slug: 'A slug needs at least one letter or number.' });
  return made;
}

/** Two sections (or tags) with one name would be two links saying the same thing. */
async function refuseNameTaken(tx: Transaction, kind: Kind, wanted: string, exceptId?: number) {
  const table = tables[kind];
  const [taken] = await tx
    .select({ name: table.name })
    .from(table)
    .where(and(eq(sql`lower(${table.name})`, wanted.toLowerCase()), exceptId ? ne(table.id, exceptId) : undefined));
  if (taken) {
    const message = `There is already a ${kind} called “${taken.name}”.`;
    throw new UserError(message, 'name_taken', { name: message });
  }
}

/** A typed slug as is (refused if taken), or one from the name, numbered when another one has it. */
async function chooseSlug(tx: Transaction, kind: Kind, fromName: string, typed: string | undefined, current?: { id: number; slug: string }) {
  const table = tables[kind];
  const except = current ? ne(table.id, current.id) : undefined;
  if (typed) {
    if (typed === current?.slug) return typed;
    const [taken] = await tx.select({ id: table.id }).from(table).where(and(eq(table.slug, typed), except));
    if (taken) {
      const message = `The slug “${typed}” is already used by another ${kind}.`;
      throw new UserError(message, 'slug_taken', { slug: message });
    }
    return typed;
  }
  const base = slugify(fromName) || kind;
  const pattern = `${base.replace(/[\\%_]/g, '\\$&')}-%`;
  const rows = await selectRows<{ slug: string }>(
    tx,
    sql`select ${table.slug} as slug from ${table} where (${table.slug} = ${base} or ${table.slug} like ${pattern})${except ? sql` and ${except}` : sql``}`,
  );
  return uniqueSlug(base, new Set(rows.map((row) => row.slug)));
}

/** Runs `write` again when a concurrent change took the slug it chose between its read and its write. */
async function retryingSlug<T>(kind: Kind, typed: string | undefined, write: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (violatedUniqueIndex(error) !== slugIndexes[kind]) throw error;
      if (typed) {
        const message = `The slug “${typed}” is already used by another ${kind}.`;
        throw new UserError(message, 'slug_taken', { slug: message });
      }
      if (attempt >= 2) throw new UserError('Someone else was saving at the same time. Please try again.', 'busy');
    }
  }
}

function notFound(kind: Kind): UserError {
  return new UserError(`That ${kind} no longer exists. Someone may have deleted it; reload the page.`, 'not_found');
}

const storyCount = sql<number>`count(${articles.id})::int`;

/** Sections in the site's order, with how many stories (of any status) are filed under each. */
export async function listSections({ db = getDb() }: { db?: Database } = {}): Promise<SectionRow[]> {
  return db
    .select({ id: sections.id, slug: sections.slug, name: sections.name, description: sections.description, position: sections.position, storyCount })
    .from(sections)
    .leftJoin(articles, eq(articles.sectionId, sections.id))
    .groupBy(sections.id)
    .orderBy(asc(sections.position), asc(sections.name), asc(sections.id));
}

/** A new section, last in the navigation. */
export async function createSection(input: z.input<typeof sectionInputSchema>, { actor, db = getDb() }: TaxonomyOptions = {}) {
  const data = parseInput(sectionInputSchema, input);
  const typed = typedSlug(data.slug);
  const created = await retryingSlug('section', typed, () =>
    db.transaction(async (tx) => {
      await refuseNameTaken(tx, 'section', data.name);
      const slug = await chooseSlug(tx, 'section', data.name, typed);
      const [last] = await tx.select({ position: sql<number>`coalesce(max(${sections.position}), 0)::int` }).from(sections);
      const [row] = await tx
        .insert(sections)
        .values({ slug, name: data.name, description: data.description, position: (last?.position ?? 0) + 1 })
        .returning();
      if (!row) throw new Error('The section was not saved.');
      await recordAudit(tx, { action: 'section.create', targetType: 'section', targetId: row.id, ...auditedBy(actor, { name: row.name, slug: row.slug }) });
      return row;
    }),
  );
  // The navigation and the front page's rails list sections; the slug may have been a cached 404.
  await expireTags([tags.sections, tags.home, tags.section(created.slug)]);
  return created;
}

/**
 * Renames, re-slugs or re-describes a section. A new slug moves its page to a new address; a new name
 * or slug also shows on every story filed under it.
 */
export async function updateSection(input: z.input<typeof sectionUpdateSchema>, { actor, db = getDb() }: TaxonomyOptions = {}) {
  const data = parseInput(sectionUpdateSchema, input);
  const typed = typedSlug(data.slug);
  const outcome = await retryingSlug('section', typed, () =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(sections).where(eq(sections.id, data.id)).for('update');
      if (!before) throw notFound('section');
      if (data.name.toLowerCase() !== before.name.toLowerCase()) await refuseNameTaken(tx, 'section', data.name, before.id);
      const slug = await chooseSlug(tx, 'section', data.name, typed, before);
      const changes = changed(before, { name: data.name, slug, description: data.description });
      if (!changes) return { before, after: before, storyIds: [] };
      const [after] = await tx.update(sections).set({ name: data.name, slug, description: data.description }).where(eq(sections.id, before.id)).returning();
      if (!after) throw new Error('The section was not saved.');
      const relabelled = after.name !== before.name || after.slug !== before.slug;
      const stories = relabelled ? await tx.select({ id: articles.id }).from(articles).where(eq(articles.sectionId, before.id)) : [];
      await recordAudit(tx, { action: 'section.update', targetType: 'section', targetId: before.id, ...auditedBy(actor, { name: after.name, ...changes }) });
      return { before, after, storyIds: stories.map((story) => story.id) };
    }),
  );
  const { before, after, storyIds } = outcome;
  if (before !== after) {
    await expireTags([tags.sections, tags.home, tags.section(before.slug), tags.section(after.slug), ...storyIds.map(tags.article)]);
  }
  return after;
}

/** What differs, as { field: { from, to } }, or null when nothing does. */
function changed<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> | null {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    if (before[key] !== to) changes[key] = { from: before[key], to };
  }
  return Object.keys(changes).length ? changes : null;
}

/** Swaps a section with its neighbour in the navigation; positions are renumbered 1…n on the way. */
export async function moveSection(input: z.input<typeof sectionMoveSchema>, { actor, db = getDb() }: TaxonomyOptions = {}) {
  const { id: sectionId, direction } = parseInput(sectionMoveSchema, input);
  await db.transaction(async (tx) => {
    const order = await tx
      .select({ id: sections.id, name: sections.name, position: sections.position })
      .from(sections)
      .orderBy(asc(sections.position), asc(sections.name), asc(sections.id))
      .for('update');
    const from = order.findIndex((section) => section.id === sectionId);
    if (from < 0) throw notFound('section');
    const to = direction === 'up' ? from - 1 : from + 1;
    const moving = order[from]!;
    if (to < 0 || to >= order.length) {
      throw new UserError(`“${moving.name}” is already ${direction === 'up' ? 'first' : 'last'}.`, 'invalid');
    }
    [order[from], order[to]] = [order[to]!, moving];
    for (const [index, section] of order.entries()) {
      if (section.position !== index + 1) await tx.update(sections).set({ position: index + 1 }).where(eq(sections.id, section.id));
    }
    await recordAudit(tx, {
      action: 'section.update',
      targetType: 'section',
      targetId: sectionId,
      ...auditedBy(actor, { name: moving.name, moved: direction, position: { from: from + 1, to: to + 1 } }),
    });
  });
  // Only the order changes: the navigation and the front page's rails.
  await expireTags([tags.sections, tags.home]);
}

/** Deletes a section no story is filed under; otherwise says how many are, so they can be moved first. */
export async function deleteSection(input: z.input<typeof sectionDeleteSchema>, { actor, db = getDb() }: TaxonomyOptions = {}) {
  const { id: sectionId } = parseInput(sectionDeleteSchema, input);
  const deleted = await db.transaction(async (tx) => {
    // The row lock holds back a story being filed under it until we are done.
    const [section] = await tx.select().from(sections).where(eq(sections.id, sectionId)).for('update');
    if (!section) throw notFound('section');
    const [used] = await tx.select({ total: count() }).from(articles).where(eq(articles.sectionId, section.id));
    const stories = used?.total ?? 0;
    if (stories > 0) {
      throw new UserError(
        `“${section.name}” can’t be deleted: ${stories === 1 ? '1 story is' : `${stories} stories are`} filed under it. Move ${stories === 1 ? 'it' : 'them'} to another section first.`,
        'in_use',
      );
    }
    await tx.delete(sections).where(eq(sections.id, section.id));
    await recordAudit(tx, { action: 'section.delete', targetType: 'section', targetId: section.id, ...auditedBy(actor, { name: section.name, slug: section.slug }) });
    return section;
  });
  await expireTags([tags.sections, tags.home, tags.section(deleted.slug)]);
  return deleted;
}

/** Tags by name, with how many stories (of any status) carry each; searched by name or slug. */
export async function listTags(raw: Partial<z.input<typeof tagListSchema>> = {}, { db = getDb() }: { db?: Database } = {}): Promise<Page<TagRow>> {
  const filter = tagListSchema.parse(raw);
  const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
  const where: SQL | undefined = filter.q ? or(ilike(tagTable.name, pattern), ilike(tagTable.slug, pattern)) : undefined;
  const [rows, [totals]] = await Promise.all([
    db
      .select({ id: tagTable.id, slug: tagTable.slug, name: tagTable.name, storyCount: sql<number>`count(${articleTags.articleId})::int` })
      .from(tagTable)
      .leftJoin(articleTags, eq(articleTags.tagId, tagTable.id))
      .where(where)
      .groupBy(tagTable.id)
      .orderBy(asc(sql`lower(${tagTable.name})`), asc(tagTable.id))
      .limit(TAGS_PAGE_SIZE)
      .offset((filter.page - 1) * TAGS_PAGE_SIZE),
    db.select({ total: count() }).from(tagTable).where(where),
  ]);
  const total = totals?.total ?? 0;
  return { items: rows, page: filter.page, total, pageCount: pageCount(total, TAGS_PAGE_SIZE) };
}

async function storiesTagged(tx: Transaction, tagId: number): Promise<number[]> {
  const rows = await tx.select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, tagId));
  return rows.map((row) => row.id);
}

export async function createTag(input: z.input<typeof tagInputSchema>, { actor, db = getDb() }: TaxonomyOptions = {}) {
  const data = parseInput(tagInputSchema, input);
  const typed = typedSlug(data.slug);
  const created = await retryingSlug('tag', typed, () =>
    db.transaction(async (tx) => {
      await refuseNameTaken(tx, 'tag', data.name);
      const slug = await chooseSlug(tx, 'tag', data.name, typed);
      const [row] = await tx.insert(tagTable).values({ slug, name: data.name }).returning();
      if (!row) throw new Error('The tag was not saved.');
      await recordAudit(tx, { action: 'tag.create', targetType: 'tag', targetId: row.id, ...auditedBy(actor, { name: row.name, slug: row.slug }) });
      return row;
    }),
  );
  // No story carries it yet: only its own address (perhaps a cached 404) changes.
  await expireTags([tags.tag(created.slug)]);
  return created;
}

/** Renames or re-slugs a tag; the stories that carry it show the new name and link. */
export async function renameTag(input: z.input<typeof tagUpdateSchema>, { actor, db = getDb() }: TaxonomyOptions = {}) {
  const data = parseInput(tagUpdateSchema, input);
  const typed = typedSlug(data.slug);
  const { before, after, storyIds } = await retryingSlug('tag', typed, () =>
    db.transaction(async (tx) => {
      const [before] = await tx.select().from(tagTable).where(eq(tagTable.id, data.id)).for('update');
      if (!before) throw notFound('tag');
      if (data.name.toLowerCase() !== before.name.toLowerCase()) await refuseNameTaken(tx, 'tag', data.name, before.id);
      const slug = await chooseSlug(tx, 'tag', data.name, typed, before);
      const changes = changed(before, { name: data.name, slug });
      if (!changes) return { before, after: before, storyIds: [] };
      const [after] = await tx.update(tagTable).set({ name: data.name, slug }).where(eq(tagTable.id, before.id)).returning();
      if (!after) throw new Error('The tag was not saved.');
      await recordAudit(tx, { action: 'tag.update', targetType: 'tag', targetId: before.id, ...auditedBy(actor, { name: after.name, ...changes }) });
      return { before, after, storyIds: await storiesTagged(tx, before.id) };
    }),
  );
  if (before !== after) {
    const moved = before.slug !== after.slug;
    // The sitemap lists the addresses of tags that are in use.
    await expireTags([tags.tag(before.slug), tags.tag(after.slug), moved && storyIds.length > 0 && tags.sitemap, ...storyIds.map(tags.article)]);
  }
  return after;
}

/** Deletes a tag no story carries; otherwise says how many do. */
export async function deleteTag(input: z.input<typeof tagDeleteSchema>, { actor, db = getDb() }: TaxonomyOptions = {}) {
  const { id: tagId } = parseInput(tagDeleteSchema, input);
  const deleted = await db.transaction(async (tx) => {
    const [tag] = await tx.select().from(tagTable).where(eq(tagTable.id, tagId)).for('update');
    if (!tag) throw notFound('tag');
    const stories = (await storiesTagged(tx, tag.id)).length;
    if (stories > 0) {
      throw new UserError(
        `“${tag.name}” can’t be deleted: ${stories === 1 ? '1 story carries' : `${stories} stories carry`} it. Take it off ${stories === 1 ? 'that story' : 'them'}, or merge it into another tag.`,
        'in_use',
      );
    }
    await tx.delete(tagTable).where(eq(tagTable.id, tag.id));
    await recordAudit(tx, { action: 'tag.delete', targetType: 'tag', targetId: tag.id, ...auditedBy(actor, { name: tag.name, slug: tag.slug }) });
    return tag;
  });
  await expireTags([tags.tag(deleted.slug)]);
  return deleted;
}

/** Moves every story of one tag onto another (named by name or slug), then deletes the first. */
export async function mergeTag(input: z.input<typeof tagMergeSchema>, { actor, db = getDb() }: TaxonomyOptions = {}) {
  const { id: sourceId, into } = parseInput(tagMergeSchema, input);
  const { source, target, storyIds } = await db.transaction(async (tx) => {
    const [source] = await tx.select().from(tagTable).where(eq(tagTable.id, sourceId)).for('update');
    if (!source) throw notFound('tag');
    const [target] = await tx
      .select()
      .from(tagTable)
      .where(or(eq(tagTable.slug, slugify(into)), eq(sql`lower(${tagTable.name})`, into.toLowerCase())))
      .orderBy(asc(tagTable.id))
      .limit(1)
      .for('update');
    if (!target) throw new UserError(`There is no tag called “${into}”. Create it first, or rename this one instead.`, 'not_found', { into: 'No such tag.' });
    if (target.id === source.id) throw new UserError('A tag can’t be merged into itself.', 'invalid', { into: 'Choose another tag.' });
    const storyIds = await storiesTagged(tx, source.id);
    if (storyIds.length > 0) {
      await tx
        .insert(articleTags)
        .values(storyIds.map((articleId) => ({ articleId, tagId: target.id })))
        .onConflictDoNothing();
    }
    await tx.delete(tagTable).where(eq(tagTable.id, source.id));
    await recordAudit(tx, {
      action: 'tag.merge',
      targetType: 'tag',
      targetId: target.id,
      ...auditedBy(actor, { name: target.name, from: { id: source.id, name: source.name, slug: source.slug }, stories: storyIds.length }),
    });
    return { source, target, storyIds };
  });
  await expireTags([tags.tag(source.slug), tags.tag(target.slug), storyIds.length > 0 && tags.sitemap, ...storyIds.map(tags.article)]);
  return { into: target, stories: storyIds.length };
}

