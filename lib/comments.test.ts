import { and, count, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { articles, commentReactions, comments, notifications, reports, settings, users } from '@/db/schema';
import { countMismatches, countQueries, DAY, magazine } from '@/test/comment-fixtures';
import { engine, freshDatabasePerTest } from '@/test/database';
import { tags } from './cache-tags';
import {
  BANNED_WORDS_MESSAGE,
  commentHref,
  deleteComment,
  editComment,
  getOwnPendingComments,
  getReactedCommentIds,
  getThread,
  locateComment,
  postComment,
  reportComment,
  THREAD_PAGE_SIZE,
  toggleReaction,
  withdrawCommentsOf,
  type NewCommentInput,
  type ThreadComment,
} from './comments';
import { UserError } from './errors';
import type { Actor } from './permissions';
import { forgive, limits, resetLimits } from './rate-limit';

const database = freshDatabasePerTest();
const db = () => database().db;

beforeEach(() => resetLimits());

/** Posts as if the reader had waited out the 10-second limit (flood control has tests of its own). */
async function post(actor: Actor, input: NewCommentInput, context: { ip?: string; now?: Date } = {}) {
  await forgive(limits.commentBurst, `user:${actor.id}`);
  return postComment(actor, input, { ip: '203.0.113.1', ...context });
}

async function commentCount() {
  return (await db().select({ n: count() }).from(comments))[0]!.n;
}

async function stored(id: number) {
  const [row] = await db().select().from(comments).where(eq(comments.id, id));
  return row;
}

async function setSetting(key: string, value: unknown) {
  await db().insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
}

async function storyCommentCount(id: number) {
  return (await db().select({ n: articles.commentCount }).from(articles).where(eq(articles.id, id)))[0]!.n;
}

/** Refused with a UserError whose message matches, and nothing stored. */
async function refused(attempt: () => Promise<unknown>, message: RegExp | string): Promise<UserError> {
  const before = await commentCount();
  const error = await attempt().then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).message).toMatch(message);
  expect(await commentCount()).toBe(before);
  return error as UserError;
}

const ids = (list: ThreadComment[]): unknown[] => list.map((c) => (c.replies.length ? [c.id, ids(c.replies)] : c.id));

describe('posting', () => {
  it('publishes a trusted reader’s comment, counts it and expires the thread and the pages showing the count', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    const result = await post(reader, { articleId: m.article.id, body: '  Great piece.\r\n\r\nMore please.  ' });
    expect(result.comment.status).toBe('published');
    expect((await stored(result.comment.id))!.body).toBe('Great piece.\n\nMore please.');
    expect(await storyCommentCount(m.article.id)).toBe(1);
    expect(result.touched.sort()).toEqual(
      [tags.comments(m.article.id), tags.article(m.article.id), tags.home, tags.section('music'), tags.tag('live'), tags.author(m.author.slug)].sort(),
    );
    expect(await countMismatches(db())).toEqual([]);
  });

  it('stores the text as typed: markup is kept as text for the renderer to escape', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    const body = '<script>alert(1)</script> <img src=x onerror=alert(1)> & "quotes"';
    const { comment } = await post(reader, { articleId: m.article.id, body });
    expect((await stored(comment.id))!.body).toBe(body);
    const thread = await getThread(m.article.id);
    expect(thread!.comments[0]!.body).toBe(body);
  });

  it('holds a new reader’s comment, shows it to them as pending, and keeps it out of the thread and counts', async () => {
    const m = await magazine(db());
    const reader = await m.person();
    const result = await post(reader, { articleId: m.article.id, body: 'First time here.' });
    expect(result).toEqual({ comment: { id: expect.any(Number), status: 'pending' }, touched: [] });
    expect(await getOwnPendingComments(reader.id, m.article.id)).toMatchObject([{ id: result.comment.id, body: 'First time here.', parentId: null }]);
    expect(await getOwnPendingComments(m.editor.id, m.article.id)).toEqual([]);
    expect((await getThread(m.article.id))!.comments).toEqual([]);
    expect(await storyCommentCount(m.article.id)).toBe(0);
  });

  it.each([
    ['an empty comment', '', /your comment is empty/],
    ['a whitespace-only comment', ' \n\t \r\n ', /your comment is empty/],
    ['a 5,001-character comment', 'x'.repeat(5_001), 'Comments can be at most 5,000 characters; yours has 5,001.'],
    ['a missing body', undefined, /your comment is empty/],
  ])('refuses %s with a clear message, storing nothing', async (_, body, message) => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    const error = await refused(() => post(reader, { articleId: m.article.id, body: body as string }), message);
    expect(error.fieldErrors).toEqual({ body: expect.any(String) });
  });

  it('accepts exactly 5,000 characters, counting an emoji as one', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    const { comment } = await post(reader, { articleId: m.article.id, body: '😀'.repeat(5_000) });
    expect(comment.status).toBe('published');
  });

  it('refuses stories that are closed, turned off, auto-closed, unpublished or do not exist', async () => {
    const now = new Date();
    const m = await magazine(db(), now);
    const reader = await m.person({ trusted: true });
    const body = { body: 'Hello' };
    await db().update(articles).set({ commentsMode: 'closed' }).where(eq(articles.id, m.article.id));
    await refused(() => post(reader, { articleId: m.article.id, ...body }), 'Comments on this story are closed.');
    await db().update(articles).set({ commentsMode: 'off' }).where(eq(articles.id, m.article.id));
    await refused(() => post(reader, { articleId: m.article.id, ...body }), 'Comments are turned off for this story.');

    // The other story was published a day ago: closes after 1 day, still open with 2.
    await setSetting('comments.autoCloseDays', 2);
    expect((await post(reader, { articleId: m.other.id, ...body }, { now })).comment.status).toBe('published');
    await setSetting('comments.autoCloseDays', 1);
    await refused(() => post(reader, { articleId: m.other.id, body: 'Again' }, { now }), 'Comments on this story closed 1 day after it was published.');

    await db().update(articles).set({ status: 'draft' }).where(eq(articles.id, m.other.id));
    await setSetting('comments.autoCloseDays', 0);
    await refused(() => post(reader, { articleId: m.other.id, body: 'Draft' }), 'That story could not be found.');
    for (const articleId of [999_999, 'abc', 1e12, -1, 1.5]) {
      await refused(() => post(reader, { articleId: articleId as number, ...body }), 'That story could not be found.');
    }
  });

  it('refuses banned and suspended readers, and lets them back once a suspension ends', async () => {
    const now = new Date();
    const m = await magazine(db(), now);
    const banned = await m.person({ trusted: true });
    const suspended = await m.person({ trusted: true });
    await db().update(users).set({ status: 'banned' }).where(eq(users.id, banned.id));
    await db()
      .update(users)
      .set({ status: 'suspended', suspendedUntil: new Date(now.getTime() + 7 * DAY) })
      .where(eq(users.id, suspended.id));
    await refused(() => post(banned, { articleId: m.article.id, body: 'Let me in' }, { now }), /banned/);
    await refused(() => post(suspended, { articleId: m.article.id, body: 'Let me in' }, { now }), /suspended until/);
    const later = new Date(now.getTime() + 8 * DAY);
    await db().update(articles).set({ publishedAt: later }).where(eq(articles.id, m.article.id));
    expect((await post(suspended, { articleId: m.article.id, body: 'Back again' }, { now: later })).comment.status).toBe('published');
  });
});

describe('replies', () => {
  it('nests at any depth, counts direct published replies and notifies the parent’s author', async () => {
    const m = await magazine(db());
    const [alice, bob] = [await m.person({ trusted: true }), await m.person({ trusted: true })];
    let parent = (await post(alice, { articleId: m.article.id, body: 'Level 0' })).comment.id;
    const chain = [parent];
    for (let depth = 1; depth <= 7; depth++) {
      const writer = depth % 2 ? bob : alice;
      parent = (await post(writer, { articleId: m.article.id, parentId: parent, body: `Level ${depth}` })).comment.id;
      chain.push(parent);
    }
    expect((await stored(parent))!.depth).toBe(7);
    expect((await stored(chain[0]!))!.replyCount).toBe(1);
    expect(await storyCommentCount(m.article.id)).toBe(8);
    const toAlice = await db().select().from(notifications).where(eq(notifications.userId, alice.id));
    expect(toAlice.map((n) => [n.kind, n.commentId])).toEqual([1, 3, 5, 7].map((i) => ['reply', chain[i]]));
    // Replying to oneself tells nobody.
    await post(alice, { articleId: m.article.id, parentId: chain[0], body: 'Adding to my own point' });
    expect(await db().select({ n: count() }).from(notifications).where(eq(notifications.userId, alice.id))).toEqual([{ n: 4 }]);
    expect(await countMismatches(db())).toEqual([]);
  });

  it('a held reply counts and notifies nothing until approved', async () => {
    const m = await magazine(db());
    const alice = await m.person({ trusted: true });
    const newcomer = await m.person();
    const top = (await post(alice, { articleId: m.article.id, body: 'Top' })).comment.id;
    const reply = await post(newcomer, { articleId: m.article.id, parentId: top, body: 'Held reply' });
    expect(reply.comment.status).toBe('pending');
    expect((await stored(top))!.replyCount).toBe(0);
    expect(await db().select().from(notifications)).toEqual([]);
  });

  it('refuses replies to removed, spam and pending comments, to another story’s comments and to forged ids, storing nothing', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    const make = async (articleId: number, status: 'published' | 'removed' | 'spam' | 'pending') => {
      const [row] = await db().insert(comments).values({ articleId, authorId: m.author.id, body: status, status }).returning({ id: comments.id });
      return row!.id;
    };
    const reply = (parentId: unknown) => post(reader, { articleId: m.article.id, parentId: parentId as number, body: 'A reply' });
    const [removed, spam, pending, elsewhere] = [
      await make(m.article.id, 'removed'),
      await make(m.article.id, 'spam'),
      await make(m.article.id, 'pending'),
      await make(m.other.id, 'published'),
    ];
    await refused(() => reply(removed), 'That comment was removed, so it can no longer take replies.');
    await refused(() => reply(spam), 'That comment was removed, so it can no longer take replies.');
    await refused(() => reply(pending), /awaiting moderation/);
    await refused(() => reply(elsewhere), 'You can only reply to a comment on the same story.');
    for (const forged of [424_242, 'x', 99_999_999_999]) await refused(() => reply(forged), /could not be found/);
  });
});

describe('flood control and double submits', () => {
  it('allows one comment per 10 seconds per reader', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    await postComment(reader, { articleId: m.article.id, body: 'One' }, { ip: '198.51.100.7' });
    await refused(() => postComment(reader, { articleId: m.article.id, body: 'Two' }, { ip: '198.51.100.7' }), /posting too quickly/);
    // Another reader on the same address is not held up.
    const other = await m.person({ trusted: true });
    expect((await postComment(other, { articleId: m.article.id, body: 'Three' }, { ip: '198.51.100.7' })).comment.status).toBe('published');
  });

  it('allows 30 comments an hour per reader', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    for (let i = 0; i < 30; i++) await post(reader, { articleId: m.article.id, body: `Comment ${i}` }, { ip: `198.51.100.${i}` });
    await refused(() => post(reader, { articleId: m.article.id, body: 'Comment 31' }, { ip: '198.51.100.99' }), /lot of comments in the last hour/);
  });

  it('allows 30 comments an hour per address, whoever posts them', async () => {
    const m = await magazine(db());
    for (let i = 0; i < 30; i++) await post(await m.person({ trusted: true }), { articleId: m.article.id, body: `Comment ${i}` }, { ip: '192.0.2.50' });
    const late = await m.person({ trusted: true });
    await refused(() => post(late, { articleId: m.article.id, body: 'One more' }, { ip: '192.0.2.50' }), /lot of comments in the last hour/);
    expect((await post(await m.person({ trusted: true }), { articleId: m.article.id, body: 'Elsewhere' }, { ip: '192.0.2.51' })).comment.status).toBe('published');
  });

  it('refuses the same text from the same reader on the same story within 10 minutes', async () => {
    const now = new Date();
    const m = await magazine(db(), now);
    const reader = await m.person({ trusted: true });
    await post(reader, { articleId: m.article.id, body: 'Same words' }, { now });
    await refused(() => post(reader, { articleId: m.article.id, body: '  Same words ' }, { now: new Date(now.getTime() + 60_000) }), 'You already posted this comment.');
    expect((await post(reader, { articleId: m.other.id, body: 'Same words' }, { now })).comment.status).toBe('published');
    expect((await post(reader, { articleId: m.article.id, body: 'Same words' }, { now: new Date(now.getTime() + 11 * 60_000) })).comment.status).toBe('published');
  });

  it('spends no flood budget on a refused comment', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    await refused(() => postComment(reader, { articleId: m.article.id, body: '' }), /empty/);
    await refused(() => postComment(reader, { articleId: 987_654, body: 'Lost' }), /could not be found/);
    expect((await postComment(reader, { articleId: m.article.id, body: 'Now it works' })).comment.status).toBe('published');
  });
});

describe('moderation rules on posting', () => {
  it('refuses banned words with a message that names none of them', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    await setSetting('comments.bannedWords', ['frobnicate', 'buy followers']);
    const error = await refused(() => post(reader, { articleId: m.article.id, body: 'Want to BUY   followers?' }), BANNED_WORDS_MESSAGE);
    expect(error.message).not.toMatch(/followers|frobnicate/i);
    expect(error.fieldErrors).toEqual({ body: BANNED_WORDS_MESSAGE });
    expect((await post(reader, { articleId: m.article.id, body: 'I like followers of fashion' })).comment.status).toBe('published');
  });

  it('holds suspect words and two links, and everything from readers under pre-moderation', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    await setSetting('comments.suspectWords', ['crypto']);
    expect((await post(reader, { articleId: m.article.id, body: 'Crypto is the future' })).comment.status).toBe('pending');
    expect((await post(reader, { articleId: m.article.id, body: 'One link is fine: https://example.com' })).comment.status).toBe('published');
    expect((await post(reader, { articleId: m.article.id, body: 'https://a.example and https://b.example' })).comment.status).toBe('pending');
    await setSetting('comments.premoderation', true);
    expect((await post(reader, { articleId: m.article.id, body: 'Plain words' })).comment.status).toBe('pending');
  });

  it('always publishes staff comments', async () => {
    const m = await magazine(db());
    await setSetting('comments.premoderation', true);
    await setSetting('comments.suspectWords', ['crypto']);
    await setSetting('comments.bannedWords', ['frobnicate']);
    for (const [actor, body] of [
      [m.editor, 'Crypto links: https://a.example https://b.example https://c.example'],
      [m.author, 'Thanks for reading; we do not frobnicate here.'],
      [await m.person({ role: 'contributor', trusted: false }), 'A contributor writes.'],
    ] as const) {
      expect((await post(actor, { articleId: m.article.id, body })).comment.status).toBe('published');
    }
  });
});

describe('editing and deleting', () => {
  it('edits one’s own comment within 10 minutes and marks it edited; not later, not someone else’s', async () => {
    const now = new Date();
    const m = await magazine(db(), now);
    const [reader, other] = [await m.person({ trusted: true }), await m.person({ trusted: true })];
    const { comment } = await post(reader, { articleId: m.article.id, body: 'Typo hre' }, { now });
    const soon = new Date(now.getTime() + 9 * 60_000);
    const edited = await editComment(reader, { commentId: comment.id, body: 'Typo here' }, { now: soon });
    expect(edited).toEqual({ comment: { id: comment.id, status: 'published' }, touched: [tags.comments(m.article.id)] });
    expect(await stored(comment.id)).toMatchObject({ body: 'Typo here', editedAt: soon });
    await expect(editComment(other, { commentId: comment.id, body: 'Hijack' }, { now: soon })).rejects.toThrow('You can only edit your own comments.');
    await expect(editComment(reader, { commentId: comment.id, body: '   ' }, { now: soon })).rejects.toThrow(/empty/);
    await expect(editComment(reader, { commentId: comment.id, body: 'Too late' }, { now: new Date(now.getTime() + 11 * 60_000) })).rejects.toThrow(/10 minutes/);
    expect((await stored(comment.id))!.body).toBe('Typo here');
  });

  it('applies the posting rules to the new text: banned words refused, links send it back to the moderators', async () => {
    const now = new Date();
    const m = await magazine(db(), now);
    const reader = await m.person({ trusted: true });
    await setSetting('comments.bannedWords', ['frobnicate']);
    const { comment } = await post(reader, { articleId: m.article.id, body: 'Innocent' }, { now });
    await expect(editComment(reader, { commentId: comment.id, body: 'frobnicate' }, { now })).rejects.toThrow(BANNED_WORDS_MESSAGE);
    const edited = await editComment(reader, { commentId: comment.id, body: 'Visit https://a.example and https://b.example' }, { now });
    expect(edited.comment.status).toBe('pending');
    expect(edited.touched).toContain(tags.article(m.article.id));
    expect(await storyCommentCount(m.article.id)).toBe(0);
    expect(await countMismatches(db())).toEqual([]);
  });

  it('deletes a comment without replies, and leaves a "[deleted]" placeholder for one with replies', async () => {
    const m = await magazine(db());
    const [alice, bob] = [await m.person({ trusted: true }), await m.person({ trusted: true })];
    const lonely = (await post(alice, { articleId: m.article.id, body: 'Nobody answers' })).comment.id;
    const answered = (await post(alice, { articleId: m.article.id, body: 'Somebody answers' })).comment.id;
    const reply = (await post(bob, { articleId: m.article.id, parentId: answered, body: 'I do' })).comment.id;
    await expect(deleteComment(bob, { commentId: lonely })).rejects.toThrow('You can only delete your own comments.');
    expect((await deleteComment(alice, { commentId: lonely })).outcome).toBe('deleted');
    expect(await stored(lonely)).toBeUndefined();
    const removed = await deleteComment(alice, { commentId: answered });
    expect(removed.outcome).toBe('removed');
    expect(removed.touched).toContain(tags.comments(m.article.id));
    expect(await stored(answered)).toMatchObject({ status: 'removed', body: 'Somebody answers' });
    await expect(deleteComment(alice, { commentId: answered })).rejects.toThrow('already deleted');

    const thread = (await getThread(m.article.id))!;
    expect(thread.commentCount).toBe(1);
    expect(thread.comments).toMatchObject([{ id: answered, deleted: true, body: null, author: null, replies: [{ id: reply, body: 'I do', deleted: false }] }]);
    expect(await countMismatches(db())).toEqual([]);

    // Once its last reply goes, the placeholder goes too.
    await deleteComment(bob, { commentId: reply });
    expect((await getThread(m.article.id))!.comments).toEqual([]);
    expect(await countMismatches(db())).toEqual([]);
  });
});

describe('deleting an account', () => {
  it('deletes the person’s comments except those with others’ replies, which stay as placeholders', async () => {
    const m = await magazine(db());
    const [alice, bob] = [await m.person({ trusted: true }), await m.person({ trusted: true })];
    await post(alice, { articleId: m.article.id, body: 'Lone' });
    const answered = (await post(alice, { articleId: m.article.id, body: 'Answered' })).comment.id;
    const answer = (await post(bob, { articleId: m.article.id, parentId: answered, body: 'Answer' })).comment.id;
    const chain = (await post(alice, { articleId: m.article.id, body: 'Chain' })).comment.id;
    await post(alice, { articleId: m.article.id, parentId: chain, body: 'Chain, continued' });
    await db().update(users).set({ trusted: false }).where(eq(users.id, alice.id));
    await post(alice, { articleId: m.other.id, body: 'Held' });
    const bobs = (await post(bob, { articleId: m.article.id, body: 'Unrelated' })).comment.id;

    const touched = await db().transaction(async (tx) => {
      const result = await withdrawCommentsOf(tx, alice.id);
      await tx.delete(users).where(eq(users.id, alice.id));
      return result;
    });
    expect(touched).toEqual(expect.arrayContaining([tags.comments(m.article.id), tags.article(m.article.id)]));
    expect(await db().select({ id: comments.id, status: comments.status, body: comments.body }).from(comments).orderBy(comments.id)).toEqual([
      { id: answered, status: 'removed', body: '' },
      { id: answer, status: 'published', body: 'Answer' },
      { id: bobs, status: 'published', body: 'Unrelated' },
    ]);
    expect((await getThread(m.article.id, { sort: 'oldest' }))!.comments).toMatchObject([
      { id: answered, deleted: true, replies: [{ id: answer }] },
      { id: bobs },
    ]);
    expect(await countMismatches(db())).toEqual([]);
  });
});

describe('reactions and reports', () => {
  it('toggles one reaction per reader per comment and keeps the count', async () => {
    const m = await magazine(db());
    const [alice, bob, carol] = [await m.person({ trusted: true }), await m.person({ trusted: true }), await m.person({ trusted: true })];
    const { comment } = await post(alice, { articleId: m.article.id, body: 'React to me' });
    expect(await toggleReaction(bob, { commentId: comment.id })).toEqual({ reacted: true, reactionCount: 1, touched: [tags.comments(m.article.id)] });
    expect((await toggleReaction(carol, { commentId: comment.id })).reactionCount).toBe(2);
    expect(await getReactedCommentIds(bob.id, m.article.id)).toEqual([comment.id]);
    expect(await toggleReaction(bob, { commentId: comment.id })).toMatchObject({ reacted: false, reactionCount: 1 });
    expect(await db().select().from(commentReactions)).toHaveLength(1);
    expect(await countMismatches(db())).toEqual([]);
  });

  it('does not let readers react to comments they cannot see', async () => {
    const m = await magazine(db());
    const [alice, bob] = [await m.person(), await m.person({ trusted: true })];
    const { comment } = await post(alice, { articleId: m.article.id, body: 'Held' });
    await expect(toggleReaction(bob, { commentId: comment.id })).rejects.toThrow(/could not be found/);
    await expect(toggleReaction(bob, { commentId: 'nope' as unknown as number })).rejects.toThrow(/could not be found/);
  });

  it('takes one report per reader with a reason from the list, and counts them', async () => {
    const m = await magazine(db());
    const [alice, bob, carol] = [await m.person({ trusted: true }), await m.person({ trusted: true }), await m.person({ trusted: true })];
    const { comment } = await post(alice, { articleId: m.article.id, body: 'Controversial' });
    expect(await reportComment(bob, { commentId: comment.id, reason: 'abuse', note: ' Name-calling ' })).toEqual({ touched: [] });
    await expect(reportComment(bob, { commentId: comment.id, reason: 'spam' })).rejects.toThrow('You have already reported this comment.');
    await expect(reportComment(carol, { commentId: comment.id, reason: 'because' as 'spam' })).rejects.toThrow('Choose a reason for your report.');
    await expect(reportComment(alice, { commentId: comment.id, reason: 'spam' })).rejects.toThrow('You can’t report your own comment.');
    await reportComment(carol, { commentId: comment.id, reason: 'off-topic' });
    expect((await stored(comment.id))!.reportCount).toBe(2);
    expect((await db().select({ reason: reports.reason }).from(reports).where(eq(reports.userId, bob.id)))[0]!.reason).toBe('abuse\nName-calling');
  });

  it('does not let banned or suspended readers react or report', async () => {
    const m = await magazine(db());
    const [alice, bob] = [await m.person({ trusted: true }), await m.person({ trusted: true })];
    const { comment } = await post(alice, { articleId: m.article.id, body: 'Hello' });
    await db().update(users).set({ status: 'suspended', suspendedUntil: new Date(Date.now() + DAY) }).where(eq(users.id, bob.id));
    await expect(toggleReaction(bob, { commentId: comment.id })).rejects.toThrow(/suspended/);
    await db().update(users).set({ status: 'banned', suspendedUntil: null }).where(eq(users.id, bob.id));
    await expect(reportComment(bob, { commentId: comment.id, reason: 'spam' })).rejects.toThrow(/banned/);
    expect(await db().select().from(reports)).toEqual([]);
    expect(await db().select().from(commentReactions)).toEqual([]);
  });
});

describe('the thread', () => {
  /** Writes comments straight to the table with published counts, as the bulk seed does. */
  async function insertThread(articleId: number, authorIds: number[], shape: Array<{ key: string; parent?: string; status?: 'published' | 'removed' | 'pending' | 'spam'; featured?: boolean; reactions?: number; at: number }>) {
    const idOf = new Map<string, number>();
    const depthOf = new Map<string, number>();
    const base = Date.now() - DAY;
    for (const [i, node] of shape.entries()) {
      const depth = node.parent ? depthOf.get(node.parent)! + 1 : 0;
      const [row] = await db()
        .insert(comments)
        .values({
          articleId,
          parentId: node.parent ? idOf.get(node.parent)! : null,
          authorId: authorIds[i % authorIds.length]!,
          body: node.key,
          status: node.status ?? 'published',
          depth,
          featured: node.featured ?? false,
          reactionCount: node.reactions ?? 0,
          createdAt: new Date(base + node.at * 1000),
        })
        .returning({ id: comments.id });
      idOf.set(node.key, row!.id);
      depthOf.set(node.key, depth);
    }
    await reconcile();
    return idOf;
  }

  /** Counts as db/seed/bulk.ts reconciles them. */
  async function reconcile() {
    await db().execute(sql`update articles set comment_count = (select count(*) from comments c where c.article_id = articles.id and c.status = 'published')`);
    await db().execute(sql`update comments set reply_count = (select count(*) from comments r where r.parent_id = comments.id and r.status = 'published')`);
  }

  it('builds the tree: featured first, replies in order under their parent, placeholders only above something shown', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true, name: 'Reader' });
    const id = await insertThread(m.article.id, [reader.id, m.editor.id], [
      { key: 'a', at: 1 },
      { key: 'b', at: 2, featured: true },
      { key: 'c', at: 3 },
      { key: 'a1', parent: 'a', at: 5 },
      { key: 'a2', parent: 'a', at: 4 },
      { key: 'a1x', parent: 'a1', at: 6 },
      { key: 'gone', at: 7, status: 'removed' },
      { key: 'gone-reply', parent: 'gone', at: 8 },
      { key: 'gone-empty', at: 9, status: 'removed' },
      { key: 'spam', at: 10, status: 'spam' },
      { key: 'pending', parent: 'c', at: 11, status: 'pending' },
      { key: 'c-removed', parent: 'c', at: 12, status: 'removed' },
      { key: 'c-removed-held', parent: 'c-removed', at: 13, status: 'pending' },
    ]);
    const thread = (await getThread(m.article.id, { sort: 'newest' }))!;
    const k = (key: string) => id.get(key)!;
    expect(ids(thread.comments)).toEqual([k('b'), [k('gone'), [k('gone-reply')]], k('c'), [k('a'), [k('a2'), [k('a1'), [k('a1x')]]]]]);
    expect(thread).toMatchObject({ page: 1, pageCount: 1, topLevelCount: 4, commentCount: 7 });
    const [b, gone] = thread.comments;
    expect(b).toMatchObject({ body: 'b', featured: true, author: { name: 'Maya Editor', staff: true }, depth: 0 });
    expect(gone).toMatchObject({ deleted: true, body: null, author: null });
    const a = thread.comments[3]!;
    expect(a.author).toMatchObject({ id: reader.id, name: 'Reader', staff: false });
    expect(a.replies[1]!.replies[0]).toMatchObject({ body: 'a1x', depth: 2, parentId: k('a1') });

    expect((await getThread(m.article.id, { sort: 'oldest' }))!.comments.map((c) => c.body)).toEqual(['b', 'a', 'c', null]);
  });

  it('sorts top-level comments by newest, oldest or reactions, featured always first', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    const id = await insertThread(m.article.id, [reader.id], [
      { key: 'old', at: 1, reactions: 5 },
      { key: 'mid', at: 2, reactions: 9 },
      { key: 'new', at: 3, reactions: 1 },
      { key: 'pinned', at: 0, featured: true },
    ]);
    const order = async (sort: 'newest' | 'oldest' | 'top') => (await getThread(m.article.id, { sort }))!.comments.map((c) => c.body);
    expect(await order('newest')).toEqual(['pinned', 'new', 'mid', 'old']);
    expect(await order('oldest')).toEqual(['pinned', 'old', 'mid', 'new']);
    expect(await order('top')).toEqual(['pinned', 'mid', 'old', 'new']);
    expect(id.size).toBe(4);
  });

  it('paginates top-level comments, each page with all their replies; past the last page is null', async () => {
    const m = await magazine(db());
    const reader = await m.person({ trusted: true });
    const shape = Array.from({ length: THREAD_PAGE_SIZE + 10 }, (_, i) => ({ key: `t${i}`, at: i }));
    shape.push({ key: 'reply-to-first', parent: 't0', at: 1000 } as never);
    await insertThread(m.article.id, [reader.id], shape);
    const first = (await getThread(m.article.id, { sort: 'oldest', page: 1 }))!;
    const second = (await getThread(m.article.id, { sort: 'oldest', page: 2 }))!;
    expect(first).toMatchObject({ pageCount: 2, topLevelCount: THREAD_PAGE_SIZE + 10, commentCount: THREAD_PAGE_SIZE + 11 });
    expect(first.comments).toHaveLength(THREAD_PAGE_SIZE);
    expect(first.comments[0]!.replies.map((r) => r.body)).toEqual(['reply-to-first']);
    expect(second.comments.map((c) => c.body)).toEqual(Array.from({ length: 10 }, (_, i) => `t${THREAD_PAGE_SIZE + i}`));
    expect(await getThread(m.article.id, { page: 3 })).toBeNull();
    expect(await getThread(m.article.id, { page: 0 })).toBeNull();
    expect(await getThread(m.article.id, { sort: 'loudest' as 'top' })).toBeNull();
    expect(await getThread(m.other.id)).toMatchObject({ comments: [], pageCount: 1, commentCount: 0 });

    const [reply] = await db().select({ id: comments.id }).from(comments).where(and(eq(comments.articleId, m.article.id), eq(comments.body, 'reply-to-first')));
    expect(await locateComment(reply!.id, 'newest')).toEqual({ articleId: m.article.id, page: 2, anchor: `comment-${reply!.id}` });
    expect(await locateComment(reply!.id, 'oldest')).toMatchObject({ page: 1 });
    // The URL a form redirects to: the default sort and page 1 stay out of it.
    expect(await commentHref(reply!.id, 'newest')).toBe(`/articles/${m.article.slug}?page=2#comment-${reply!.id}`);
    expect(await commentHref(reply!.id, 'oldest')).toBe(`/articles/${m.article.slug}?sort=oldest#comment-${reply!.id}`);
    expect(await commentHref(2_000_000_000)).toBeNull();
  });

  it('reads a 1,000-comment thread in the same two queries as a 10-comment one', async () => {
    const m = await magazine(db());
    const readers = await Promise.all(Array.from({ length: 20 }, () => m.person({ trusted: true })));
    // 40 top-level comments, each with 24 replies nested up to 6 deep: 1,000 comments, all on page 1.
    const shape: Array<{ key: string; parent?: string; at: number }> = [];
    for (let t = 0; t < 40; t++) {
      shape.push({ key: `t${t}`, at: t * 100 });
      for (let r = 0; r < 24; r++) shape.push({ key: `t${t}r${r}`, parent: r < 6 ? (r === 0 ? `t${t}` : `t${t}r${r - 1}`) : `t${t}r${r % 6}`, at: t * 100 + r + 1 });
    }
    await insertThread(m.other.id, [readers[0]!.id], shape.slice(0, 10));
    const big = m.article.id;
    const id = await bulkThread(big, readers.map((r) => r.id), shape);
    expect(id.size).toBe(1_000);

    const queries = countQueries(database());
    await getThread(m.other.id);
    expect(queries.count).toBe(2);
    const timings: number[] = [];
    let thread: Awaited<ReturnType<typeof getThread>> = null;
    for (let run = 0; run < 6; run++) {
      queries.reset();
      const started = performance.now();
      thread = await getThread(big);
      timings.push(performance.now() - started);
      expect(queries.count).toBe(2);
    }
    const flat = (list: ThreadComment[]): number => list.reduce((n, c) => n + 1 + flat(c.replies), 0);
    expect(flat(thread!.comments)).toBe(THREAD_PAGE_SIZE * 25); // the first page's threads, each with its 24 replies
    expect(thread!.commentCount).toBe(1_000);
    const warm = timings.slice(1).sort((a, b) => a - b)[2]!;
    console.info(`[${engine}] 1,000-comment thread: 2 queries; first read ${timings[0]!.toFixed(1)} ms, then median ${warm.toFixed(1)} ms`);
    expect(warm).toBeLessThan(2_000);
  });

  /** The big thread, written a level at a time with one insert per level. */
  async function bulkThread(articleId: number, authorIds: number[], shape: Array<{ key: string; parent?: string; at: number }>) {
    const idOf = new Map<string, number>();
    const depthOf = new Map<string, number>();
    const base = Date.now() - DAY;
    let level = shape.filter((node) => !node.parent);
    let depth = 0;
    while (level.length) {
      const rows = await db()
        .insert(comments)
        .values(
          level.map((node, i) => ({
            articleId,
            parentId: node.parent ? idOf.get(node.parent)! : null,
            authorId: authorIds[i % authorIds.length]!,
            body: `Comment ${node.key} with a sentence or two of text, as readers write them.`,
            depth,
            createdAt: new Date(base + node.at * 1000),
          })),
        )
        .returning({ id: comments.id });
      level.forEach((node, i) => {
        idOf.set(node.key, rows[i]!.id);
        depthOf.set(node.key, depth);
      });
      const placed = new Set(level.map((node) => node.key));
      level = shape.filter((node) => node.parent && placed.has(node.parent));
      depth++;
    }
    await reconcile();
    return idOf;
  }
});
