import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { articles, auditLog, comments, notifications, settings as settingsTable, users } from '@/db/schema';
import { countMismatches, DAY, magazine, type Magazine } from '@/test/comment-fixtures';
import { freshDatabasePerTest } from '@/test/database';
import { tags } from './cache-tags';
import { getThread, postComment, reportComment, type NewCommentInput } from './comments';
import {
  approveComment,
  banAuthor,
  bulkApprove,
  featureComment,
  getModerationLog,
  getModerationQueue,
  getQueueCounts,
  markCommentSpam,
  moderate,
  QUEUE_PAGE_SIZE,
  removeComment,
} from './moderation';
import type { Actor } from './permissions';
import { forgive, limits, resetLimits } from './rate-limit';
import { getSettings, updateSettings } from './settings';

const database = freshDatabasePerTest();
const db = () => database().db;

beforeEach(() => resetLimits());

async function post(actor: Actor, input: NewCommentInput, now?: Date) {
  await forgive(limits.commentBurst, `user:${actor.id}`);
  return postComment(actor, input, { ip: '203.0.113.9', now });
}

async function status(id: number) {
  return (await db().select({ status: comments.status }).from(comments).where(eq(comments.id, id)))[0]?.status;
}

async function storyCommentCount(m: Magazine) {
  return (await db().select({ n: articles.commentCount }).from(articles).where(eq(articles.id, m.article.id)))[0]!.n;
}

async function moderationLog() {
  return (await db().select().from(auditLog).where(eq(auditLog.targetType, 'comment')).orderBy(auditLog.id)).map((e) => [e.action, e.targetId, e.actorId]);
}

describe('holding and approving', () => {
  it('a comment with three links is held, and approving it publishes, counts and tells its author', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    const { comment, touched } = await post(reader, { articleId: m.article.id, body: 'Links: https://a.example https://b.example https://c.example' });
    expect(comment.status).toBe('pending');
    expect(touched).toEqual([]);
    const queue = await getModerationQueue(m.editor, { tab: 'pending' });
    expect(queue.items).toMatchObject([{ id: comment.id, heldFor: ['links'], article: { id: m.article.id }, author: { id: reader.id, trusted: true } }]);

    const result = await approveComment(m.editor, comment.id);
    expect(result.changed).toBe(1);
    expect(result.touched).toEqual(expect.arrayContaining([tags.comments(m.article.id), tags.article(m.article.id), tags.home]));
    expect(await status(comment.id)).toBe('published');
    expect(await storyCommentCount(m)).toBe(1);
    expect(await db().select({ kind: notifications.kind, userId: notifications.userId }).from(notifications)).toEqual([{ kind: 'approved', userId: reader.id }]);
    expect(await moderationLog()).toEqual([
      ['comment.hold', comment.id, null],
      ['comment.approve', comment.id, m.editor.id],
    ]);
    expect((await getThread(m.article.id))!.comments.map((c) => c.id)).toEqual([comment.id]);
    expect(await countMismatches(db())).toEqual([]);
  });

  it('trusts a new reader once two of their comments are approved', async () => {
    const m = await magazine(db());
    const reader = await m.person();
    const first = await post(reader, { articleId: m.article.id, body: 'One' });
    const second = await post(reader, { articleId: m.article.id, body: 'Two' });
    expect([first.comment.status, second.comment.status]).toEqual(['pending', 'pending']);
    await approveComment(m.editor, first.comment.id);
    expect((await db().select({ trusted: users.trusted }).from(users).where(eq(users.id, reader.id)))[0]!.trusted).toBe(false);
    expect((await post(reader, { articleId: m.article.id, body: 'Three' })).comment.status).toBe('pending');
    await approveComment(m.editor, second.comment.id);
    expect((await db().select({ trusted: users.trusted }).from(users).where(eq(users.id, reader.id)))[0]!.trusted).toBe(true);
    expect((await post(reader, { articleId: m.article.id, body: 'Four' })).comment.status).toBe('published');
  });

  it('approving a held reply counts it under its parent and tells the parent’s author', async () => {
    const m = await magazine(db());
    const [alice, newcomer] = [await m.person({ trusted: true }), await m.person()];
    const top = (await post(alice, { articleId: m.article.id, body: 'Top' })).comment.id;
    const reply = (await post(newcomer, { articleId: m.article.id, parentId: top, body: 'Reply' })).comment.id;
    await approveComment(m.editor, reply);
    expect((await db().select({ n: comments.replyCount }).from(comments).where(eq(comments.id, top)))[0]!.n).toBe(1);
    const sent = await db().select({ kind: notifications.kind, userId: notifications.userId, commentId: notifications.commentId }).from(notifications).orderBy(notifications.id);
    expect(sent).toEqual(
      expect.arrayContaining([
        { kind: 'reply', userId: alice.id, commentId: reply },
        { kind: 'approved', userId: newcomer.id, commentId: reply },
      ]),
    );
    expect(await countMismatches(db())).toEqual([]);
  });

  it('bulk-approves, and refuses the whole batch when one id is forged', async () => {
    const m = await magazine(db());
    const readers = [await m.person(), await m.person(), await m.person()];
    const held = [];
    for (const reader of readers) held.push((await post(reader, { articleId: m.article.id, body: `Held ${reader.id}` })).comment.id);
    await expect(bulkApprove(m.editor, [held[0]!, 999_999])).rejects.toThrow('Some of those comments could not be found. Nothing was changed.');
    await expect(bulkApprove(m.editor, [])).rejects.toThrow('Choose at least one comment.');
    expect(await status(held[0]!)).toBe('pending');
    const result = await moderate(m.editor, { decision: 'approve', ids: held.map(String) });
    expect(result.changed).toBe(3);
    expect(await storyCommentCount(m)).toBe(3);
    expect(await countMismatches(db())).toEqual([]);
  });
});

describe('removing and marking as spam', () => {
  it('hides the comment, drops the counts, keeps its replies under a placeholder, and logs each decision', async () => {
    const m = await magazine(db());
    const [alice, bob] = [await m.person({ trusted: true }), await m.person({ trusted: true })];
    const top = (await post(alice, { articleId: m.article.id, body: 'Top' })).comment.id;
    const reply = (await post(bob, { articleId: m.article.id, parentId: top, body: 'Reply' })).comment.id;
    const other = (await post(bob, { articleId: m.article.id, body: 'Buy pills' })).comment.id;

    const removed = await removeComment(m.editor, top);
    expect(removed.touched).toEqual(expect.arrayContaining([tags.comments(m.article.id), tags.article(m.article.id)]));
    await markCommentSpam(m.editor, other);
    expect(await storyCommentCount(m)).toBe(1);
    const thread = (await getThread(m.article.id))!;
    expect(thread.comments).toMatchObject([{ id: top, deleted: true, body: null, replies: [{ id: reply, body: 'Reply' }] }]);
    expect(await countMismatches(db())).toEqual([]);

    // Doing it again changes nothing and logs nothing.
    expect(await removeComment(m.editor, top)).toEqual({ changed: 0, touched: [] });
    // Not spam after all: approving brings it back.
    await approveComment(m.editor, other);
    expect(await storyCommentCount(m)).toBe(2);
    expect(await moderationLog()).toEqual([
      ['comment.remove', top, m.editor.id],
      ['comment.spam', other, m.editor.id],
      ['comment.approve', other, m.editor.id],
    ]);
    expect(await countMismatches(db())).toEqual([]);
  });

  it('is for editors and admins only', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    const { comment } = await post(reader, { articleId: m.article.id, body: 'Hi' });
    for (const actor of [reader, m.author, await m.person({ role: 'contributor' })]) {
      await expect(removeComment(actor, comment.id)).rejects.toThrow('Only editors and admins can moderate comments.');
      await expect(getModerationQueue(actor)).rejects.toThrow('Only editors and admins can moderate comments.');
    }
    expect((await removeComment(m.admin, comment.id)).changed).toBe(1);
  });
});

describe('featuring', () => {
  it('pins a published comment at the top of its thread, and unpins it', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    const now = Date.now();
    const first = (await post(reader, { articleId: m.article.id, body: 'Older' }, new Date(now - 60_000))).comment.id;
    const second = (await post(reader, { articleId: m.article.id, body: 'Newer' }, new Date(now))).comment.id;
    expect((await getThread(m.article.id, { sort: 'newest' }))!.comments.map((c) => c.id)).toEqual([second, first]);
    expect(await featureComment(m.editor, first, true)).toEqual({ changed: 1, touched: [tags.comments(m.article.id)] });
    expect((await getThread(m.article.id, { sort: 'newest' }))!.comments.map((c) => c.id)).toEqual([first, second]);
    await featureComment(m.editor, first, false);
    expect((await getThread(m.article.id, { sort: 'newest' }))!.comments.map((c) => c.id)).toEqual([second, first]);
    const held = (await post(await m.person(), { articleId: m.article.id, body: 'Held' })).comment.id;
    await expect(featureComment(m.editor, held, true)).rejects.toThrow('Only a published comment can be featured.');
    expect((await moderationLog()).filter(([action]) => action !== 'comment.hold')).toEqual([
      ['comment.feature', first, m.editor.id],
      ['comment.unfeature', first, m.editor.id],
    ]);
  });
});

describe('banning authors', () => {
  it('suspends a comment’s author for the chosen days, who then cannot post, and logs it', async () => {
    const now = new Date();
    const m = await magazine(db(), now);
    const reader = await m.person({ trusted: true });
    const { comment } = await post(reader, { articleId: m.article.id, body: 'Rude' }, now);
    await banAuthor(m.editor, { commentId: comment.id, duration: '7' }, { now });
    const [row] = await db().select().from(users).where(eq(users.id, reader.id));
    expect(row).toMatchObject({ status: 'suspended', suspendedUntil: new Date(now.getTime() + 7 * DAY), tokenVersion: 1 });
    await expect(post(reader, { articleId: m.article.id, body: 'Again' }, now)).rejects.toThrow(/suspended until/);
    const entries = await db().select().from(auditLog).where(eq(auditLog.actorId, m.editor.id)).orderBy(auditLog.id);
    expect(entries.map((e) => [e.action, e.targetType, e.targetId])).toEqual([
      ['user.suspend', 'user', reader.id],
      ['comment.ban_author', 'comment', comment.id],
    ]);
  });

  it('bans for good; editors cannot ban staff or themselves, admins can ban staff', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    await banAuthor(m.editor, { userId: reader.id, duration: 'permanent' });
    expect((await db().select({ status: users.status }).from(users).where(eq(users.id, reader.id)))[0]!.status).toBe('banned');
    await expect(banAuthor(m.editor, { userId: m.author.id, duration: '30' })).rejects.toThrow('Only an admin can ban a member of staff.');
    await expect(banAuthor(m.editor, { userId: m.editor.id, duration: '1' })).rejects.toThrow('You can’t suspend or ban yourself.');
    await expect(banAuthor(m.editor, { userId: reader.id, duration: 'forever' as 'permanent' })).rejects.toThrow('Choose how long the ban lasts.');
    await expect(banAuthor(m.author, { userId: reader.id, duration: '1' })).rejects.toThrow('Only editors and admins can moderate comments.');
    await banAuthor(m.admin, { userId: m.author.id, duration: 1 });
    expect((await db().select({ status: users.status }).from(users).where(eq(users.id, m.author.id)))[0]!.status).toBe('suspended');
  });
});

describe('the queue', () => {
  it('sorts comments into Pending, Reported, Spam and All, a page at a time', async () => {
    const m = await magazine(db());
    const newcomers = await Promise.all(Array.from({ length: QUEUE_PAGE_SIZE + 2 }, () => m.person()));
    const pending = [];
    for (const reader of newcomers) pending.push((await post(reader, { articleId: m.article.id, body: `Held ${reader.id}` })).comment.id);
    const [alice, bob, carol] = [await m.person({ trusted: true }), await m.person({ trusted: true }), await m.person({ trusted: true })];
    const reported = (await post(alice, { articleId: m.article.id, body: 'Hot take' })).comment.id;
    await reportComment(bob, { commentId: reported, reason: 'abuse', note: 'Insults' });
    await reportComment(carol, { commentId: reported, reason: 'spam' });
    const spam = (await post(alice, { articleId: m.other.id, body: 'Spammy' })).comment.id;
    await markCommentSpam(m.editor, spam);

    const firstPage = await getModerationQueue(m.editor, { tab: 'pending' });
    expect(firstPage).toMatchObject({ tab: 'pending', page: 1, total: QUEUE_PAGE_SIZE + 2, pageCount: 2 });
    expect(firstPage.items.map((i) => i.id)).toEqual(pending.slice(0, QUEUE_PAGE_SIZE));
    expect(firstPage.items[0]!.heldFor).toEqual(['new_reader']);
    expect((await getModerationQueue(m.editor, { tab: 'pending', page: 2 })).items.map((i) => i.id)).toEqual(pending.slice(QUEUE_PAGE_SIZE));

    const reportedTab = await getModerationQueue(m.editor, { tab: 'reported' });
    expect(reportedTab.items).toMatchObject([{ id: reported, reportCount: 2 }]);
    expect(reportedTab.items[0]!.reports.map((r) => [r.reason, r.note]).sort()).toEqual([
      ['abuse', 'Insults'],
      ['spam', ''],
    ]);
    expect((await getModerationQueue(m.editor, { tab: 'spam' })).items.map((i) => i.id)).toEqual([spam]);
    expect((await getModerationQueue(m.editor, { tab: 'all' })).total).toBe(QUEUE_PAGE_SIZE + 4);
    expect(await getQueueCounts(m.editor)).toEqual({ pending: QUEUE_PAGE_SIZE + 2, reported: 1, spam: 1, all: QUEUE_PAGE_SIZE + 4 });
    expect((await getModerationQueue(m.editor, { tab: 'nonsense' as 'all', page: -3 as number })).tab).toBe('pending');

    // Approving a reported comment keeps it and clears it from the Reported tab; readers who reported it cannot report again.
    const kept = await approveComment(m.editor, reported);
    expect(kept).toEqual({ changed: 1, touched: [] });
    expect((await getModerationQueue(m.editor, { tab: 'reported' })).items).toEqual([]);
    await expect(reportComment(bob, { commentId: reported, reason: 'abuse' })).rejects.toThrow('already reported');

    const log = await getModerationLog(m.editor);
    expect(log.items.map((e) => [e.action, e.comment?.id, e.actor?.id])).toEqual([
      ['comment.approve', reported, m.editor.id],
      ['comment.spam', spam, m.editor.id],
    ]);
    expect(log.items[0]!.comment).toMatchObject({ excerpt: 'Hot take', articleSlug: m.article.slug });
    expect(await countMismatches(db())).toEqual([]);
  });
});

describe('settings', () => {
  it('reads defaults, saves what an admin changes, and refuses others', async () => {
    const m = await magazine(db());
    expect(await getSettings()).toEqual({ 'comments.premoderation': false, 'comments.autoCloseDays': 0, 'comments.bannedWords': [], 'comments.suspectWords': [] });
    await expect(updateSettings(m.editor, { 'comments.premoderation': true })).rejects.toThrow('Only admins');
    const saved = await updateSettings(m.admin, { 'comments.premoderation': 'on', 'comments.bannedWords': 'Spam\n\n  Buy Now , spam', 'comments.autoCloseDays': '14' });
    expect(saved).toMatchObject({ 'comments.premoderation': true, 'comments.bannedWords': ['spam', 'buy now'], 'comments.autoCloseDays': 14, 'comments.suspectWords': [] });
    await expect(updateSettings(m.admin, { 'comments.autoCloseDays': -1 })).rejects.toThrow('Give 0 to keep comments open');
    expect((await db().select().from(auditLog).where(and(eq(auditLog.action, 'settings.update'), eq(auditLog.actorId, m.admin.id)))).length).toBe(1);
    // A value stored by hand that no longer validates reads as the default.
    await db().update(settingsTable).set({ value: 'yes please' }).where(eq(settingsTable.key, 'comments.autoCloseDays'));
    expect((await getSettings())['comments.autoCloseDays']).toBe(0);
  });
});
