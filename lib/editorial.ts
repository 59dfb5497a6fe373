import 'server-only';
import { and, asc, desc, eq, inArray, lte, ne, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Transaction } from '@/db/client';
import { articleAuthors, articles, articleStatuses, articleTags, auditLog, editorialNotes, revisions, sections, tags as tagTable, users, type ArticleStatus, type DocumentNode } from '@/db/schema';
import { tags } from './cache-tags';
import { countWords, documentText } from './document';
import { validateDocument } from './document-validate';
import { UserError } from './errors';
import { atLeast, can, canOnArticle, type Actor, type ArticleAction } from './permissions';
import { SLUG_PATTERN, slugify, uniqueSlug } from './slug';
import { illegalTransitionMessage, isAllowedTransition, permissionFor, transitionTarget, type Transition } from './workflow';

/** Revisions kept per story besides every published one. */
export const KEPT_REVISIONS = 50;

export const CONFLICT_MESSAGE = 'This story was changed since you opened it. Your text is kept here: compare it with the saved version below, then save again to keep yours.';

/** A save based on an old version: carries the newer saved text so the editor can show the difference. */
export class ConflictError extends UserError {
  constructor(readonly current: { version: number; title: string; dek: string; bodyText: string; body: DocumentNode }) {
    super(CONFLICT_MESSAGE, 'conflict', undefined, current);
  }
}

const optionalId = z.preprocess((value) => (value === '' || value === null || value === undefined ? undefined : value), z.coerce.number().int().positive().max(2_147_483_647).optional());
const jsonField = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (typeof value === 'string' ? safeJson(value) : value), schema);
function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

export const intents = ['save', 'autosave', 'submit', 'publish', 'schedule', 'unpublish', 'archive', 'restore'] as const;
export type Intent = (typeof intents)[number];

export const articleInputSchema = z.object({
  id: optionalId,
  version: optionalId,
  intent: z.enum(intents).default('save'),
  title: z.string().trim().min(1, 'Give the story a title.').max(200, 'Titles can be at most 200 characters.'),
  dek: z.string().trim().max(400, 'The dek can be at most 400 characters.').default(''),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, 'Slugs can be at most 80 characters.')
    .refine((slug) => slug === '' || SLUG_PATTERN.test(slug), 'Slugs use lowercase letters, digits and single hyphens, like my-story.')
    .default(''),
  sectionId: optionalId,
  tags: jsonField(z.array(z.string().trim().min(1).max(60, 'Tags can be at most 60 characters.')).max(20, 'At most 20 tags.')).default([]),
  authorIds: jsonField(z.array(z.coerce.number().int().positive().max(2_147_483_647)).max(10)).default([]),
  body: z.preprocess(
    (value) => (typeof value === 'string' ? safeJson(value) : value),
    z.record(z.string(), z.unknown(), { error: 'The story’s text could not be read. Please reload the editor and try again.' }),
  ),
  heroMediaId: optionalId,
  seoTitle: z.string().trim().max(120, 'The SEO title can be at most 120 characters.').default(''),
  seoDescription: z.string().trim().max(300, 'The SEO description can be at most 300 characters.').default(''),
  commentsMode: z.enum(['open', 'closed', 'off']).default('open'),
  publishAt: z.preprocess((value) => (value === '' || value === undefined ? undefined : value), z.coerce.date().optional()),
});

export type ArticleInput = z.input<typeof articleInputSchema>;

export interface SaveResult {
  id: number;
  version: number;
  status: ArticleStatus;
  slug: string;
  /** Public cache tags the change touched: the caller expires exactly these. */
  touched: string[];
}

interface Snapshot {
  id: number;
  slug: string;
  status: ArticleStatus;
  sectionSlug: string | null;
  tagSlugs: string[];
  authorSlugs: string[];
}

async function snapshot(tx: Transaction, id: number): Promise<Snapshot | null> {
  const [row] = await tx
    .select({ id: articles.id, slug: articles.slug, status: articles.status, sectionSlug: sections.slug })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(articles.id, id));
  if (!row) return null;
  const tagRows = await tx.select({ slug: tagTable.slug }).from(articleTags).innerJoin(tagTable, eq(tagTable.id, articleTags.tagId)).where(eq(articleTags.articleId, id));
  const authorRows = await tx.select({ slug: users.slug }).from(articleAuthors).innerJoin(users, eq(users.id, articleAuthors.userId)).where(eq(articleAuthors.articleId, id));
  return { ...row, tagSlugs: tagRows.map((t) => t.slug), authorSlugs: authorRows.map((a) => a.slug) };
}

/** Every public page a story shows on, before and after a change; nothing when it is public neither time. */
export function publicTags(before: Snapshot | null, after: Snapshot | null): string[] {
  const visible = [before, after].filter((s): s is Snapshot => s !== null && s.status === 'published');
  if (visible.length === 0 && !(before && after && before.slug !== after.slug)) return [];
  const all = new Set<string>();
  for (const s of [before, after]) {
    if (!s) continue;
    all.add(tags.articleSlug(s.slug));
    if (visible.length === 0) continue;
    all.add(tags.article(s.id));
    if (s.sectionSlug) all.add(tags.section(s.sectionSlug));
    for (const slug of s.tagSlugs) all.add(tags.tag(slug));
    for (const slug of s.authorSlugs) all.add(tags.author(slug));
  }
  if (visible.length) for (const tag of [tags.home, tags.feed, tags.sitemap, tags.search]) all.add(tag);
  return [...all];
}

async function factsFor(tx: Transaction, id: number) {
  const [row] = await tx
    .select({ status: articles.status, version: articles.version, slug: articles.slug, title: articles.title, dek: articles.dek, bodyText: articles.bodyText, bodyJson: articles.bodyJson, publishedAt: articles.publishedAt })
    .from(articles)
    .where(eq(articles.id, id))
    .for('update');
  if (!row) return null;
  const authorIds = (await tx.select({ userId: articleAuthors.userId }).from(articleAuthors).where(eq(articleAuthors.articleId, id))).map((a) => a.userId);
  return { ...row, authorIds };
}

function refuseUnless(allowed: boolean, message = 'You do not have permission to do that to this story.') {
  if (!allowed) throw new UserError(message, 'forbidden');
}

async function tagIdsFor(tx: Transaction, actor: Actor, names: string[]): Promise<number[]> {
  const wanted = new Map<string, string>();
  for (const name of names) {
    const slug = slugify(name);
    if (slug) wanted.set(slug, name);
  }
  if (wanted.size === 0) return [];
  const existing = await tx.select().from(tagTable).where(inArray(tagTable.slug, [...wanted.keys()]));
  const missing = [...wanted].filter(([slug]) => !existing.some((tag) => tag.slug === slug));
  if (missing.length && !atLeast(actor.role, 'editor')) {
    throw new UserError(`Only editors can create new tags: ${missing.map(([, name]) => name).join(', ')}.`, 'invalid', { tags: 'Pick existing tags, or ask an editor.' });
  }
  const created = missing.length ? await tx.insert(tagTable).values(missing.map(([slug, name]) => ({ slug, name }))).onConflictDoNothing().returning({ id: tagTable.id }) : [];
  const again = created.length === missing.length ? [] : await tx.select({ id: tagTable.id }).from(tagTable).where(inArray(tagTable.slug, missing.map(([slug]) => slug)));
  return [...new Set([...existing.map((t) => t.id), ...created.map((t) => t.id), ...again.map((t) => t.id)])];
}

async function audit(tx: Transaction, actor: Actor | null, action: string, articleId: number, detail: Record<string, unknown> = {}) {
  await tx.insert(auditLog).values({ actorId: actor?.id ?? null, action, targetType: 'article', targetId: articleId, detail });
}

async function keepRevision(tx: Transaction, actor: Actor, id: number, version: number, content: { title: string; dek: string; body: DocumentNode }, published: boolean) {
  await tx.insert(revisions).values({ articleId: id, version, title: content.title, dek: content.dek, bodyJson: content.body, authorId: actor.id, published });
  // Keep the newest KEPT_REVISIONS and every published one.
  await tx.execute(sql`
    delete from ${revisions} where ${revisions.articleId} = ${id} and ${revisions.published} = false and ${revisions.id} not in (
      select ${revisions.id} from ${revisions} where ${revisions.articleId} = ${id} order by ${revisions.version} desc limit ${KEPT_REVISIONS}
    )`);
}

/**
 * Creates or saves a story and, with an intent other than save, moves it through the workflow — all in
 * one transaction. Saving an existing story needs the version it was opened at: an older one is a conflict
 * and changes nothing. Rules are per object: who may edit, submit or publish this very story.
 */
export async function saveArticle(actor: Actor, raw: ArticleInput, { db = getDb(), now = new Date() } = {}): Promise<SaveResult> {
  const parsed = articleInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(issue?.message ?? 'Please check the story’s fields.', 'invalid', issue ? { [String(issue.path[0])]: issue.message } : undefined);
  }
  const input = parsed.data;
  const body = validateDocument(input.body);
  const bodyText = documentText(body);
  const transition: Transition | null = input.intent === 'save' || input.intent === 'autosave' ? null : input.intent;

  return db.transaction(async (tx) => {
    let id = input.id;
    let before: Snapshot | null = null;
    let current: Awaited<ReturnType<typeof factsFor>> = null;
    if (id) {
      current = await factsFor(tx, id);
      if (!current) throw new UserError('That story no longer exists.', 'not_found');
      refuseUnless(canOnArticle(actor, 'view', current));
      if (input.version !== current.version) {
        throw new ConflictError({ version: current.version, title: current.title, dek: current.dek, bodyText: current.bodyText, body: current.bodyJson });
      }
      refuseUnless(canOnArticle(actor, 'edit', current), current.status === 'published' || current.status === 'scheduled' ? 'Only its author or an editor can change a published story.' : undefined);
      before = await snapshot(tx, id);
    } else {
      refuseUnless(can(actor, 'article:create'), 'You cannot write stories.');
    }

    // Slug: the one typed, else from the title; unique across stories.
    const slug = input.slug || slugify(input.title) || 'untitled';
    const [clash] = await tx.select({ id: articles.id }).from(articles).where(and(eq(articles.slug, slug), id ? ne(articles.id, id) : undefined));
    if (clash) {
      if (input.slug) throw new UserError('Another story already uses that slug. Choose a different one.', 'invalid', { slug: 'Another story already uses that slug.' });
    }
    const finalSlug = clash ? uniqueSlug(slug, new Set((await tx.select({ slug: articles.slug }).from(articles).where(sql`${articles.slug} like ${slug + '%'}`)).map((r) => r.slug))) : slug;

    if (input.sectionId) {
      const [section] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, input.sectionId));
      if (!section) throw new UserError('That section no longer exists.', 'invalid', { sectionId: 'Choose a section from the list.' });
    }
    let authorIds = input.authorIds.length ? [...new Set(input.authorIds)] : (current?.authorIds ?? [actor.id]);
    if (!atLeast(actor.role, 'editor') && !authorIds.includes(actor.id)) authorIds = [actor.id, ...authorIds];
    const knownAuthors = await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, authorIds), ne(users.role, 'reader')));
    if (knownAuthors.length !== authorIds.length) throw new UserError('Bylines can only name staff members.', 'invalid', { authorIds: 'Choose authors from the staff list.' });
    const tagIds = await tagIdsFor(tx, actor, input.tags);

    const fields = {
      slug: finalSlug,
      title: input.title,
      dek: input.dek,
      bodyJson: body,
      bodyText,
      wordCount: countWords(bodyText),
      sectionId: input.sectionId ?? null,
      heroMediaId: input.heroMediaId ?? null,
      seoTitle: input.seoTitle,
      seoDescription: input.seoDescription,
      commentsMode: input.commentsMode,
      updatedAt: now,
    };
    let version: number;
    let status: ArticleStatus;
    if (id && current) {
      version = current.version + 1;
      status = current.status;
      await tx.update(articles).set({ ...fields, version }).where(eq(articles.id, id));
    } else {
      const [created] = await tx.insert(articles).values({ ...fields, status: 'draft', version: 1, createdAt: now }).returning({ id: articles.id });
      id = created!.id;
      version = 1;
      status = 'draft';
      await audit(tx, actor, 'article.create', id, { title: input.title });
    }
    await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, id));
    await tx.insert(articleAuthors).values(authorIds.map((userId, position) => ({ articleId: id!, userId, position })));
    await tx.delete(articleTags).where(eq(articleTags.articleId, id));
    if (tagIds.length) await tx.insert(articleTags).values(tagIds.map((tagId) => ({ articleId: id!, tagId })));

    if (transition) {
      status = await applyTransition(tx, actor, id, status, authorIds, transition, input.publishAt, now, current?.publishedAt ?? null);
    }
    await keepRevision(tx, actor, id, version, { title: input.title, dek: input.dek, body }, status === 'published');
    const after = await snapshot(tx, id);
    return { id, version, status, slug: finalSlug, touched: publicTags(before, after) };
  });
}

async function applyTransition(
  tx: Transaction,
  actor: Actor,
  id: number,
  from: ArticleStatus,
  authorIds: number[],
  transition: Transition,
  publishAt: Date | undefined,
  now: Date,
  publishedAt: Date | null,
): Promise<ArticleStatus> {
  if (!isAllowedTransition(from, transition)) throw new UserError(illegalTransitionMessage(from, transition), 'invalid_transition');
  const needs: ArticleAction = permissionFor(transition);
  refuseUnless(canOnArticle(actor, needs, { status: from, authorIds }), transition === 'publish' ? 'Only an editor can publish this story: submit it for review.' : undefined);
  const to = transitionTarget(transition);
  if (transition === 'schedule') {
    if (!publishAt || publishAt.getTime() <= now.getTime() + 30_000) {
      throw new UserError('Choose a publication time in the future.', 'invalid', { publishAt: 'Choose a time in the future.' });
    }
    await tx.update(articles).set({ status: to, publishAt }).where(eq(articles.id, id));
  } else if (to === 'published') {
    await tx.update(articles).set({ status: to, publishAt: null, publishedAt: publishedAt ?? now }).where(eq(articles.id, id));
  } else {
    await tx.update(articles).set({ status: to, publishAt: null }).where(eq(articles.id, id));
  }
  await audit(tx, actor, `article.${transition}`, id, { from, to, ...(publishAt && transition === 'schedule' ? { publishAt: publishAt.toISOString() } : {}) });
  return to;
}

/** Publishes scheduled stories whose time has come, each exactly once even with several instances running. */
export async function publishDueArticles({ db = getDb(), now = new Date() } = {}): Promise<{ ids: number[]; touched: string[] }> {
  return db.transaction(async (tx) => {
    // Row locks with SKIP LOCKED: two schedulers never take the same story; the status check makes it once.
    const due = await tx
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.status, 'scheduled'), lte(articles.publishAt, now)))
      .orderBy(asc(articles.publishAt))
      .limit(100)
      .for('update', { skipLocked: true });
    const touched = new Set<string>();
    for (const { id } of due) {
      const before = await snapshot(tx, id);
      await tx
        .update(articles)
        .set({ status: 'published', publishedAt: sql`coalesce(${articles.publishedAt}, ${articles.publishAt})`, publishAt: null })
        .where(and(eq(articles.id, id), eq(articles.status, 'scheduled')));
      await tx.update(revisions).set({ published: true }).where(and(eq(revisions.articleId, id), eq(revisions.version, sql`(select version from articles where id = ${id})`)));
      await audit(tx, null, 'article.publish', id, { from: 'scheduled', to: 'published', by: 'scheduler' });
      for (const tag of publicTags(before, await snapshot(tx, id))) touched.add(tag);
    }
    return { ids: due.map((row) => row.id), touched: [...touched] };
  });
}

export async function deleteArticle(actor: Actor, id: number, { db = getDb() } = {}): Promise<string[]> {
  return db.transaction(async (tx) => {
    const current = await factsFor(tx, id);
    if (!current) throw new UserError('That story no longer exists.', 'not_found');
    refuseUnless(canOnArticle(actor, 'delete', current));
    const before = await snapshot(tx, id);
    await audit(tx, actor, 'article.delete', id, { title: current.title, slug: current.slug, status: current.status });
    await tx.delete(articles).where(eq(articles.id, id));
    return publicTags(before, null);
  });
}

export interface EditableArticle {
  id: number;
  version: number;
  status: ArticleStatus;
  title: string;
  dek: string;
  slug: string;
  sectionId: number | null;
  tags: string[];
  authorIds: number[];
  body: DocumentNode;
  heroMediaId: number | null;
  seoTitle: string;
  seoDescription: string;
  commentsMode: 'open' | 'closed' | 'off';
  publishAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  wordCount: number;
}

/** A story as the editor opens it, if `actor` may see it. */
export async function getEditableArticle(actor: Actor, id: number, { db = getDb() } = {}): Promise<EditableArticle | null> {
  const [row] = await db.select().from(articles).where(eq(articles.id, id));
  if (!row) return null;
  const authorIds = (await db.select({ userId: articleAuthors.userId }).from(articleAuthors).where(eq(articleAuthors.articleId, id)).orderBy(asc(articleAuthors.position))).map((a) => a.userId);
  if (!canOnArticle(actor, 'view', { status: row.status, authorIds })) return null;
  const tagRows = await db.select({ name: tagTable.name }).from(articleTags).innerJoin(tagTable, eq(tagTable.id, articleTags.tagId)).where(eq(articleTags.articleId, id)).orderBy(asc(tagTable.name));
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    title: row.title,
    dek: row.dek,
    slug: row.slug,
    sectionId: row.sectionId,
    tags: tagRows.map((t) => t.name),
    authorIds,
    body: row.bodyJson,
    heroMediaId: row.heroMediaId,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    commentsMode: row.commentsMode,
    publishAt: row.publishAt,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    wordCount: row.wordCount,
  };
}

export interface RevisionSummary {
  version: number;
  title: string;
  authorName: string | null;
  published: boolean;
  createdAt: Date;
}

export async function listRevisions(actor: Actor, articleId: number, { db = getDb() } = {}): Promise<RevisionSummary[]> {
  if (!(await getEditableArticle(actor, articleId, { db }))) return [];
  return db
    .select({ version: revisions.version, title: revisions.title, authorName: users.name, published: revisions.published, createdAt: revisions.createdAt })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(eq(revisions.articleId, articleId))
    .orderBy(desc(revisions.version));
}

export async function getRevision(actor: Actor, articleId: number, version: number, { db = getDb() } = {}) {
  if (!(await getEditableArticle(actor, articleId, { db }))) return null;
  const [row] = await db.select().from(revisions).where(and(eq(revisions.articleId, articleId), eq(revisions.version, version)));
  return row ? { version: row.version, title: row.title, dek: row.dek, body: row.bodyJson, bodyText: documentText(row.bodyJson), createdAt: row.createdAt } : null;
}

export const listFiltersSchema = z.object({
  status: z.enum(articleStatuses).optional().catch(undefined),
  section: z.coerce.number().int().positive().optional().catch(undefined),
  author: z.coerce.number().int().positive().optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type ListFilters = z.infer<typeof listFiltersSchema>;

export const DASHBOARD_PAGE_SIZE = 25;

/** The dashboard's list: everything for editors, one's own stories for contributors and authors. */
export async function listStories(actor: Actor, filters: ListFilters, { db = getDb() } = {}) {
  const mine = atLeast(actor.role, 'editor') ? undefined : inArray(articles.id, db.select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.userId, actor.id)));
  const where = and(
    mine,
    filters.status ? eq(articles.status, filters.status) : undefined,
    filters.section ? eq(articles.sectionId, filters.section) : undefined,
    filters.author ? inArray(articles.id, db.select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.userId, filters.author))) : undefined,
    filters.q ? sql`(${articles.title} ilike ${'%' + filters.q.replace(/[\\%_]/g, '\\$&') + '%'} or ${articles.search} @@ websearch_to_tsquery('english', ${filters.q}))` : undefined,
  );
  const [rows, [total], counts] = await Promise.all([
    db
      .select({ id: articles.id, title: articles.title, slug: articles.slug, status: articles.status, updatedAt: articles.updatedAt, publishAt: articles.publishAt, publishedAt: articles.publishedAt, sectionName: sections.name })
      .from(articles)
      .leftJoin(sections, eq(sections.id, articles.sectionId))
      .where(where)
      .orderBy(desc(articles.updatedAt), desc(articles.id))
      .limit(DASHBOARD_PAGE_SIZE)
      .offset((filters.page - 1) * DASHBOARD_PAGE_SIZE),
    db.select({ n: sql<number>`count(*)::int` }).from(articles).where(where),
    db.select({ status: articles.status, n: sql<number>`count(*)::int` }).from(articles).where(mine).groupBy(articles.status),
  ]);
  const bylines = rows.length
    ? await db.select({ articleId: articleAuthors.articleId, name: users.name }).from(articleAuthors).innerJoin(users, eq(users.id, articleAuthors.userId)).where(inArray(articleAuthors.articleId, rows.map((r) => r.id))).orderBy(asc(articleAuthors.position))
    : [];
  return {
    items: rows.map((row) => ({ ...row, authors: bylines.filter((b) => b.articleId === row.id).map((b) => b.name) })),
    total: Number(total?.n ?? 0),
    counts: Object.fromEntries(articleStatuses.map((status) => [status, Number(counts.find((c) => c.status === status)?.n ?? 0)])) as Record<ArticleStatus, number>,
  };
}

/** Staff who can hold a byline, for the editor's author picker. */
export async function listStaff({ db = getDb() } = {}) {
  return db.select({ id: users.id, name: users.name }).from(users).where(notInArray(users.role, ['reader'])).orderBy(asc(users.name));
}

/** Puts an old revision's title, dek and text back as a new version; everything else stays as it is. */
export async function restoreRevision(actor: Actor, input: { id: number; version: number; revision: number }, { db = getDb() } = {}): Promise<SaveResult> {
  const current = await getEditableArticle(actor, input.id, { db });
  const revision = current && (await getRevision(actor, input.id, input.revision, { db }));
  if (!current || !revision) throw new UserError('That revision no longer exists.', 'not_found');
  return saveArticle(
    actor,
    {
      ...current,
      id: current.id,
      version: input.version,
      intent: 'save',
      title: revision.title,
      dek: revision.dek,
      body: revision.body,
      sectionId: current.sectionId ?? undefined,
      heroMediaId: current.heroMediaId ?? undefined,
      publishAt: undefined,
    },
    { db },
  );
}

export async function addEditorialNote(actor: Actor, input: { articleId: number; body: string }, { db = getDb() } = {}) {
  const body = z.string().trim().min(1, 'Write the note first.').max(4000, 'Notes can be at most 4,000 characters.').safeParse(input.body);
  if (!body.success) throw new UserError(body.error.issues[0]!.message, 'invalid', { body: body.error.issues[0]!.message });
  const article = await getEditableArticle(actor, input.articleId, { db });
  if (!article || !canOnArticle(actor, 'note', article)) throw new UserError('You cannot add notes to this story.', 'forbidden');
  await db.insert(editorialNotes).values({ articleId: input.articleId, authorId: actor.id, body: body.data });
}

/** Staff-only notes on a story, oldest first. */
export async function listEditorialNotes(actor: Actor, articleId: number, { db = getDb() } = {}) {
  if (!(await getEditableArticle(actor, articleId, { db }))) return [];
  return db
    .select({ id: editorialNotes.id, body: editorialNotes.body, createdAt: editorialNotes.createdAt, authorName: users.name })
    .from(editorialNotes)
    .leftJoin(users, eq(users.id, editorialNotes.authorId))
    .where(eq(editorialNotes.articleId, articleId))
    .orderBy(asc(editorialNotes.createdAt));
}
