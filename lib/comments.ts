import 'server-only';
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { z } from 'zod';
import { getDb, selectRows, type Database, type Transaction } from '@/db/client';
import {
  articleAuthors,
  articles,
  articleTags,
  auditLog,
  commentReactions,
  comments,
  notifications,
  reports,
  sections,
  tags as tagTable,
  users,
  type Role,
} from '@/db/schema';
import { tags } from './cache-tags';
import { characterCount, COMMENT_MAX_LENGTH, countLinks, listedWordsIn, normalizeCommentText } from './comment-text';
import { isBuildPhase } from './env';
import { UserError } from './errors';
import { isStaff, type Actor } from './permissions';
import { limits, take } from './rate-limit';
import { getSettings, type Settings } from './settings';
import { threadHref, threadSortNames, type ThreadSortName } from './thread-links';

// Reader comments: posting, editing, deleting, reactions and reports, and the public thread. Moderators'
// decisions are in lib/moderation.ts. Counts follow the definitions db/seed/bulk.ts reconciles to:
// articles.comment_count = published comments of the story at any depth; comments.reply_count = published
// direct replies. They change by +1/−1 in the transaction that changes a comment's status: a relative
// update is re-applied to the newest row under concurrency, where a recount would read a stale snapshot.

export const EDIT_WINDOW_MS = 10 * 60_000;
/** The same text from the same reader on the same story within this window is a double submit. */
export const DUPLICATE_WINDOW_MS = 10 * 60_000;
/** A reader's comments wait for a moderator until this many of them are published. */
export const TRUSTED_AFTER_APPROVALS = 2;
/** A comment with this many links or more waits for a moderator. */
export const HELD_AT_LINKS = 2;
/** Top-level comments per page of a thread; each comes with all its replies. */
export const THREAD_PAGE_SIZE = 15;

export type CommentStatus = (typeof comments.$inferSelect)['status'];

export const reportReasons = ['spam', 'abuse', 'off-topic', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];
export const reportReasonLabels: Record<ReportReason, string> = {
  spam: 'Spam',
  abuse: 'Abusive or hateful',
  'off-topic': 'Off topic',
  other: 'Something else',
};
export const REPORT_NOTE_MAX = 500;

/** Why a comment waits for a moderator: kept in its 'comment.hold' audit entry for the queue to show. */
export type HoldReason = 'premoderation' | 'suspect_words' | 'links' | 'new_reader';

export const BANNED_WORDS_MESSAGE = 'Your comment contains words we don’t allow. Please rephrase it.';
const COMMENT_NOT_FOUND = 'That comment could not be found. It may have been deleted.';

// ---------------------------------------------------------------------------------------------------------
// Input

// A forged id ("abc", 1e12) is a clear refusal, never a database error about integer range.
const idField = (message: string) =>
  z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.coerce.number({ error: message }).int(message).positive(message).max(2_147_483_647, message),
  );
const optionalId = (message: string) => idField(message).optional();
const text = z.string({ error: 'Write something before posting: your comment is empty.' });

export const newCommentSchema = z.object({
  articleId: idField('That story could not be found.'),
  parentId: optionalId('The comment you are replying to could not be found.'),
  body: text,
});
export const editCommentSchema = z.object({ commentId: idField(COMMENT_NOT_FOUND), body: text });
export const commentRefSchema = z.object({ commentId: idField(COMMENT_NOT_FOUND) });
export const reportSchema = z.object({
  commentId: idField(COMMENT_NOT_FOUND),
  reason: z.enum(reportReasons, { error: 'Choose a reason for your report.' }),
  note: z.string().trim().max(REPORT_NOTE_MAX, `Keep the note under ${REPORT_NOTE_MAX} characters.`).optional().default(''),
});

export type NewCommentInput = z.input<typeof newCommentSchema>;
export type EditCommentInput = z.input<typeof editCommentSchema>;
export type CommentRef = z.input<typeof commentRefSchema>;
export type ReportInput = z.input<typeof reportSchema>;

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UserError(issue?.message ?? 'Please check the form.', 'invalid', issue ? { [String(issue.path[0] ?? 'form')]: issue.message } : undefined);
  }
  return result.data;
}

/** The text as it will be stored, or a refusal a reader understands (kept beside the field). */
export function commentBody(raw: string): string {
  const body = normalizeCommentText(raw);
  if (body === '') throw new UserError('Write something before posting: your comment is empty.', 'invalid', { body: 'Your comment is empty.' });
  const length = characterCount(body);
  if (length > COMMENT_MAX_LENGTH) {
    const message = `Comments can be at most ${COMMENT_MAX_LENGTH.toLocaleString('en-US')} characters; yours has ${length.toLocaleString('en-US')}.`;
    throw new UserError(message, 'invalid', { body: message });
  }
  return body;
}

// ---------------------------------------------------------------------------------------------------------
// Rules

export interface Commenter {
  id: number;
  role: Role;
  trusted: boolean;
}

export type Screening = { verdict: 'refuse' } | { verdict: 'publish' } | { verdict: 'hold'; reasons: HoldReason[] };

/**
 * What moderation makes of a text from this person under these settings. Staff comments are always
 * published; a reader's are refused for a banned word, else held for any of the reasons, else published.
 */
export function screenComment(body: string, author: Pick<Commenter, 'role' | 'trusted'>, rules: Settings): Screening {
  if (isStaff(author.role)) return { verdict: 'publish' };
  if (listedWordsIn(body, rules['comments.bannedWords']).length > 0) return { verdict: 'refuse' };
  const reasons: HoldReason[] = [];
  if (rules['comments.premoderation']) reasons.push('premoderation');
  if (listedWordsIn(body, rules['comments.suspectWords']).length > 0) reasons.push('suspect_words');
  if (countLinks(body) >= HELD_AT_LINKS) reasons.push('links');
  if (!author.trusted) reasons.push('new_reader');
  return reasons.length ? { verdict: 'hold', reasons } : { verdict: 'publish' };
}

export type CommentingState = 'open' | 'closed' | 'auto-closed' | 'off';

/** Whether a published story takes comments now: its own mode, then the site's auto-close after N days. */
export function commentingState(
  article: { commentsMode: 'open' | 'closed' | 'off'; publishedAt: Date | null },
  autoCloseDays: number,
  now = new Date(),
): CommentingState {
  if (article.commentsMode !== 'open') return article.commentsMode;
  const closes = commentsCloseAt(article, autoCloseDays);
  return closes && closes <= now ? 'auto-closed' : 'open';
}

/** When comments close by themselves (null: they don't). */
export function commentsCloseAt(article: { publishedAt: Date | null }, autoCloseDays: number): Date | null {
  if (autoCloseDays <= 0 || !article.publishedAt) return null;
  return new Date(article.publishedAt.getTime() + autoCloseDays * 86_400_000);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The person behind the actor, as the database knows them now; banned and suspended people are refused. */
async function commenter(db: Database | Transaction, actor: Actor, now: Date): Promise<Commenter> {
  const [row] = await db
    .select({ id: users.id, role: users.role, trusted: users.trusted, status: users.status, suspendedUntil: users.suspendedUntil })
    .from(users)
    .where(eq(users.id, actor.id));
  if (!row) throw new UserError('Your account no longer exists. Sign in again.', 'forbidden');
  if (row.status === 'banned') throw new UserError('Your account has been banned: you can no longer post, react to or report comments.', 'banned');
  if (row.status === 'suspended' && (!row.suspendedUntil || row.suspendedUntil > now)) {
    const until = row.suspendedUntil ? ` until ${dateFormat.format(row.suspendedUntil)}` : '';
    throw new UserError(`Your account is suspended${until}: until then you can’t post, react to or report comments.`, 'suspended');
  }
  return { id: row.id, role: row.role, trusted: row.trusted };
}

async function openArticle(tx: Transaction, articleId: number, rules: Settings, now: Date) {
  const [article] = await tx
    .select({ id: articles.id, status: articles.status, commentsMode: articles.commentsMode, publishedAt: articles.publishedAt })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!article || article.status !== 'published') throw new UserError('That story could not be found.', 'not_found');
  const days = rules['comments.autoCloseDays'];
  switch (commentingState(article, days, now)) {
    case 'off':
      throw new UserError('Comments are turned off for this story.', 'closed');
    case 'closed':
      throw new UserError('Comments on this story are closed.', 'closed');
    case 'auto-closed':
      throw new UserError(`Comments on this story closed ${days} ${days === 1 ? 'day' : 'days'} after it was published.`, 'closed');
    case 'open':
      return article;
  }
}

async function replyTarget(tx: Transaction, parentId: number, articleId: number) {
  const [parent] = await tx
    .select({ id: comments.id, articleId: comments.articleId, status: comments.status, depth: comments.depth })
    .from(comments)
    .where(eq(comments.id, parentId));
  if (!parent) throw new UserError('The comment you are replying to could not be found. It may have been deleted.', 'not_found');
  if (parent.articleId !== articleId) throw new UserError('You can only reply to a comment on the same story.', 'invalid');
  if (parent.status === 'removed' || parent.status === 'spam') throw new UserError('That comment was removed, so it can no longer take replies.', 'invalid');
  if (parent.status === 'pending') throw new UserError('That comment is awaiting moderation: you can reply once it is approved.', 'invalid');
  return parent;
}

const floodKey = {
  reader: (userId: number) => `user:${userId}`,
  address: (ip: string) => `ip:${ip}`,
};

/** One comment per 10 s and 30 an hour per reader, 30 an hour per address; spent only by comments that are stored. */
async function spendFloodBudget(userId: number, ip: string | null): Promise<void> {
  if (!(await take(limits.commentBurst, floodKey.reader(userId)))) {
    throw new UserError('You’re posting too quickly. Wait a few seconds, then post again.', 'rate_limited');
  }
  const hourly = [take(limits.commentReaderHour, floodKey.reader(userId))];
  if (ip) hourly.push(take(limits.commentAddressHour, floodKey.address(ip)));
  if ((await Promise.all(hourly)).includes(false)) {
    throw new UserError('You’ve posted a lot of comments in the last hour. Please come back later.', 'rate_limited');
  }
}

async function refuseDuplicate(tx: Transaction, authorId: number, articleId: number, body: string, now: Date): Promise<void> {
  const [twin] = await tx
    .select({ id: comments.id })
    .from(comments)
    .where(
      and(
        eq(comments.authorId, authorId),
        eq(comments.articleId, articleId),
        gt(comments.createdAt, new Date(now.getTime() - DUPLICATE_WINDOW_MS)),
        eq(comments.body, body),
      ),
    )
    .limit(1);
  if (twin) throw new UserError('You already posted this comment.', 'duplicate');
}

// ---------------------------------------------------------------------------------------------------------
// Counts, notifications, cache tags: shared with lib/moderation.ts

export interface CommentFacts {
  id: number;
  articleId: number;
  parentId: number | null;
  authorId: number | null;
  status: CommentStatus;
}

export const commentFacts = {
  id: comments.id,
  articleId: comments.articleId,
  parentId: comments.parentId,
  authorId: comments.authorId,
  status: comments.status,
};

/**
 * Keeps counts in step when comments become published (+1) or stop being published (−1), and tells the
 * author of the parent when a reply to them appears (once per reply, not to themselves).
 */
export async function applyPublication(tx: Transaction, changes: Array<{ comment: CommentFacts; delta: 1 | -1 }>): Promise<void> {
  const byArticle = new Map<number, number>();
  const byParent = new Map<number, number>();
  for (const { comment, delta } of changes) {
    byArticle.set(comment.articleId, (byArticle.get(comment.articleId) ?? 0) + delta);
    if (comment.parentId !== null) byParent.set(comment.parentId, (byParent.get(comment.parentId) ?? 0) + delta);
  }
  for (const [id, delta] of byArticle) {
    if (delta !== 0) await tx.update(articles).set({ commentCount: sql`${articles.commentCount} + ${delta}` }).where(eq(articles.id, id));
  }
  for (const [id, delta] of byParent) {
    if (delta !== 0) await tx.update(comments).set({ replyCount: sql`${comments.replyCount} + ${delta}` }).where(eq(comments.id, id));
  }
  const replies = changes.filter(({ comment, delta }) => delta === 1 && comment.parentId !== null).map(({ comment }) => comment);
  if (replies.length === 0) return;
  const parents = await tx
    .select({ id: comments.id, authorId: comments.authorId })
    .from(comments)
    .where(inArray(comments.id, [...new Set(replies.map((reply) => reply.parentId!))]));
  const already = new Set(
    (
      await tx
        .select({ commentId: notifications.commentId })
        .from(notifications)
        .where(and(eq(notifications.kind, 'reply'), inArray(notifications.commentId, replies.map((reply) => reply.id))))
    ).map((row) => row.commentId),
  );
  const rows = replies.flatMap((reply) => {
    const to = parents.find((parent) => parent.id === reply.parentId)?.authorId;
    return to != null && to !== reply.authorId && !already.has(reply.id) ? [{ userId: to, kind: 'reply', commentId: reply.id }] : [];
  });
  if (rows.length) await tx.insert(notifications).values(rows);
}

/**
 * The cache tags a change expires. The thread of each story always (its comments, order or counts
 * changed); with `countsChanged`, also everything that shows the story's comment count: its own page
 * (`article:<id>`) and the lists its card appears on — the front page and archive, its section, its tags,
 * its authors. Feeds, the sitemap and search show no counts. Unpublished stories are on no list.
 */
export async function touchedTags(tx: Transaction | Database, articleIds: Iterable<number>, countsChanged: boolean): Promise<string[]> {
  const ids = [...new Set(articleIds)];
  const touched = new Set(ids.map((id) => tags.comments(id)));
  if (!countsChanged || ids.length === 0) return [...touched];
  // One after another: inside a transaction they share one connection.
  const stories = await tx
    .select({ id: articles.id, status: articles.status, section: sections.slug })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(inArray(articles.id, ids));
  const tagRows = await tx.select({ slug: tagTable.slug }).from(articleTags).innerJoin(tagTable, eq(tagTable.id, articleTags.tagId)).where(inArray(articleTags.articleId, ids));
  const authorRows = await tx.select({ slug: users.slug }).from(articleAuthors).innerJoin(users, eq(users.id, articleAuthors.userId)).where(inArray(articleAuthors.articleId, ids));
  for (const story of stories) {
    touched.add(tags.article(story.id));
    if (story.status !== 'published') continue;
    touched.add(tags.home);
    if (story.section) touched.add(tags.section(story.section));
  }
  if (stories.some((story) => story.status === 'published')) {
    for (const { slug } of tagRows) touched.add(tags.tag(slug));
    for (const { slug } of authorRows) touched.add(tags.author(slug));
  }
  return [...touched];
}

export async function recordHold(tx: Transaction, commentId: number, reasons: HoldReason[]): Promise<void> {
  await tx.insert(auditLog).values({ actorId: null, action: 'comment.hold', targetType: 'comment', targetId: commentId, detail: { reasons } });
}

// ---------------------------------------------------------------------------------------------------------
// Readers' actions

export interface PostContext {
  /** The poster's address, for flood control per address; null when unknown. */
  ip?: string | null;
  now?: Date;
  db?: Database;
}

export interface PostResult {
  comment: { id: number; status: CommentStatus };
  /** Public cache tags the change expired: none while the comment waits for a moderator. */
  touched: string[];
}

/**
 * Posts a comment or a reply. Refusals (bad text, a closed story, a removed parent, a banned word, too
 * many comments, a double submit) are UserErrors and store nothing. Moderation decides the status.
 */
export async function postComment(actor: Actor, input: NewCommentInput, { ip = null, now = new Date(), db = getDb() }: PostContext = {}): Promise<PostResult> {
  const { articleId, parentId, body: raw } = parse(newCommentSchema, input);
  const body = commentBody(raw);
  return db.transaction(async (tx) => {
    const author = await commenter(tx, actor, now);
    const rules = await getSettings(tx);
    const screening = screenComment(body, author, rules);
    if (screening.verdict === 'refuse') throw new UserError(BANNED_WORDS_MESSAGE, 'banned_words', { body: BANNED_WORDS_MESSAGE });
    await openArticle(tx, articleId, rules, now);
    const parent = parentId === undefined ? null : await replyTarget(tx, parentId, articleId);
    await refuseDuplicate(tx, author.id, articleId, body, now);
    await spendFloodBudget(author.id, ip);

    const status = screening.verdict === 'publish' ? 'published' : 'pending';
    const [created] = await tx
      .insert(comments)
      .values({ articleId, parentId: parent?.id ?? null, authorId: author.id, body, status, depth: parent ? parent.depth + 1 : 0, createdAt: now })
      .returning(commentFacts);
    if (!created) throw new Error('The comment was not saved.');
    if (screening.verdict === 'hold') {
      await recordHold(tx, created.id, screening.reasons);
      return { comment: { id: created.id, status: created.status }, touched: [] };
    }
    await applyPublication(tx, [{ comment: created, delta: 1 }]);
    return { comment: { id: created.id, status: created.status }, touched: await touchedTags(tx, [articleId], true) };
  });
}

async function ownComment(tx: Transaction, actor: Actor, commentId: number, verb: string) {
  const [row] = await tx
    .select({ ...commentFacts, body: comments.body, createdAt: comments.createdAt })
    .from(comments)
    .where(eq(comments.id, commentId))
    .for('update');
  if (!row) throw new UserError(COMMENT_NOT_FOUND, 'not_found');
  if (row.authorId !== actor.id) throw new UserError(`You can only ${verb} your own comments.`, 'forbidden');
  return row;
}

/**
 * Changes the text of one's own comment within 10 minutes of posting, marking it edited. The new text
 * meets the same rules as a new comment: a published comment whose new text would be held goes back
 * to the moderators (so approval cannot be used to slip links in afterwards).
 */
export async function editComment(actor: Actor, input: EditCommentInput, { now = new Date(), db = getDb() }: { now?: Date; db?: Database } = {}): Promise<PostResult> {
  const { commentId, body: raw } = parse(editCommentSchema, input);
  const body = commentBody(raw);
  return db.transaction(async (tx) => {
    const author = await commenter(tx, actor, now);
    const row = await ownComment(tx, actor, commentId, 'edit');
    if (row.status === 'removed' || row.status === 'spam') throw new UserError('This comment was removed and can no longer be edited.', 'invalid');
    if (now.getTime() - row.createdAt.getTime() > EDIT_WINDOW_MS) {
      throw new UserError('Comments can be edited for 10 minutes after posting; this one can no longer be changed.', 'too_late');
    }
    if (row.body === body) return { comment: { id: row.id, status: row.status }, touched: [] };
    const screening = screenComment(body, author, await getSettings(tx));
    if (screening.verdict === 'refuse') throw new UserError(BANNED_WORDS_MESSAGE, 'banned_words', { body: BANNED_WORDS_MESSAGE });
    const status = row.status === 'published' && screening.verdict === 'hold' ? 'pending' : row.status;
    await tx.update(comments).set({ body, status, editedAt: now }).where(eq(comments.id, row.id));
    if (row.status !== 'published') return { comment: { id: row.id, status }, touched: [] };
    if (status === 'published') return { comment: { id: row.id, status }, touched: [tags.comments(row.articleId)] };
    if (screening.verdict === 'hold') await recordHold(tx, row.id, screening.reasons);
    await applyPublication(tx, [{ comment: row, delta: -1 }]);
    return { comment: { id: row.id, status }, touched: await touchedTags(tx, [row.articleId], true) };
  });
}

/**
 * Deletes one's own comment. One that has replies (of any status) stays as a 'removed' placeholder so the
 * conversation under it keeps its place; the thread shows it as "[deleted]" without its text or author.
 * Banned readers may still delete what they wrote.
 */
export async function deleteComment(
  actor: Actor,
  input: CommentRef,
  { db = getDb() }: { db?: Database } = {},
): Promise<{ outcome: 'deleted' | 'removed'; touched: string[] }> {
  const { commentId } = parse(commentRefSchema, input);
  return db.transaction(async (tx) => {
    const row = await ownComment(tx, actor, commentId, 'delete');
    if (row.status === 'removed') throw new UserError('This comment was already deleted.', 'invalid');
    const [reply] = await tx.select({ id: comments.id }).from(comments).where(eq(comments.parentId, row.id)).limit(1);
    const outcome = reply ? 'removed' : 'deleted';
    if (reply) await tx.update(comments).set({ status: 'removed' }).where(eq(comments.id, row.id));
    else await tx.delete(comments).where(eq(comments.id, row.id));
    if (row.status !== 'published') return { outcome, touched: [] };
    await applyPublication(tx, [{ comment: row, delta: -1 }]);
    return { outcome, touched: await touchedTags(tx, [row.articleId], true) };
  });
}

/**
 * For deleting an account: call in the transaction that deletes the person, before their row goes.
 * Their comments follow the rule of "Delete": those with replies (of any status) stay as "[deleted]"
 * placeholders, their text erased; the others are deleted (leaves first, so a chain of their own replies
 * goes entirely). Counts are kept; returns the cache tags to expire.
 */
export async function withdrawCommentsOf(tx: Transaction, userId: number): Promise<string[]> {
  const gone: CommentFacts[] = [];
  for (;;) {
    const deleted = await tx
      .delete(comments)
      .where(and(eq(comments.authorId, userId), sql`not exists (select 1 from ${comments} r where r.parent_id = ${comments.id})`))
      .returning(commentFacts);
    if (deleted.length === 0) break;
    gone.push(...deleted);
  }
  const kept = await tx.select(commentFacts).from(comments).where(eq(comments.authorId, userId)).for('update');
  // The person is leaving: their words go too, only the place in the conversation stays.
  if (kept.length) await tx.update(comments).set({ status: 'removed', body: '' }).where(inArray(comments.id, kept.map((comment) => comment.id)));
  const unpublished = [...gone, ...kept].filter((comment) => comment.status === 'published');
  await applyPublication(tx, unpublished.map((comment) => ({ comment, delta: -1 as const })));
  return unpublished.length ? touchedTags(tx, unpublished.map((comment) => comment.articleId), true) : [];
}

async function publishedComment(tx: Transaction, commentId: number) {
  const [row] = await tx.select(commentFacts).from(comments).where(eq(comments.id, commentId));
  // Readers see only published comments: anything else is as good as missing to them.
  if (!row || row.status !== 'published') throw new UserError(COMMENT_NOT_FOUND, 'not_found');
  return row;
}

/** Adds the reader's reaction to a published comment, or takes it back: one per reader per comment. */
export async function toggleReaction(
  actor: Actor,
  input: CommentRef,
  { now = new Date(), db = getDb() }: { now?: Date; db?: Database } = {},
): Promise<{ reacted: boolean; reactionCount: number; touched: string[] }> {
  const { commentId } = parse(commentRefSchema, input);
  return db.transaction(async (tx) => {
    await commenter(tx, actor, now);
    const row = await publishedComment(tx, commentId);
    const taken = await tx
      .delete(commentReactions)
      .where(and(eq(commentReactions.commentId, row.id), eq(commentReactions.userId, actor.id)))
      .returning({ commentId: commentReactions.commentId });
    const added = taken.length
      ? []
      : await tx.insert(commentReactions).values({ commentId: row.id, userId: actor.id }).onConflictDoNothing().returning({ commentId: commentReactions.commentId });
    const delta = taken.length ? -1 : added.length ? 1 : 0;
    const [counted] = await tx
      .update(comments)
      .set({ reactionCount: sql`${comments.reactionCount} + ${delta}` })
      .where(eq(comments.id, row.id))
      .returning({ reactionCount: comments.reactionCount });
    return { reacted: delta >= 0, reactionCount: counted?.reactionCount ?? 0, touched: delta ? [tags.comments(row.articleId)] : [] };
  });
}

/** A report as stored: the reason, then the reader's note on the following lines (reports has no note column). */
export function parseReport(stored: string): { reason: ReportReason | string; note: string } {
  const [reason = '', ...note] = stored.split('\n');
  return { reason, note: note.join('\n') };
}

/**
 * Reports a published comment to the moderators, once per reader, with a reason from the list.
 * comments.report_count counts the reports not yet reviewed (a moderator's approval sets it back to 0).
 */
export async function reportComment(actor: Actor, input: ReportInput, { now = new Date(), db = getDb() }: { now?: Date; db?: Database } = {}): Promise<{ touched: string[] }> {
  const { commentId, reason, note } = parse(reportSchema, input);
  return db.transaction(async (tx) => {
    await commenter(tx, actor, now);
    const row = await publishedComment(tx, commentId);
    if (row.authorId === actor.id) throw new UserError('You can’t report your own comment.', 'invalid');
    const stored = note ? `${reason}\n${note}` : reason;
    const [added] = await tx.insert(reports).values({ commentId: row.id, userId: actor.id, reason: stored, createdAt: now }).onConflictDoNothing().returning({ id: reports.id });
    if (!added) throw new UserError('You have already reported this comment. Thank you: a moderator will look at it.', 'duplicate');
    if (!(await take(limits.reportReader, floodKey.reader(actor.id)))) {
      throw new UserError('You’ve sent a lot of reports in the last hour. Please try again later.', 'rate_limited');
    }
    await tx.update(comments).set({ reportCount: sql`${comments.reportCount} + 1` }).where(eq(comments.id, row.id));
    // Reports are for moderators' eyes only: no public page changes.
    return { touched: [] };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reading

export type ThreadSort = ThreadSortName;
export const threadSorts: readonly ThreadSort[] = threadSortNames;

export interface CommentAuthor {
  id: number;
  name: string;
  slug: string;
  /** Role contributor or above: shown with a staff badge. */
  staff: boolean;
}

export interface ThreadComment {
  id: number;
  parentId: number | null;
  depth: number;
  /**
   * A placeholder: the comment itself is no longer shown (deleted, removed or spam) but replies to it
   * are. Render "[deleted]": `body` and `author` are null.
   */
  deleted: boolean;
  body: string | null;
  /** Null for a placeholder, or when the author's account was deleted. */
  author: CommentAuthor | null;
  createdAt: Date;
  editedAt: Date | null;
  featured: boolean;
  reactionCount: number;
  replyCount: number;
  /** Featured first, then oldest first: a conversation reads in order whatever the thread's sort. */
  replies: ThreadComment[];
}

export interface Thread {
  articleId: number;
  sort: ThreadSort;
  page: number;
  pageCount: number;
  /** Top-level comments shown, on all pages. */
  topLevelCount: number;
  /** Published comments at any depth: the number beside "Comments". */
  commentCount: number;
  /** Top-level comments of this page, featured first, each with all its replies. */
  comments: ThreadComment[];
}

const rootOrder: Record<ThreadSort, SQL> = {
  newest: sql.raw('pinned desc, created_at desc, id desc'),
  oldest: sql.raw('pinned desc, created_at asc, id asc'),
  top: sql.raw('pinned desc, reaction_count desc, created_at asc, id asc'),
};

/**
 * The ids of the top-level comments a thread shows, in order: those published, and those kept as
 * placeholders because something published is below them. The upward walk visits each comment once.
 */
function rootsQuery(articleId: number, sort: ThreadSort, limit: number | null, offset: number): SQL {
  return sql`
    with recursive shown (id, parent_id) as (
      select id, parent_id from ${comments} where article_id = ${articleId} and status = 'published'
      union
      select c.id, c.parent_id from ${comments} c join shown s on c.id = s.parent_id
    ), roots as (
      select c.id, c.created_at, c.reaction_count, (c.featured and c.status = 'published') as pinned
      from ${comments} c where c.id in (select id from shown where parent_id is null)
    )
    select (select count(*)::int from roots) as total,
      (select comment_count from ${articles} where id = ${articleId}) as comment_count,
      array(select id from roots order by ${rootOrder[sort]} ${limit === null ? sql`` : sql`limit ${limit}`} offset ${offset}) as ids`;
}

interface ThreadRow {
  id: number;
  parent_id: number | null;
  author_id: number | null;
  status: CommentStatus;
  depth: number;
  featured: boolean;
  reply_count: number;
  reaction_count: number;
  created_at: Date | string;
  edited_at: Date | string | null;
  body: string | null;
  author_name: string | null;
  author_slug: string | null;
  author_role: Role | null;
}

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** Comments and all their descendants, whatever their status (the tree is pruned in memory), with authors. */
function descendantsQuery(rootIds: number[]): SQL {
  return sql`
    with recursive thread as (
      select id, parent_id, author_id, status, depth, featured, reply_count, reaction_count, created_at, edited_at,
        case when status = 'published' then body end as body
      from ${comments} where id in ${rootIds}
      union all
      select c.id, c.parent_id, c.author_id, c.status, c.depth, c.featured, c.reply_count, c.reaction_count, c.created_at, c.edited_at,
        case when c.status = 'published' then c.body end
      from ${comments} c join thread t on c.parent_id = t.id
    )
    select t.*, u.name as author_name, u.slug as author_slug, u.role as author_role
    from thread t left join ${users} u on u.id = t.author_id`;
}

const bySiblingOrder = (a: ThreadComment, b: ThreadComment) =>
  Number(b.featured && !b.deleted) - Number(a.featured && !a.deleted) || a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id;

/**
 * Builds the tree from rows of whole subtrees: published comments, and non-published ones only as
 * placeholders above something published. Children are settled before their parents (deepest first).
 */
function buildThread(rows: ThreadRow[], rootIds: number[]): ThreadComment[] {
  const nodes = new Map<number, ThreadComment>();
  for (const row of rows) {
    const published = row.status === 'published';
    nodes.set(row.id, {
      id: row.id,
      parentId: row.parent_id,
      depth: row.depth,
      deleted: !published,
      body: published ? row.body : null,
      author:
        published && row.author_id !== null && row.author_name !== null && row.author_slug !== null && row.author_role !== null
          ? { id: row.author_id, name: row.author_name, slug: row.author_slug, staff: isStaff(row.author_role) }
          : null,
      createdAt: asDate(row.created_at),
      editedAt: row.edited_at === null ? null : asDate(row.edited_at),
      featured: row.featured,
      reactionCount: published ? row.reaction_count : 0,
      replyCount: row.reply_count,
      replies: [],
    });
  }
  const kept = new Set<number>();
  for (const row of [...rows].sort((a, b) => b.depth - a.depth)) {
    const node = nodes.get(row.id)!;
    if (node.deleted && node.replies.length === 0) continue;
    kept.add(node.id);
    if (row.parent_id !== null) nodes.get(row.parent_id)?.replies.push(node);
  }
  for (const node of nodes.values()) node.replies.sort(bySiblingOrder);
  return rootIds.filter((id) => kept.has(id)).map((id) => nodes.get(id)!);
}

/**
 * A page of a story's public thread: two queries whatever its size (the page's top-level ids, then their
 * subtrees with authors), cached until a change to the thread expires `comments:<articleId>`.
 * Null for a page past the last (the route answers 404); page 1 of a thread with no comments is empty.
 */
export async function getThread(articleId: number, { sort = 'newest', page = 1 }: { sort?: ThreadSort; page?: number } = {}): Promise<Thread | null> {
  'use cache';
  cacheLife('max');
  cacheTag(tags.comments(articleId));
  const empty: Thread = { articleId, sort, page, pageCount: 1, topLevelCount: 0, commentCount: 0, comments: [] };
  if (isBuildPhase()) return empty;
  if (!threadSorts.includes(sort) || !Number.isSafeInteger(page) || page < 1) return null;
  const db = getDb();
  const [head] = await selectRows<{ total: number; comment_count: number | null; ids: number[] }>(
    db,
    rootsQuery(articleId, sort, THREAD_PAGE_SIZE, (page - 1) * THREAD_PAGE_SIZE),
  );
  const total = head?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / THREAD_PAGE_SIZE));
  if (page > pageCount) return null;
  const ids = (head?.ids ?? []).map(Number);
  const rows = ids.length ? await selectRows<ThreadRow>(db, descendantsQuery(ids)) : [];
  return { ...empty, pageCount, topLevelCount: total, commentCount: head?.comment_count ?? 0, comments: buildThread(rows, ids) };
}

/**
 * Where a comment is shown: its story, the page of the thread holding its top-level ancestor under
 * `sort`, and its anchor. For redirecting a form back to the comment it posted. Null if it is gone.
 */
export async function locateComment(commentId: number, sort: ThreadSort = 'newest'): Promise<{ articleId: number; page: number; anchor: string } | null> {
  const db = getDb();
  const [found] = await selectRows<{ root: number; article_id: number }>(
    db,
    sql`
      with recursive up (id, parent_id, article_id) as (
        select id, parent_id, article_id from ${comments} where id = ${commentId}
        union all
        select c.id, c.parent_id, c.article_id from ${comments} c join up on c.id = up.parent_id
      )
      select id as root, article_id from up where parent_id is null`,
  );
  if (!found) return null;
  const [head] = await selectRows<{ ids: number[] }>(db, rootsQuery(found.article_id, sort, null, 0));
  const index = (head?.ids ?? []).map(Number).indexOf(found.root);
  return { articleId: found.article_id, page: index < 0 ? 1 : Math.floor(index / THREAD_PAGE_SIZE) + 1, anchor: `comment-${commentId}` };
}

/** The public URL of a comment (its story, the thread page holding it under `sort`, its anchor); null if gone. */
export async function commentHref(commentId: number, sort: ThreadSort = 'newest'): Promise<string | null> {
  const found = await locateComment(commentId, sort);
  if (!found) return null;
  const [article] = await getDb().select({ slug: articles.slug }).from(articles).where(eq(articles.id, found.articleId));
  return article ? threadHref(article.slug, { sort, page: found.page }, found.anchor) : null;
}

export interface OwnPendingComment {
  id: number;
  parentId: number | null;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
}

/** The signed-in reader's comments on a story that await moderation ("awaiting moderation"): never cached. */
export async function getOwnPendingComments(userId: number, articleId: number): Promise<OwnPendingComment[]> {
  return getDb()
    .select({ id: comments.id, parentId: comments.parentId, body: comments.body, createdAt: comments.createdAt, editedAt: comments.editedAt })
    .from(comments)
    .where(and(eq(comments.authorId, userId), eq(comments.articleId, articleId), eq(comments.status, 'pending')))
    .orderBy(asc(comments.createdAt), asc(comments.id));
}

/** The comments of a story the reader has reacted to, to show their reaction buttons pressed: never cached. */
export async function getReactedCommentIds(userId: number, articleId: number): Promise<number[]> {
  const rows = await getDb()
    .select({ id: commentReactions.commentId })
    .from(commentReactions)
    .innerJoin(comments, eq(comments.id, commentReactions.commentId))
    .where(and(eq(commentReactions.userId, userId), eq(comments.articleId, articleId)));
  return rows.map((row) => row.id);
}
