import 'server-only';
import { and, asc, count, desc, eq, gt, inArray, like, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database, type Transaction } from '@/db/client';
import { articles, auditLog, comments, notifications, reports, users, type Role } from '@/db/schema';
import { tags } from './cache-tags';
import {
  applyPublication,
  commentFacts,
  parseReport,
  TRUSTED_AFTER_APPROVALS,
  touchedTags,
  type CommentFacts,
  type CommentStatus,
  type HoldReason,
} from './comments';
import { UserError } from './errors';
import { pageCount, type Page } from './pagination';
import { atLeast, can, isStaff, type Actor } from './permissions';
import { banUser } from './users';

// The moderators' side of comments (editors and admins). Every decision is written to audit_log as
// 'comment.<decision>' with target_type 'comment': that is the moderation log. Counts move with statuses
// through applyPublication, in the transaction of the decision.

export type Decision = 'approve' | 'remove' | 'spam';
const statusAfter: Record<Decision, CommentStatus> = { approve: 'published', remove: 'removed', spam: 'spam' };

export const BULK_LIMIT = 100;
export const QUEUE_PAGE_SIZE = 25;

export interface ModerationResult {
  /** How many comments the decision changed (an approval also counts one whose open reports it dismissed). */
  changed: number;
  /** Public cache tags to expire: the threads whose shown comments changed, and the counts' pages. */
  touched: string[];
}

export interface ModerationOptions {
  db?: Database;
  now?: Date;
}

function mayModerate(actor: Actor): void {
  if (!can(actor, 'comments:moderate')) throw new UserError('Only editors and admins can moderate comments.', 'forbidden');
}

const idsSchema = z
  .array(z.coerce.number().int().positive().max(2_147_483_647), { error: 'Choose the comments to act on.' })
  .min(1, 'Choose at least one comment.')
  .max(BULK_LIMIT, `Choose at most ${BULK_LIMIT} comments at a time.`)
  .transform((ids) => [...new Set(ids)]);

function parseIds(raw: unknown): number[] {
  const parsed = idsSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new UserError(first?.code === 'too_big' || first?.code === 'too_small' ? first.message : 'One of those comments could not be found.', 'invalid');
  }
  return parsed.data;
}

async function audit(tx: Transaction, actor: Actor, action: string, commentId: number, detail: Record<string, unknown>) {
  await tx.insert(auditLog).values({ actorId: actor.id, action, targetType: 'comment', targetId: commentId, detail });
}

/** Readers whose published comments reach the threshold become trusted: their comments stop waiting. */
async function trustAuthors(tx: Transaction, authorIds: number[]): Promise<void> {
  if (authorIds.length === 0) return;
  await tx
    .update(users)
    .set({ trusted: true })
    .where(
      and(
        inArray(users.id, authorIds),
        eq(users.trusted, false),
        sql`(select count(*) from ${comments} where ${comments.authorId} = ${users.id} and ${comments.status} = 'published') >= ${TRUSTED_AFTER_APPROVALS}`,
      ),
    );
}

/**
 * Applies one decision to comments in one transaction. Approving publishes (from pending, spam or
 * removed), notifies the author and dismisses open reports; removing or marking as spam hides the
 * comment (its published replies stay, under a "[deleted]" placeholder). A forged id refuses the lot.
 */
async function decide(actor: Actor, rawIds: unknown, decision: Decision, { db = getDb() }: ModerationOptions): Promise<ModerationResult> {
  mayModerate(actor);
  const ids = parseIds(rawIds);
  const target = statusAfter[decision];
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ ...commentFacts, reportCount: comments.reportCount })
      .from(comments)
      .where(inArray(comments.id, ids))
      .orderBy(asc(comments.id))
      .for('update');
    if (rows.length !== ids.length) throw new UserError(ids.length === 1 ? 'That comment could not be found. It may have been deleted.' : 'Some of those comments could not be found. Nothing was changed.', 'not_found');
    const moving = rows.filter((row) => row.status !== target);
    const dismissing = decision === 'approve' ? rows.filter((row) => row.status === target && row.reportCount > 0) : [];
    if (moving.length) {
      await tx
        .update(comments)
        .set(decision === 'approve' ? { status: target, reportCount: 0 } : { status: target })
        .where(inArray(comments.id, moving.map((row) => row.id)));
    }
    if (dismissing.length) await tx.update(comments).set({ reportCount: 0 }).where(inArray(comments.id, dismissing.map((row) => row.id)));
    for (const row of moving) await audit(tx, actor, `comment.${decision}`, row.id, { from: row.status });
    for (const row of dismissing) await audit(tx, actor, `comment.${decision}`, row.id, { from: row.status, dismissedReports: row.reportCount });

    const publication = moving.flatMap((row): Array<{ comment: CommentFacts; delta: 1 | -1 }> =>
      row.status === 'published' ? [{ comment: row, delta: -1 }] : target === 'published' ? [{ comment: row, delta: 1 }] : [],
    );
    await applyPublication(tx, publication);
    if (decision === 'approve') {
      const approved = moving.filter((row) => row.authorId !== null && row.authorId !== actor.id);
      if (approved.length) await tx.insert(notifications).values(approved.map((row) => ({ userId: row.authorId!, kind: 'approved', commentId: row.id })));
      await trustAuthors(tx, [...new Set(moving.flatMap((row) => (row.authorId === null ? [] : [row.authorId])))]);
    }
    return {
      changed: moving.length + dismissing.length,
      touched: publication.length ? await touchedTags(tx, publication.map(({ comment }) => comment.articleId), true) : [],
    };
  });
}

export const approveComment = (actor: Actor, commentId: number, options: ModerationOptions = {}) => decide(actor, [commentId], 'approve', options);
export const removeComment = (actor: Actor, commentId: number, options: ModerationOptions = {}) => decide(actor, [commentId], 'remove', options);
export const markCommentSpam = (actor: Actor, commentId: number, options: ModerationOptions = {}) => decide(actor, [commentId], 'spam', options);
/** Approves up to BULK_LIMIT comments at once (the Pending tab's checkboxes). */
export const bulkApprove = (actor: Actor, commentIds: number[], options: ModerationOptions = {}) => decide(actor, commentIds, 'approve', options);

export const decisionSchema = z.object({
  decision: z.enum(['approve', 'remove', 'spam'], { error: 'Choose what to do with the comments.' }),
  ids: z.preprocess((value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]), z.array(z.unknown())),
});

/** One entry point for the queue's forms: `{ decision, ids }` straight from FormData. */
export async function moderate(actor: Actor, input: z.input<typeof decisionSchema>, options: ModerationOptions = {}): Promise<ModerationResult> {
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? 'Choose what to do with the comments.', 'invalid');
  return decide(actor, parsed.data.ids, parsed.data.decision, options);
}

/** Pins a published comment at the top of its thread (or unpins it). */
export async function featureComment(actor: Actor, commentId: number, featured: boolean, { db = getDb() }: ModerationOptions = {}): Promise<ModerationResult> {
  mayModerate(actor);
  const [id] = parseIds([commentId]);
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ ...commentFacts, featured: comments.featured }).from(comments).where(eq(comments.id, id!)).for('update');
    if (!row) throw new UserError('That comment could not be found. It may have been deleted.', 'not_found');
    if (featured && row.status !== 'published') throw new UserError('Only a published comment can be featured.', 'invalid');
    if (row.featured === featured) return { changed: 0, touched: [] };
    await tx.update(comments).set({ featured }).where(eq(comments.id, row.id));
    await audit(tx, actor, featured ? 'comment.feature' : 'comment.unfeature', row.id, {});
    return { changed: 1, touched: row.status === 'published' ? [tags.comments(row.articleId)] : [] };
  });
}

export const banDurations = ['1', '7', '30', 'permanent'] as const;

export const banAuthorSchema = z.object({
  userId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  /** The comment the ban is for (the queue's "Ban author" button): its author is banned and the log links it. */
  commentId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  duration: z.union([z.literal('permanent'), z.coerce.number().int().min(1).max(3650)], { error: 'Choose how long the ban lasts.' }),
});

/**
 * Suspends a comment's author for N days, or bans them for good, through lib/users.ts `banUser` (which
 * signs them out and logs 'user.suspend'/'user.ban'); with a comment, also logs 'comment.ban_author'.
 * Editors ban readers; members of staff only an admin can ban. Their comments stay as they are.
 */
export async function banAuthor(actor: Actor, input: z.input<typeof banAuthorSchema>, { db = getDb(), now = new Date() }: ModerationOptions = {}): Promise<ModerationResult> {
  mayModerate(actor);
  const parsed = banAuthorSchema.safeParse(input);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? 'Choose how long the ban lasts.', 'invalid');
  const { commentId, duration } = parsed.data;
  return db.transaction(async (tx) => {
    let userId = parsed.data.userId;
    if (commentId !== undefined) {
      const [comment] = await tx.select({ authorId: comments.authorId }).from(comments).where(eq(comments.id, commentId));
      if (!comment) throw new UserError('That comment could not be found. It may have been deleted.', 'not_found');
      if (comment.authorId === null) throw new UserError('The author of that comment deleted their account.', 'not_found');
      if (userId !== undefined && userId !== comment.authorId) throw new UserError('That person did not write that comment.', 'invalid');
      userId = comment.authorId;
    }
    if (userId === undefined) throw new UserError('Choose whom to ban.', 'invalid');
    const [person] = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, userId));
    if (!person) throw new UserError('That person’s account no longer exists.', 'not_found');
    if (person.id === actor.id) throw new UserError('You can’t suspend or ban yourself.', 'self');
    if (isStaff(person.role) && !atLeast(actor.role, 'admin')) throw new UserError('Only an admin can ban a member of staff.', 'forbidden');
    const days = duration === 'permanent' ? undefined : duration;
    await banUser({ user: { id: person.id }, days }, { actor: { id: actor.id, via: 'dashboard' }, db: tx, now });
    if (commentId !== undefined) await audit(tx, actor, 'comment.ban_author', commentId, { userId: person.id, days: days ?? null });
    // Nothing public changes: what they wrote stays until a moderator decides otherwise.
    return { changed: 1, touched: [] };
  });
}

// ---------------------------------------------------------------------------------------------------------
// The queue

export const queueTabs = ['pending', 'reported', 'spam', 'all'] as const;
export type QueueTab = (typeof queueTabs)[number];

export const queueFilterSchema = z.object({
  tab: z.enum(queueTabs).catch('pending'),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

export interface QueueItem {
  id: number;
  body: string;
  status: CommentStatus;
  depth: number;
  parentId: number | null;
  featured: boolean;
  reactionCount: number;
  reportCount: number;
  createdAt: Date;
  editedAt: Date | null;
  article: { id: number; slug: string; title: string };
  author: { id: number; name: string; slug: string; role: Role; status: 'active' | 'suspended' | 'banned'; trusted: boolean } | null;
  /** Why it waits, for a held comment. */
  heldFor: HoldReason[];
  /** Every report on it, newest first (the Reported tab shows them; report_count counts those not reviewed). */
  reports: Array<{ reason: string; note: string; at: Date; by: string | null }>;
}

function tabCondition(tab: QueueTab): SQL | undefined {
  switch (tab) {
    case 'pending':
      return eq(comments.status, 'pending');
    case 'reported':
      return and(gt(comments.reportCount, 0), inArray(comments.status, ['published', 'pending']));
    case 'spam':
      return eq(comments.status, 'spam');
    case 'all':
      return undefined;
  }
}

function tabOrder(tab: QueueTab): SQL[] {
  switch (tab) {
    case 'pending':
      // First come, first served: the longest wait is at the top.
      return [asc(comments.createdAt), asc(comments.id)];
    case 'reported':
      return [desc(comments.reportCount), desc(comments.createdAt), desc(comments.id)];
    default:
      return [desc(comments.createdAt), desc(comments.id)];
  }
}

/** A page of a queue tab: four queries whatever the page holds (items, total, hold reasons, reports). */
export async function getModerationQueue(
  actor: Actor,
  filter: Partial<z.input<typeof queueFilterSchema>> = {},
  { db = getDb() }: { db?: Database } = {},
): Promise<Page<QueueItem> & { tab: QueueTab }> {
  mayModerate(actor);
  const { tab, page } = queueFilterSchema.parse(filter);
  const where = tabCondition(tab);
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: comments.id,
        body: comments.body,
        status: comments.status,
        depth: comments.depth,
        parentId: comments.parentId,
        featured: comments.featured,
        reactionCount: comments.reactionCount,
        reportCount: comments.reportCount,
        createdAt: comments.createdAt,
        editedAt: comments.editedAt,
        articleId: articles.id,
        articleSlug: articles.slug,
        articleTitle: articles.title,
        authorId: users.id,
        authorName: users.name,
        authorSlug: users.slug,
        authorRole: users.role,
        authorStatus: users.status,
        authorTrusted: users.trusted,
      })
      .from(comments)
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(where)
      .orderBy(...tabOrder(tab))
      .limit(QUEUE_PAGE_SIZE)
      .offset((page - 1) * QUEUE_PAGE_SIZE),
    db.select({ total: count() }).from(comments).where(where),
  ]);
  const ids = rows.map((row) => row.id);
  const [holds, reportRows] = ids.length
    ? await Promise.all([
        db
          .select({ commentId: auditLog.targetId, detail: auditLog.detail })
          .from(auditLog)
          .where(and(eq(auditLog.targetType, 'comment'), eq(auditLog.action, 'comment.hold'), inArray(auditLog.targetId, ids)))
          .orderBy(asc(auditLog.id)),
        db
          .select({ commentId: reports.commentId, reason: reports.reason, at: reports.createdAt, by: users.name })
          .from(reports)
          .leftJoin(users, eq(users.id, reports.userId))
          .where(inArray(reports.commentId, ids))
          .orderBy(desc(reports.createdAt), desc(reports.id)),
      ])
    : [[], []];
  const heldFor = new Map<number, HoldReason[]>();
  for (const hold of holds) {
    if (hold.commentId !== null && Array.isArray(hold.detail.reasons)) heldFor.set(hold.commentId, hold.detail.reasons as HoldReason[]);
  }
  const total = totals?.total ?? 0;
  return {
    tab,
    page,
    total,
    pageCount: pageCount(total, QUEUE_PAGE_SIZE),
    items: rows.map((row) => ({
      id: row.id,
      body: row.body,
      status: row.status,
      depth: row.depth,
      parentId: row.parentId,
      featured: row.featured,
      reactionCount: row.reactionCount,
      reportCount: row.reportCount,
      createdAt: row.createdAt,
      editedAt: row.editedAt,
      article: { id: row.articleId, slug: row.articleSlug, title: row.articleTitle },
      author:
        row.authorId !== null && row.authorName !== null && row.authorSlug !== null && row.authorRole !== null && row.authorStatus !== null && row.authorTrusted !== null
          ? { id: row.authorId, name: row.authorName, slug: row.authorSlug, role: row.authorRole, status: row.authorStatus, trusted: row.authorTrusted }
          : null,
      heldFor: row.status === 'pending' ? (heldFor.get(row.id) ?? []) : [],
      reports: reportRows.filter((report) => report.commentId === row.id).map((report) => ({ ...parseReport(report.reason), at: report.at, by: report.by })),
    })),
  };
}

/** How many comments each tab holds, for the tabs' badges: one query. */
export async function getQueueCounts(actor: Actor, { db = getDb() }: { db?: Database } = {}): Promise<Record<QueueTab, number>> {
  mayModerate(actor);
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${tabCondition('pending')})`.mapWith(Number),
      reported: sql<number>`count(*) filter (where ${tabCondition('reported')})`.mapWith(Number),
      spam: sql<number>`count(*) filter (where ${tabCondition('spam')})`.mapWith(Number),
      all: count(),
    })
    .from(comments);
  return { pending: row?.pending ?? 0, reported: row?.reported ?? 0, spam: row?.spam ?? 0, all: row?.all ?? 0 };
}

export interface ModerationLogEntry {
  id: number;
  at: Date;
  /** 'comment.approve', 'comment.remove', 'comment.spam', 'comment.feature', 'comment.unfeature', 'comment.ban_author', or 'comment.hold' (by the rules: no actor). */
  action: string;
  actor: { id: number; name: string } | null;
  comment: { id: number; excerpt: string; articleTitle: string; articleSlug: string } | null;
  detail: Record<string, unknown>;
}

/** The moderation log: every 'comment.*' entry of the audit log, newest first, with who and what. */
export async function getModerationLog(
  actor: Actor,
  { page = 1, includeHolds = false }: { page?: number; includeHolds?: boolean } = {},
  { db = getDb() }: { db?: Database } = {},
): Promise<Page<ModerationLogEntry>> {
  mayModerate(actor);
  const current = Number.isSafeInteger(page) && page >= 1 ? page : 1;
  const where = and(eq(auditLog.targetType, 'comment'), like(auditLog.action, 'comment.%'), includeHolds ? undefined : ne(auditLog.action, 'comment.hold'));
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        detail: auditLog.detail,
        actorId: users.id,
        actorName: users.name,
        commentId: comments.id,
        body: comments.body,
        articleTitle: articles.title,
        articleSlug: articles.slug,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .leftJoin(comments, eq(comments.id, auditLog.targetId))
      .leftJoin(articles, eq(articles.id, comments.articleId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(QUEUE_PAGE_SIZE)
      .offset((current - 1) * QUEUE_PAGE_SIZE),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  const total = totals?.total ?? 0;
  return {
    page: current,
    total,
    pageCount: pageCount(total, QUEUE_PAGE_SIZE),
    items: rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      actor: row.actorId !== null && row.actorName !== null ? { id: row.actorId, name: row.actorName } : null,
      comment:
        row.commentId !== null && row.body !== null && row.articleTitle !== null && row.articleSlug !== null
          ? { id: row.commentId, excerpt: excerpt(row.body), articleTitle: row.articleTitle, articleSlug: row.articleSlug }
          : null,
      detail: row.detail,
    })),
  };
}

function excerpt(body: string, length = 140): string {
  const flat = body.replace(/\s+/g, ' ');
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

