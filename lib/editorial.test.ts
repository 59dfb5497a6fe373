import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articles, auditLog, revisions, tags as tagTable, users } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { blocksToDocument } from '@/db/seed/document';
import { freshDatabasePerTest } from '@/test/database';
import { tags } from './cache-tags';
import { ConflictError, KEPT_REVISIONS, publishDueArticles, restoreRevision, saveArticle, deleteArticle, getEditableArticle, listStories } from './editorial';
import { UserError } from './errors';
import type { Actor } from './permissions';

const database = freshDatabasePerTest();

async function staff(): Promise<Record<'admin' | 'editor' | 'author' | 'contributor', Actor>> {
  await seedDemo(database().db, { password: 'test-password' });
  const rows = await database().db.select({ id: users.id, role: users.role }).from(users);
  const by = (role: string) => rows.find((row) => row.role === role)!;
  return { admin: by('admin'), editor: by('editor'), author: by('author'), contributor: by('contributor') } as never;
}

const body = (...paragraphs: string[]) => JSON.stringify(blocksToDocument(paragraphs));
const draft = (title: string, extra: Record<string, unknown> = {}) => ({ title, dek: 'A dek', body: body(`${title} body text.`), sectionId: 1, ...extra });

describe('saving stories', () => {
  it('creates a draft with a slug from the title and a first revision, public pages untouched', async () => {
    const { author } = await staff();
    const saved = await saveArticle(author, draft('A Night at the Lido!'));
    expect(saved).toMatchObject({ version: 1, status: 'draft', slug: 'a-night-at-the-lido', touched: [] });
    const story = await getEditableArticle(author, saved.id);
    expect(story!.authorIds).toEqual([author.id]);
    expect((await database().db.select().from(revisions).where(eq(revisions.articleId, saved.id))).map((r) => r.version)).toEqual([1]);
  });

  it('refuses a save based on an old version, keeps the other save intact and hands back the newer text', async () => {
    const { editor, admin } = await staff();
    const first = await saveArticle(editor, draft('Shared story'));
    await saveArticle(admin, { ...draft('Shared story'), id: first.id, version: 1, body: body('The admin’s words.') });
    const attempt = saveArticle(editor, { ...draft('Shared story'), id: first.id, version: 1, body: body('The editor’s words.') });
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    await expect(attempt).rejects.toMatchObject({ message: expect.stringContaining('changed since you opened it'), detail: { version: 2, bodyText: 'The admin’s words.' } });
    const [row] = await database().db.select().from(articles).where(eq(articles.id, first.id));
    expect([row!.version, row!.bodyText]).toEqual([2, 'The admin’s words.']);
    // Saving on top of the newer version wins, and both versions stay in the history.
    const kept = await saveArticle(editor, { ...draft('Shared story'), id: first.id, version: 2, body: body('The editor’s words.') });
    expect(kept.version).toBe(3);
    expect((await database().db.select({ n: count() }).from(revisions).where(eq(revisions.articleId, first.id)))[0]!.n).toBe(3);
  });

  it('refuses a taken slug typed by hand, and numbers a generated one', async () => {
    const { editor } = await staff();
    await expect(saveArticle(editor, draft('Anything', { slug: 'kendall-schmidt-heffron-drive' }))).rejects.toMatchObject({ fieldErrors: { slug: expect.any(String) } });
    const again = await saveArticle(editor, draft('Why the B-side is back'));
    expect(again.slug).toBe('why-the-b-side-is-back-2');
  });

  it('rejects bad documents and images without alt text, writing nothing', async () => {
    const { editor } = await staff();
    const before = (await database().db.select({ n: count() }).from(articles))[0]!.n;
    const noAlt = JSON.stringify({ type: 'doc', content: [{ type: 'figure', attrs: { src: '/media/a.webp', alt: '  ' } }] });
    await expect(saveArticle(editor, draft('No alt', { body: noAlt }))).rejects.toThrow('alt text');
    const foreignEmbed = JSON.stringify({ type: 'doc', content: [{ type: 'embed', attrs: { src: 'https://evil.example/x' } }] });
    await expect(saveArticle(editor, draft('Embed', { body: foreignEmbed }))).rejects.toThrow('YouTube, Vimeo, Spotify or SoundCloud');
    await expect(saveArticle(editor, draft('Broken', { body: '{not json' }))).rejects.toBeInstanceOf(UserError);
    expect((await database().db.select({ n: count() }).from(articles))[0]!.n).toBe(before);
  });

  it('drops script links and unknown nodes from the body', async () => {
    const { editor } = await staff();
    const doc = JSON.stringify({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] },
        { type: 'htmlBlock', attrs: { html: '<script>alert(1)</script>' } },
      ],
    });
    const saved = await saveArticle(editor, draft('Clean', { body: doc }));
    const story = await getEditableArticle(editor, saved.id);
    expect(story!.body).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'click' }] }] });
  });

  it('lets only editors create tags inline', async () => {
    const { editor, author } = await staff();
    await expect(saveArticle(author, draft('Tagged', { tags: JSON.stringify(['Brand New Tag']) }))).rejects.toThrow('Only editors can create new tags');
    await saveArticle(author, draft('Tagged', { tags: JSON.stringify(['Interviews']) }));
    await saveArticle(editor, draft('Tagged again', { tags: JSON.stringify(['Brand New Tag']) }));
    expect(await database().db.select().from(tagTable).where(eq(tagTable.slug, 'brand-new-tag'))).toHaveLength(1);
  });

  it('keeps the last 50 revisions and every published one', async () => {
    const { editor } = await staff();
    const first = await saveArticle(editor, draft('Long history', { intent: 'publish' }));
    let version = first.version;
    for (let i = 0; i < KEPT_REVISIONS + 5; i++) version = (await saveArticle(editor, { ...draft('Long history'), id: first.id, version, body: body(`v${i}`) })).version;
    const kept = await database().db.select().from(revisions).where(eq(revisions.articleId, first.id));
    expect(kept.filter((r) => !r.published).length).toBeLessThanOrEqual(KEPT_REVISIONS);
    expect(kept.some((r) => r.version === 1 && r.published)).toBe(true);
    expect(kept.some((r) => r.version === version)).toBe(true);
  });

  it('restores an old revision as a new version', async () => {
    const { editor } = await staff();
    const first = await saveArticle(editor, draft('Restore me'));
    const second = await saveArticle(editor, { ...draft('Restore me, changed'), id: first.id, version: 1, body: body('Changed words.') });
    const restored = await restoreRevision(editor, { id: first.id, version: second.version, revision: 1 });
    const story = await getEditableArticle(editor, first.id);
    expect([restored.version, story!.title]).toEqual([3, 'Restore me']);
  });
});

describe('the workflow through the database', () => {
  it('publishes with the exact public tags, unpublishes, and logs both', async () => {
    const { editor } = await staff();
    const saved = await saveArticle(editor, draft('Going live', { tags: JSON.stringify(['Interviews']), intent: 'publish' }));
    expect(saved.status).toBe('published');
    expect(saved.touched.sort()).toEqual(
      [tags.article(saved.id), tags.articleSlug('going-live'), tags.home, tags.feed, tags.sitemap, tags.search, tags.section('music'), tags.tag('interviews'), tags.author('maya-okafor')].sort(),
    );
    const back = await saveArticle(editor, { ...draft('Going live', { tags: JSON.stringify(['Interviews']) }), id: saved.id, version: saved.version, intent: 'unpublish' });
    expect(back.status).toBe('draft');
    expect(back.touched).toContain(tags.articleSlug('going-live'));
    const actions = (await database().db.select().from(auditLog).where(eq(auditLog.targetId, saved.id))).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['article.create', 'article.publish', 'article.unpublish']));
  });

  it('refuses illegal moves and leaves the story as it was', async () => {
    const { editor } = await staff();
    const saved = await saveArticle(editor, draft('Draft only'));
    await expect(saveArticle(editor, { ...draft('Draft only, edited'), id: saved.id, version: 1, intent: 'archive' })).rejects.toThrow('A story that is draft cannot be archived.');
    const [row] = await database().db.select().from(articles).where(eq(articles.id, saved.id));
    expect([row!.status, row!.version, row!.title]).toEqual(['draft', 1, 'Draft only']);
  });

  it('keeps contributors to submitting and authors to their own stories', async () => {
    const { contributor, author, editor } = await staff();
    const mine = await saveArticle(contributor, draft('My pitch'));
    await expect(saveArticle(contributor, { ...draft('My pitch'), id: mine.id, version: 1, intent: 'publish' })).rejects.toThrow('Only an editor can publish');
    const submitted = await saveArticle(contributor, { ...draft('My pitch'), id: mine.id, version: 1, intent: 'submit' });
    expect(submitted.status).toBe('in_review');
    // Another author guessing the id cannot see, edit or delete it.
    expect(await getEditableArticle(author, mine.id)).toBeNull();
    await expect(saveArticle(author, { ...draft('Hijack'), id: mine.id, version: 2 })).rejects.toThrow('permission');
    await expect(deleteArticle(author, mine.id)).rejects.toThrow('permission');
    expect((await listStories(author, { page: 1 })).items.some((s) => s.id === mine.id)).toBe(false);
    const published = await saveArticle(editor, { ...draft('My pitch'), id: mine.id, version: 2, intent: 'publish' });
    expect(published.status).toBe('published');
    // Once published, the contributor can no longer change it.
    await expect(saveArticle(contributor, { ...draft('My pitch, tweaked'), id: mine.id, version: 3 })).rejects.toThrow('Only its author or an editor');
  });

  it('schedules only in the future and the scheduler publishes each story exactly once', async () => {
    const { editor } = await staff();
    const now = new Date();
    await expect(saveArticle(editor, draft('Too soon', { intent: 'schedule', publishAt: new Date(now.getTime() - 60_000).toISOString() }))).rejects.toThrow('in the future');
    const later = new Date(now.getTime() + 3_600_000);
    const saved = await saveArticle(editor, draft('Later', { intent: 'schedule', publishAt: later.toISOString() }));
    expect(saved.status).toBe('scheduled');
    expect((await publishDueArticles({ now })).ids).toEqual([]);
    const due = new Date(later.getTime() + 1000);
    const runs = await Promise.all([publishDueArticles({ now: due }), publishDueArticles({ now: due }), publishDueArticles({ now: due })]);
    expect(runs.flatMap((run) => run.ids)).toEqual([saved.id]);
    const [row] = await database().db.select().from(articles).where(eq(articles.id, saved.id));
    expect(row!.status).toBe('published');
    expect(row!.publishedAt!.getTime()).toBe(later.getTime());
    expect(runs.flatMap((run) => run.touched)).toContain(tags.home);
    const publishLogs = (await database().db.select().from(auditLog).where(eq(auditLog.targetId, saved.id))).filter((r) => r.action === 'article.publish');
    expect(publishLogs).toHaveLength(1);
  });
});
