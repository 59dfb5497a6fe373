import 'server-only';
import { and, asc, count, desc, eq, gt, inArray, isNull, ne, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { getDb, type Database, type Transaction } from '@/db/client';
import { articles, comments, notifications, users } from '@/db/schema';
import { locateComment } from './comments';
import { env, siteUrl } from './env';
import { logger } from './logger';
import { UserError } from './errors';
import { sendMail, type Mail } from './mail';
import { pageCount, type Page } from './pagination';
import { threadHref } from './thread-links';

// What a reader is told about: replies to their comments and approvals of their held ones. The rows
// are written by lib/comments.ts and lib/moderation.ts inside their own transactions; this module
// reads them, marks them read, and mails them later (never inside those transactions).

export const NOTIFICATIONS_PAGE_SIZE = 20;
/** Mail goes out for notifications at most this old: someone who opts in today gets today's news, not a backlog. */
export const EMAIL_WINDOW_MS = 24 * 60 * 60 * 1000;
export const EMAIL_BATCH = 50;

export type NotificationKind = 'reply' | 'approved';

export interface NotificationItem {
  id: number;
  kind: NotificationKind;
  read: boolean;
  createdAt: Date;
  /** The comment to link to: the reply, or one's own approved comment. */
  commentId: number;
  /** Who wrote that comment (the replier); "Someone" when their account is gone. */
  actorName: string;
  article: { slug: string; title: string };
  /** The page of the story's thread (newest first) that shows the comment: busy threads have several. */
  threadPage: number;
}

interface Options {
  db?: Database;
  now?: Date;
}

const actor = alias(users, 'actor');

// Only notifications about comments and stories that are still up: a reply removed as spam, or a
// story taken down, disappears from the list and the count alike, and is never mailed.
const stillShown = and(eq(comments.status, 'published'), eq(articles.status, 'published'));

const itemColumns = {
  id: notifications.id,
  kind: notifications.kind,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
  commentId: comments.id,
  actorName: actor.name,
  slug: articles.slug,
  title: articles.title,
};

type ItemRow = { id: number; kind: string; readAt: Date | null; createdAt: Date; commentId: number; actorName: string | null; slug: string; title: string };

function toItem(row: ItemRow): NotificationItem {
  return {
    id: row.id,
    kind: row.kind === 'approved' ? 'approved' : 'reply',
    read: row.readAt !== null,
    createdAt: row.createdAt,
    commentId: row.commentId,
    actorName: row.actorName ?? 'Someone',
    article: { slug: row.slug, title: row.title },
    threadPage: 1,
  };
}

/** Finds the thread page of each item's comment (a reply to an old comment may sit on a later page). */
async function located(items: NotificationItem[]): Promise<NotificationItem[]> {
  const places = await Promise.all(items.map((item) => locateComment(item.commentId)));
  return items.map((item, i) => ({ ...item, threadPage: places[i]?.page ?? 1 }));
}

/** The sentence a notification says, in the list and in the mail. */
export function notificationText(item: Pick<NotificationItem, 'kind' | 'actorName' | 'article'>): string {
  return item.kind === 'approved' ? `Your comment on ${item.article.title} was approved` : `${item.actorName} replied to your comment on ${item.article.title}`;
}

/** Where a notification leads: the comment's anchor on its story (on the thread page that shows it). */
export function notificationHref(item: Pick<NotificationItem, 'commentId' | 'article' | 'threadPage'>): string {
  return threadHref(item.article.slug, { page: item.threadPage }, `comment-${item.commentId}`);
}

function joined(db: Database, where: SQL | undefined) {
  return db
    .select(itemColumns)
    .from(notifications)
    .innerJoin(comments, eq(comments.id, notifications.commentId))
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .leftJoin(actor, eq(actor.id, comments.authorId))
    .where(where);
}

/** How many of the reader's notifications are unread (the header's badge). */
export async function unreadCount(userId: number, { db = getDb() }: Options = {}): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .innerJoin(comments, eq(comments.id, notifications.commentId))
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), stillShown));
  return row?.n ?? 0;
}

/** One page of the reader's notifications, newest first. */
export async function listNotifications(userId: number, { page = 1, db = getDb() }: Options & { page?: number } = {}): Promise<Page<NotificationItem>> {
  const where = and(eq(notifications.userId, userId), stillShown);
  const [rows, [totals]] = await Promise.all([
    joined(db, where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(NOTIFICATIONS_PAGE_SIZE)
      .offset((page - 1) * NOTIFICATIONS_PAGE_SIZE),
    db
      .select({ n: count() })
      .from(notifications)
      .innerJoin(comments, eq(comments.id, notifications.commentId))
      .innerJoin(articles, eq(articles.id, comments.articleId))
      .where(where),
  ]);
  const total = totals?.n ?? 0;
  return { items: await located(rows.map(toItem)), page, total, pageCount: pageCount(total, NOTIFICATIONS_PAGE_SIZE) };
}

/** Marks every notification of the reader read; returns how many were unread. */
export async function markAllRead(userId: number, { db = getDb(), now = new Date() }: Options = {}): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export const notificationRefSchema = z.object({
  notificationId: z.coerce
    .number({ error: 'That notification could not be found.' })
    .int()
    .positive('That notification could not be found.')
    .max(2_147_483_647, 'That notification could not be found.'),
});

/** Marks one notification read, if it is the reader's own: anybody else's is "not found", never touched. */
export async function markRead(userId: number, input: unknown, { db = getDb(), now = new Date() }: Options = {}): Promise<void> {
  const parsed = notificationRefSchema.safeParse(input);
  if (!parsed.success) throw new UserError('That notification could not be found.', 'not_found');
  const [own] = await db
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, parsed.data.notificationId), eq(notifications.userId, userId)));
  if (!own) throw new UserError('That notification could not be found.', 'not_found');
  if (!own.readAt) await db.update(notifications).set({ readAt: now }).where(and(eq(notifications.id, own.id), eq(notifications.userId, userId)));
}

/** Whether the reader asked to be mailed about replies and approvals. */
export async function wantsEmail(userId: number, { db = getDb() }: Options = {}): Promise<boolean> {
  const [row] = await db.select({ on: users.notifyByEmail }).from(users).where(eq(users.id, userId));
  return row?.on ?? false;
}

export async function setWantsEmail(userId: number, on: boolean, { db = getDb() }: Options = {}): Promise<void> {
  await db.update(users).set({ notifyByEmail: on }).where(eq(users.id, userId));
}

function notificationMail(to: string, item: NotificationItem): Mail {
  const sentence = notificationText(item);
  return {
    to,
    subject: sentence,
    text: [
      `${sentence}.`,
      '',
      `Read it here: ${siteUrl()}${notificationHref(item)}`,
      '',
      `You get these messages because you asked ${env().SITE_NAME} to email you about replies and approvals.`,
      `To stop them, untick that box on your account page: ${siteUrl()}/account`,
    ].join('\n'),
  };
}

/**
 * The next batch to mail, locked (rows another server holds are skipped) and marked emailed, inside the
 * caller's transaction: whoever commits it owns those mails.
 */
export async function claimNotificationEmails(tx: Transaction, now = new Date()) {
  const rows = await tx
    .select({ ...itemColumns, to: users.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .innerJoin(comments, eq(comments.id, notifications.commentId))
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .leftJoin(actor, eq(actor.id, comments.authorId))
    .where(
      and(
        isNull(notifications.emailedAt),
        gt(notifications.createdAt, new Date(now.getTime() - EMAIL_WINDOW_MS)),
        isNull(notifications.readAt),
        eq(users.notifyByEmail, true),
        ne(users.status, 'banned'),
        stillShown,
      ),
    )
    .orderBy(asc(notifications.createdAt), asc(notifications.id))
    .limit(EMAIL_BATCH)
    .for('update', { of: notifications, skipLocked: true });
  if (rows.length) await tx.update(notifications).set({ emailedAt: now }).where(inArray(notifications.id, rows.map((row) => row.id)));
  return rows;
}

/**
 * Mails the notifications not yet mailed to readers who opted in (from the last day, still unread and
 * still shown), at most EMAIL_BATCH per call. Runs from the scheduler in every server: rows are claimed
 * with FOR UPDATE SKIP LOCKED and marked emailed in the same transaction, so each goes out once however
 * many servers run it. The mail leaves after that commit: a slow mail server never holds the database
 * (PGlite has one connection for everything). A failed send hands back the rest of the batch for the
 * next round; a crash between commit and send loses those mails rather than sending any twice.
 */
export async function deliverNotificationEmails({ db = getDb(), now = new Date(), deliver = sendMail }: Options & { deliver?: (mail: Mail) => unknown } = {}): Promise<number> {
  const claimed = await db.transaction((tx) => claimNotificationEmails(tx, now));
  let sent = 0;
  for (const [index, row] of claimed.entries()) {
    try {
      const [item] = await located([toItem(row)]);
      await deliver(notificationMail(row.to, item!));
      sent++;
    } catch (error) {
      logger.error({ err: error, notificationId: row.id }, 'notification mail failed; it is retried on the next round');
      const unsent = claimed.slice(index).map((rest) => rest.id);
      await db.update(notifications).set({ emailedAt: null }).where(and(inArray(notifications.id, unsent), eq(notifications.emailedAt, now)));
      break;
    }
  }
  return sent;
}
