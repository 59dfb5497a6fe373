import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { articles, comments, notifications, users } from '@/db/schema';
import { DAY, magazine } from '@/test/comment-fixtures';
import { engine, freshDatabasePerTest } from '@/test/database';
import { postComment, THREAD_PAGE_SIZE, type NewCommentInput } from './comments';
import { outboxDir } from './mail';
import { approveComment, removeComment } from './moderation';
import {
  claimNotificationEmails,
  deliverNotificationEmails,
  listNotifications,
  markAllRead,
  markRead,
  NOTIFICATIONS_PAGE_SIZE,
  notificationHref,
  notificationText,
  setWantsEmail,
  unreadCount,
  wantsEmail,
} from './notifications';
import type { Actor } from './permissions';
import { forgive, limits, resetLimits } from './rate-limit';

// Mail goes to the real outbox transport, in a directory of this test file's own (the environment is
// read on first use, after these lines).
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-notify-'));
process.env.DATA_DIR = dataDir;
process.env.SITE_URL = 'https://magazine.example';
delete process.env.SMTP_URL;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const database = freshDatabasePerTest();
const db = () => database().db;

beforeEach(() => {
  resetLimits();
  rmSync(outboxDir(), { recursive: true, force: true });
});

async function post(actor: Actor, input: NewCommentInput, now?: Date) {
  await forgive(limits.commentBurst, `user:${actor.id}`);
  return (await postComment(actor, input, { ip: '203.0.113.7', now })).comment;
}

const outbox = () => {
  try {
    return readdirSync(outboxDir())
      .sort()
      .map((file) => JSON.parse(readFileSync(path.join(outboxDir(), file), 'utf8')) as { to: unknown; subject: string; text: string });
  } catch {
    return [];
  }
};

/** A story, a reader whose held comment an editor approved and replied to: two notifications for the reader. */
async function scene() {
  const m = await magazine(db());
  const reader = await m.person({ name: 'Ada Reader' });
  const own = await post(reader, { articleId: m.article.id, body: 'My first thoughts' });
  expect(own.status).toBe('pending');
  await approveComment(m.editor, own.id);
  const reply = await post(m.editor, { articleId: m.article.id, parentId: own.id, body: 'Thanks for reading' });
  expect(reply.status).toBe('published');
  return { m, reader, own, reply };
}

describe('notifications', () => {
  it('lists replies and approvals newest first, with what the reader needs to follow them', async () => {
    const { m, reader, own, reply } = await scene();
    const page = await listNotifications(reader.id);
    expect(page).toMatchObject({ page: 1, total: 2, pageCount: 1 });
    const [first, second] = page.items;
    expect(first).toMatchObject({ kind: 'reply', read: false, commentId: reply.id, actorName: 'Maya Editor', article: { slug: m.article.slug, title: 'first-story' } });
    expect(second).toMatchObject({ kind: 'approved', read: false, commentId: own.id });
    expect(notificationText(first!)).toBe('Maya Editor replied to your comment on first-story');
    expect(notificationHref(first!)).toBe(`/articles/first-story#comment-${reply.id}`);
    expect(notificationText(second!)).toBe('Your comment on first-story was approved');
    expect(notificationHref(second!)).toBe(`/articles/first-story#comment-${own.id}`);
    expect(await unreadCount(reader.id)).toBe(2);
    // The editor was told nothing: nobody replied to them.
    expect(await unreadCount(m.editor.id)).toBe(0);
  });

  it('marks one read, only one’s own, and then all', async () => {
    const { m, reader } = await scene();
    const other = await m.person();
    const [latest] = (await listNotifications(reader.id)).items;

    await expect(markRead(other.id, { notificationId: latest!.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(markRead(reader.id, { notificationId: 'abc' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await unreadCount(reader.id)).toBe(2);

    await markRead(reader.id, { notificationId: String(latest!.id) });
    expect(await unreadCount(reader.id)).toBe(1);
    expect((await listNotifications(reader.id)).items.map((item) => item.read)).toEqual([true, false]);
    await markRead(reader.id, { notificationId: latest!.id }); // already read: nothing to do, no error

    expect(await markAllRead(other.id)).toBe(0);
    expect(await unreadCount(reader.id)).toBe(1);
    expect(await markAllRead(reader.id)).toBe(1);
    expect(await unreadCount(reader.id)).toBe(0);
    expect((await listNotifications(reader.id)).total).toBe(2);
  });

  it('drops notifications about a reply that was removed or a story taken down', async () => {
    const { m, reader, reply } = await scene();
    await removeComment(m.editor, reply.id);
    expect((await listNotifications(reader.id)).items.map((item) => item.kind)).toEqual(['approved']);
    expect(await unreadCount(reader.id)).toBe(1);
    await db().update(articles).set({ status: 'archived' }).where(eq(articles.id, m.article.id));
    expect(await listNotifications(reader.id)).toMatchObject({ items: [], total: 0 });
    expect(await unreadCount(reader.id)).toBe(0);
  });

  it('links to the thread page that shows the comment when the thread has several', async () => {
    const { m, reader, own } = await scene();
    // Fifty newer top-level comments push the reader's comment to page two of the newest-first thread.
    const later = Date.now() + 1000;
    await db()
      .insert(comments)
      .values(Array.from({ length: THREAD_PAGE_SIZE }, (_, i) => ({ articleId: m.article.id, authorId: m.author.id, body: `newer ${i}`, createdAt: new Date(later + i * 1000) })));
    const reply = await post(m.admin, { articleId: m.article.id, parentId: own.id, body: 'Found you on page two' });
    const [latest] = (await listNotifications(reader.id)).items;
    expect(latest).toMatchObject({ commentId: reply.id, threadPage: 2 });
    expect(notificationHref(latest!)).toBe(`/articles/first-story?page=2#comment-${reply.id}`);

    await setWantsEmail(reader.id, true);
    await deliverNotificationEmails();
    const texts = outbox().map((message) => message.text);
    expect(texts.some((text) => text.includes(`https://magazine.example/articles/first-story?page=2#comment-${reply.id}\n`))).toBe(true);
  });

  it('pages through many, newest first', async () => {
    const m = await magazine(db());
    const reader = await m.person();
    const [parent] = await db().insert(comments).values({ articleId: m.article.id, authorId: reader.id, body: 'parent' }).returning();
    const start = Date.now() - DAY / 2;
    for (let i = 0; i < NOTIFICATIONS_PAGE_SIZE + 5; i++) {
      const [reply] = await db()
        .insert(comments)
        .values({ articleId: m.article.id, authorId: m.editor.id, parentId: parent!.id, depth: 1, body: `reply ${i}` })
        .returning();
      await db().insert(notifications).values({ userId: reader.id, kind: 'reply', commentId: reply!.id, createdAt: new Date(start + i * 1000) });
    }
    const first = await listNotifications(reader.id);
    const second = await listNotifications(reader.id, { page: 2 });
    expect([first.items.length, second.items.length, first.pageCount, first.total]).toEqual([NOTIFICATIONS_PAGE_SIZE, 5, 2, NOTIFICATIONS_PAGE_SIZE + 5]);
    const times = [...first.items, ...second.items].map((item) => item.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(await unreadCount(reader.id)).toBe(NOTIFICATIONS_PAGE_SIZE + 5);
  });
});

describe('notification emails', () => {
  it('keeps the opt-in on the account', async () => {
    const m = await magazine(db());
    const reader = await m.person();
    expect(await wantsEmail(reader.id)).toBe(false);
    await setWantsEmail(reader.id, true);
    expect(await wantsEmail(reader.id)).toBe(true);
  });

  it('mails opted-in readers once, through the outbox, and nobody else', async () => {
    const { m, reader, reply } = await scene();
    // Another reader, not opted in, is replied to as well.
    const quiet = await m.person();
    await db().update(users).set({ trusted: true }).where(eq(users.id, quiet.id));
    const theirs = await post(quiet, { articleId: m.article.id, body: 'Quiet words' });
    await post(m.editor, { articleId: m.article.id, parentId: theirs.id, body: 'Answer to quiet' });

    expect(await deliverNotificationEmails()).toBe(0);
    expect(outbox()).toEqual([]);

    await setWantsEmail(reader.id, true);
    expect(await deliverNotificationEmails()).toBe(2);
    const mails = outbox();
    const readerEmail = (await db().select({ email: users.email }).from(users).where(eq(users.id, reader.id)))[0]!.email;
    expect(mails.map((mail) => mail.subject).sort()).toEqual(['Maya Editor replied to your comment on first-story', 'Your comment on first-story was approved']);
    expect(mails.every((mail) => JSON.stringify(mail.to).includes(readerEmail))).toBe(true);
    expect(mails.map((mail) => mail.text).join('\n')).toContain(`https://magazine.example/articles/first-story#comment-${reply.id}`);

    // Once only: the next round finds nothing, and the notifications stay unread on the site.
    expect(await deliverNotificationEmails()).toBe(0);
    expect(outbox()).toHaveLength(2);
    expect(await unreadCount(reader.id)).toBe(2);
    const rows = await db().select({ emailedAt: notifications.emailedAt, userId: notifications.userId }).from(notifications);
    expect(rows.filter((row) => row.userId === reader.id).every((row) => row.emailedAt instanceof Date)).toBe(true);
    expect(rows.filter((row) => row.userId === quiet.id).every((row) => row.emailedAt === null)).toBe(true);
  });

  it('does not mail what is more than a day old, already read, or no longer shown', async () => {
    const { m, reader, reply } = await scene();
    await setWantsEmail(reader.id, true);
    await markRead(reader.id, { notificationId: (await listNotifications(reader.id)).items.find((item) => item.kind === 'approved')!.id });
    await removeComment(m.editor, reply.id);
    expect(await deliverNotificationEmails()).toBe(0);

    const [own] = (await listNotifications(reader.id)).items;
    const second = await post(m.admin, { articleId: m.article.id, parentId: own!.commentId, body: 'An old reply' });
    await db().update(notifications).set({ createdAt: new Date(Date.now() - DAY - 60_000) }).where(eq(notifications.commentId, second.id));
    expect(await deliverNotificationEmails()).toBe(0);
    expect(outbox()).toEqual([]);
  });

  it('sends each mail once when several servers run the round at the same time', async () => {
    const { m, reader, own } = await scene();
    await setWantsEmail(reader.id, true);
    for (let i = 0; i < 6; i++) await post(i % 2 ? m.admin : m.author, { articleId: m.article.id, parentId: own.id, body: `reply number ${i}` });
    const expected = await unreadCount(reader.id);
    expect(expected).toBe(8);

    // Three rounds at once: on PostgreSQL each runs on its own pooled connection, as separate servers
    // would (PGlite has one connection, so there they take turns).
    const delivered: number[] = [];
    const deliver = (round: number) => async () => {
      delivered.push(round);
      await new Promise((resolve) => setTimeout(resolve, 30));
    };
    const results = await Promise.all([1, 2, 3].map((round) => deliverNotificationEmails({ deliver: deliver(round) })));
    expect(results.reduce((sum, n) => sum + n, 0)).toBe(expected);
    expect(delivered).toHaveLength(expected);
    const rows = await db().select({ emailedAt: notifications.emailedAt }).from(notifications).where(eq(notifications.userId, reader.id));
    expect(rows.every((row) => row.emailedAt !== null)).toBe(true);
  });

  it.skipIf(engine === 'pglite')('skips what another server has claimed and not yet committed (PostgreSQL)', async () => {
    const { reader } = await scene();
    await setWantsEmail(reader.id, true);
    const deliver = vi.fn();
    // One server holds its claim open while a second runs a whole round on another connection of the pool.
    let during = -1;
    const held = await db().transaction(async (tx) => {
      const mine = await claimNotificationEmails(tx);
      during = await deliverNotificationEmails({ deliver });
      return mine.length;
    });
    expect([held, during]).toEqual([2, 0]);
    expect(deliver).not.toHaveBeenCalled();
    expect(await deliverNotificationEmails({ deliver })).toBe(0);
  });

  it('leaves a notification whose mail failed for the next round', async () => {
    const { reader } = await scene();
    await setWantsEmail(reader.id, true);
    let calls = 0;
    const flaky = async () => {
      if (++calls === 2) throw new Error('SMTP is down');
    };
    expect(await deliverNotificationEmails({ deliver: flaky })).toBe(1);
    expect(await deliverNotificationEmails()).toBe(1);
    expect(outbox()).toHaveLength(1);
    expect(await deliverNotificationEmails()).toBe(0);
  });
});
