import { eq } from 'drizzle-orm';
import { refresh, updateTag } from 'next/cache';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { comments, settings as settingsTable, users } from '@/db/schema';
import { banCommentAuthor, featureCommentAction, moderateComments } from '@/app/dashboard/comments/actions';
import { saveSettings } from '@/app/dashboard/settings/actions';
import { magazine, type Magazine, type Person } from '@/test/comment-fixtures';
import { freshDatabasePerTest } from '@/test/database';
import type { FormState } from './action';
import { postComment } from './comments';
import { forgive, limits, resetLimits } from './rate-limit';
import type { CurrentUser } from './session';
import { getSettings } from './settings';

// The dashboard's moderation and settings actions as their forms call them (FormData in, FormState out):
// each expires exactly the public cache tags the decision changed, and refuses anyone below the role.

let actor: CurrentUser | null = null;
vi.mock('./session', () => ({ currentUser: async () => actor }));
vi.mock('next/headers', () => ({
  // With JavaScript (a Next-Action header): the outcome comes back as the function's return value.
  headers: async () => new Headers({ 'next-action': 'test', referer: 'http://local/dashboard/comments' }),
  cookies: async () => ({ get: () => undefined, set: () => {} }),
}));
vi.mock('next/cache', () => ({ cacheLife: () => {}, cacheTag: () => {}, updateTag: vi.fn(), revalidateTag: vi.fn(), refresh: vi.fn() }));

const database = freshDatabasePerTest();
const db = () => database().db;

const as = (person: Person) => {
  actor = { id: person.id, role: person.role, name: 'Someone', email: 'someone@example.com', slug: person.slug, trusted: true };
};

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
  return data;
}

const call = <T>(run: (state: FormState<T>, data: FormData) => Promise<FormState<T>>, fields: Record<string, string | string[]>) => run({ status: 'idle' }, form(fields));

/** Every tag expired since the last reset, sorted; each one only once. */
function expired(): string[] {
  const calls = vi.mocked(updateTag).mock.calls.map(([tag]) => tag);
  expect(new Set(calls).size, `a tag was expired twice: ${calls.join(', ')}`).toBe(calls.length);
  return calls.sort();
}

async function held(m: Magazine, body: string) {
  const reader = await m.person();
  await forgive(limits.commentBurst, `user:${reader.id}`);
  const { comment } = await postComment(reader, { articleId: m.article.id, body }, { ip: '203.0.113.5' });
  expect(comment.status).toBe('pending');
  return { reader, id: comment.id };
}

const status = async (id: number) => (await db().select({ status: comments.status }).from(comments).where(eq(comments.id, id)))[0]?.status;

// Everything a published comment's count shows on: its thread, its page, and the lists its card is on.
const countTags = (m: Magazine) =>
  [`article:${m.article.id}`, `author:${m.author.slug}`, `comments:${m.article.id}`, 'list:home', 'section:music', 'tag:live'].sort();

beforeEach(() => {
  resetLimits();
  actor = null;
  vi.mocked(updateTag).mockClear();
  vi.mocked(refresh).mockClear();
});

describe('moderation actions', () => {
  it('Approve publishes a held comment and expires its thread and every page showing its count, once each', async () => {
    const m = await magazine(db());
    const { id } = await held(m, 'Held for a first-timer');
    expect(expired()).toEqual([]);
    as(m.editor);
    expect(await call(moderateComments, { decision: 'approve', ids: String(id) })).toEqual({ status: 'ok', message: 'Approved.' });
    expect(await status(id)).toBe('published');
    expect(expired()).toEqual(countTags(m));
    expect(refresh).toHaveBeenCalledTimes(1);

    // Removing it takes it off again: the same pages change back.
    vi.mocked(updateTag).mockClear();
    expect(await call(moderateComments, { decision: 'remove', ids: String(id) })).toEqual({ status: 'ok', message: 'Removed.' });
    expect(expired()).toEqual(countTags(m));
  });

  it('a decision that changes nothing public expires nothing', async () => {
    const m = await magazine(db());
    const { id } = await held(m, 'Buy cheap watches');
    as(m.editor);
    // Pending to spam: it was never shown, so no public page changes.
    expect(await call(moderateComments, { decision: 'spam', ids: String(id) })).toEqual({ status: 'ok', message: 'Marked as spam.' });
    expect(await status(id)).toBe('spam');
    expect(expired()).toEqual([]);
    expect(await call(moderateComments, { decision: 'spam', ids: String(id) })).toEqual({ status: 'ok', message: 'Nothing to change: it was already marked as spam.' });
  });

  it('"Approve selected" approves every ticked comment at once', async () => {
    const m = await magazine(db());
    const [one, two] = [await held(m, 'First'), await held(m, 'Second')];
    as(m.admin);
    expect(await call(moderateComments, { decision: 'approve', ids: [String(one.id), String(two.id)] })).toEqual({ status: 'ok', message: 'Approved 2 comments.' });
    expect([await status(one.id), await status(two.id)]).toEqual(['published', 'published']);
    expect(expired()).toEqual(countTags(m));
    // Nothing ticked: a form error in words, nothing expired.
    vi.mocked(updateTag).mockClear();
    expect(await call(moderateComments, { decision: 'approve' })).toMatchObject({ status: 'error', message: 'Choose at least one comment.' });
    expect(expired()).toEqual([]);
  });

  it('Feature pins a published comment, expiring only its thread; a pending one cannot be featured', async () => {
    const m = await magazine(db());
    const { id } = await held(m, 'Pin me');
    as(m.editor);
    expect(await call(featureCommentAction, { commentId: String(id), featured: 'true' })).toMatchObject({ status: 'error', message: 'Only a published comment can be featured.' });
    await call(moderateComments, { decision: 'approve', ids: String(id) });
    vi.mocked(updateTag).mockClear();
    expect(await call(featureCommentAction, { commentId: String(id), featured: 'true' })).toMatchObject({ status: 'ok' });
    expect(expired()).toEqual([`comments:${m.article.id}`]);
    expect((await db().select({ featured: comments.featured }).from(comments).where(eq(comments.id, id)))[0]!.featured).toBe(true);
  });

  it('Ban author suspends the comment’s author for the chosen days or for good; no public page changes', async () => {
    const m = await magazine(db());
    const first = await held(m, 'Trouble');
    const second = await held(m, 'More trouble');
    as(m.editor);
    expect(await call(banCommentAuthor, { commentId: String(first.id), duration: '7' })).toEqual({ status: 'ok', message: 'Author banned for 7 days and signed out.' });
    expect(await call(banCommentAuthor, { commentId: String(second.id), duration: 'permanent' })).toEqual({ status: 'ok', message: 'Author banned permanently and signed out.' });
    const standing = async (id: number) => (await db().select({ status: users.status, until: users.suspendedUntil }).from(users).where(eq(users.id, id)))[0]!;
    expect(await standing(first.reader.id)).toMatchObject({ status: 'suspended', until: expect.any(Date) });
    expect(await standing(second.reader.id)).toMatchObject({ status: 'banned', until: null });
    expect(expired()).toEqual([]);
    expect(refresh).toHaveBeenCalledTimes(2);
    // Only the Duration select's choices: a forged length is refused in words.
    expect(await call(banCommentAuthor, { commentId: String(first.id), duration: '2' })).toMatchObject({ status: 'error', message: 'Choose how long the ban lasts.' });
  });

  it('refuses authors and readers, changing nothing', async () => {
    const m = await magazine(db());
    const { id, reader } = await held(m, 'Not yours to judge');
    for (const person of [m.author, reader]) {
      as(person);
      expect(await call(moderateComments, { decision: 'approve', ids: String(id) })).toMatchObject({ status: 'error', message: 'You do not have permission to do that.' });
      expect(await call(banCommentAuthor, { commentId: String(id), duration: 'permanent' })).toMatchObject({ status: 'error', message: 'You do not have permission to do that.' });
    }
    expect(await status(id)).toBe('pending');
    expect((await db().select({ status: users.status }).from(users).where(eq(users.id, reader.id)))[0]!.status).toBe('active');
    expect(expired()).toEqual([]);
  });
});

describe('the settings action', () => {
  const fields = { 'comments.premoderation': 'true', 'comments.autoCloseDays': '', 'comments.bannedWords': 'Spam, scam\nScam', 'comments.suspectWords': '' };

  it('saves the whole form for an admin: radio, blank days, words one a line or comma-separated', async () => {
    const m = await magazine(db());
    as(m.admin);
    expect(await call(saveSettings, fields)).toMatchObject({ status: 'ok' });
    expect(await getSettings(db())).toEqual({
      'comments.premoderation': true,
      'comments.autoCloseDays': 0,
      'comments.bannedWords': ['spam', 'scam'],
      'comments.suspectWords': [],
    });
    expect(expired()).toEqual([]);
  });

  it('refuses an editor, and a bad value under its own field, keeping what was typed and saving nothing', async () => {
    const m = await magazine(db());
    as(m.editor);
    expect(await call(saveSettings, fields)).toMatchObject({ status: 'error', message: 'You do not have permission to do that.' });
    as(m.admin);
    const refused = await call(saveSettings, { ...fields, 'comments.autoCloseDays': '-3', 'comments.suspectWords': 'x'.repeat(101) });
    expect(refused).toMatchObject({
      status: 'error',
      fieldErrors: { 'comments.autoCloseDays': 'Give 0 to keep comments open, or a number of days.', 'comments.suspectWords': 'Each word or phrase can be at most 100 characters.' },
      values: { 'comments.autoCloseDays': '-3', 'comments.bannedWords': 'Spam, scam\nScam' },
    });
    expect(await db().select().from(settingsTable)).toEqual([]);
  });
});
