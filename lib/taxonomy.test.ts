import { asc, eq } from 'drizzle-orm';
import { updateTag } from 'next/cache';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { articles, articleTags, auditLog, sections, tags as tagTable, users } from '@/db/schema';
import { freshDatabasePerTest } from '@/test/database';
import { UserError } from './errors';
import {
  createSection,
  createTag,
  deleteSection,
  deleteTag,
  listSections,
  listTags,
  mergeTag,
  moveSection,
  renameTag,
  updateSection,
} from './taxonomy';

const database = freshDatabasePerTest();
const db = () => database().db;

/** Every tag expired since the last reset, sorted; each one only once. */
function expired(): string[] {
  const calls = vi.mocked(updateTag).mock.calls.map(([tag]) => tag);
  expect(new Set(calls).size, `a tag was expired twice: ${calls.join(', ')}`).toBe(calls.length);
  return calls.sort();
}

beforeEach(() => {
  vi.mocked(updateTag).mockClear();
});

async function editor() {
  const [row] = await db().insert(users).values({ email: 'ed@example.com', name: 'Ed Itor', slug: 'ed-itor', role: 'editor', passwordHash: 'x' }).returning();
  return { id: row!.id, via: 'dashboard' as const };
}

let storyNumber = 0;
async function story(values: { sectionId?: number; tagIds?: number[]; status?: 'draft' | 'published' } = {}) {
  storyNumber += 1;
  const [row] = await db()
    .insert(articles)
    .values({ slug: `story-${storyNumber}`, title: `Story ${storyNumber}`, bodyJson: { type: 'doc', content: [] }, sectionId: values.sectionId, status: values.status ?? 'published' })
    .returning({ id: articles.id });
  if (values.tagIds?.length) await db().insert(articleTags).values(values.tagIds.map((tagId) => ({ articleId: row!.id, tagId })));
  return row!.id;
}

const auditActions = async () => (await db().select().from(auditLog).orderBy(asc(auditLog.id))).map((entry) => entry.action);

describe('sections', () => {
  it('creates a section last in the navigation, with a slug from its name, and expires the navigation', async () => {
    const actor = await editor();
    await createSection({ name: 'Music' });
    vi.mocked(updateTag).mockClear();
    const created = await createSection({ name: 'Books & Ideas', description: '  Long reads.  ' }, { actor });
    expect(created).toMatchObject({ name: 'Books & Ideas', slug: 'books-and-ideas', description: 'Long reads.', position: 2 });
    expect(expired()).toEqual(['list:home', 'section:books-and-ideas', 'sections']);
    const [, entry] = await db().select().from(auditLog).orderBy(asc(auditLog.id));
    expect(entry).toMatchObject({ action: 'section.create', targetType: 'section', targetId: created.id, actorId: actor.id, detail: { name: 'Books & Ideas', slug: 'books-and-ideas', via: 'dashboard' } });
  });

  it('numbers a slug another section has, but refuses a name or a typed slug that is taken', async () => {
    await createSection({ name: 'Music' });
    expect((await createSection({ name: 'Music!' })).slug).toBe('music-2');
    await expect(createSection({ name: 'MUSIC' })).rejects.toThrow('There is already a section called “Music”.');
    await expect(createSection({ name: 'Sound', slug: 'Music' })).rejects.toMatchObject({ code: 'slug_taken', fieldErrors: { slug: expect.stringMatching(/already used/) } });
    await expect(createSection({ name: 'Sound', slug: '!!!' })).rejects.toThrow(/at least one letter or number/);
    await expect(createSection({ name: '   ' })).rejects.toThrow('A name is required.');
    expect((await listSections()).map((section) => section.slug)).toEqual(['music', 'music-2']);
  });

  it('renames with a new slug: expires the old and new addresses and every story filed under it', async () => {
    const music = await createSection({ name: 'Music' });
    const other = await createSection({ name: 'Screen' });
    const [first, second] = [await story({ sectionId: music.id }), await story({ sectionId: music.id, status: 'draft' })];
    await story({ sectionId: other.id });
    vi.mocked(updateTag).mockClear();

    const renamed = await updateSection({ id: music.id, name: 'Sound', slug: '', description: 'Records and concerts' });
    expect(renamed).toMatchObject({ name: 'Sound', slug: 'sound', description: 'Records and concerts' });
    expect(expired()).toEqual([`article:${first}`, `article:${second}`, 'list:home', 'section:music', 'section:sound', 'sections'].sort());
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'section.update'));
    expect(entry?.detail).toMatchObject({ name: { from: 'Music', to: 'Sound' }, slug: { from: 'music', to: 'sound' } });
  });

  it('keeps the slug it is given, and a new description touches no story', async () => {
    const music = await createSection({ name: 'Music' });
    await story({ sectionId: music.id });
    vi.mocked(updateTag).mockClear();
    const described = await updateSection({ id: music.id, name: 'Music', slug: 'music', description: 'Records' });
    expect(described.slug).toBe('music');
    expect(expired()).toEqual(['list:home', 'section:music', 'sections']);

    vi.mocked(updateTag).mockClear();
    await updateSection({ id: music.id, name: 'Music', slug: 'music', description: 'Records' });
    expect(expired(), 'an unchanged section expires nothing').toEqual([]);
    expect(await auditActions()).toEqual(['section.create', 'section.update']);
  });

  it('refuses to rename onto another section’s name or slug', async () => {
    const music = await createSection({ name: 'Music' });
    await createSection({ name: 'Screen' });
    await expect(updateSection({ id: music.id, name: 'screen' })).rejects.toMatchObject({ code: 'name_taken' });
    await expect(updateSection({ id: music.id, name: 'Music', slug: 'screen' })).rejects.toMatchObject({ code: 'slug_taken' });
    await expect(updateSection({ id: 9999, name: 'Gone' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('moves a section up and down, renumbering positions, and refuses to move past either end', async () => {
    const [a, b, c] = [await createSection({ name: 'A' }), await createSection({ name: 'B' }), await createSection({ name: 'C' })];
    // Positions left equal by hand: the order falls back to the name, and the move still works.
    await db().update(sections).set({ position: 0 });
    vi.mocked(updateTag).mockClear();

    await moveSection({ id: c.id, direction: 'up' });
    expect((await listSections()).map((section) => [section.name, section.position])).toEqual([['A', 1], ['C', 2], ['B', 3]]);
    expect(expired()).toEqual(['list:home', 'sections']);

    await moveSection({ id: a.id, direction: 'down' });
    expect((await listSections()).map((section) => section.name)).toEqual(['C', 'A', 'B']);

    await expect(moveSection({ id: c.id, direction: 'up' })).rejects.toThrow('“C” is already first.');
    await expect(moveSection({ id: b.id, direction: 'down' })).rejects.toThrow('“B” is already last.');
    expect(await auditActions()).toEqual(['section.create', 'section.create', 'section.create', 'section.update', 'section.update']);
  });

  it('deletes an empty section, but not one a story is filed under (whatever its status)', async () => {
    const music = await createSection({ name: 'Music' });
    const empty = await createSection({ name: 'Empty' });
    await story({ sectionId: music.id, status: 'draft' });
    await story({ sectionId: music.id });
    vi.mocked(updateTag).mockClear();

    const refusal = deleteSection({ id: music.id });
    await expect(refusal).rejects.toBeInstanceOf(UserError);
    await expect(refusal).rejects.toThrow('“Music” can’t be deleted: 2 stories are filed under it. Move them to another section first.');
    expect(expired()).toEqual([]);

    await deleteSection({ id: empty.id });
    expect(expired()).toEqual(['list:home', 'section:empty', 'sections']);
    expect((await listSections()).map((section) => [section.name, section.storyCount])).toEqual([['Music', 2]]);
    expect((await auditActions()).at(-1)).toBe('section.delete');
  });
});

describe('tags', () => {
  it('creates a tag, expiring only its own address, and refuses a second tag of the same name', async () => {
    const jazz = await createTag({ name: 'Jazz' });
    expect(jazz).toMatchObject({ name: 'Jazz', slug: 'jazz' });
    expect(expired()).toEqual(['tag:jazz']);
    await expect(createTag({ name: 'jazz' })).rejects.toThrow('There is already a tag called “Jazz”.');
    expect((await createTag({ name: 'Jazz!' })).slug).toBe('jazz-2');
    expect(await auditActions()).toEqual(['tag.create', 'tag.create']);
  });

  it('lists tags by name with their story counts, searched and paged', async () => {
    const [jazz, folk] = [await createTag({ name: 'jazz' }), await createTag({ name: 'Folk' })];
    await story({ tagIds: [jazz.id, folk.id] });
    await story({ tagIds: [jazz.id], status: 'draft' });
    const all = await listTags();
    expect(all.items.map((tag) => [tag.name, tag.storyCount])).toEqual([['Folk', 1], ['jazz', 2]]);
    expect(all).toMatchObject({ total: 2, page: 1, pageCount: 1 });
    expect((await listTags({ q: 'JA' })).items.map((tag) => tag.slug)).toEqual(['jazz']);
    expect((await listTags({ q: '%' })).items).toEqual([]);
  });

  it('renames a tag: both addresses, the sitemap and every story carrying it are expired', async () => {
    const jazz = await createTag({ name: 'Jazz' });
    const [one, two] = [await story({ tagIds: [jazz.id] }), await story({ tagIds: [jazz.id] })];
    vi.mocked(updateTag).mockClear();
    const renamed = await renameTag({ id: jazz.id, name: 'Free jazz' });
    expect(renamed.slug).toBe('free-jazz');
    expect(expired()).toEqual([`article:${one}`, `article:${two}`, 'sitemap', 'tag:free-jazz', 'tag:jazz'].sort());

    vi.mocked(updateTag).mockClear();
    await renameTag({ id: jazz.id, name: 'Free Jazz', slug: 'free-jazz' });
    expect(expired(), 'a new name on the same address').toEqual([`article:${one}`, `article:${two}`, 'tag:free-jazz'].sort());
  });

  it('deletes an unused tag, and refuses one that stories carry', async () => {
    const [jazz, unused] = [await createTag({ name: 'Jazz' }), await createTag({ name: 'Unused' })];
    await story({ tagIds: [jazz.id], status: 'draft' });
    vi.mocked(updateTag).mockClear();
    await expect(deleteTag({ id: jazz.id })).rejects.toThrow('“Jazz” can’t be deleted: 1 story carries it.');
    await deleteTag({ id: unused.id });
    expect(expired()).toEqual(['tag:unused']);
    expect((await listTags()).items.map((tag) => tag.name)).toEqual(['Jazz']);
  });

  it('merges one tag into another: stories move over once, the first tag is gone', async () => {
    const [jazz, bebop] = [await createTag({ name: 'Jazz' }), await createTag({ name: 'Bebop' })];
    const both = await story({ tagIds: [jazz.id, bebop.id] });
    const onlyBebop = await story({ tagIds: [bebop.id] });
    vi.mocked(updateTag).mockClear();

    const merged = await mergeTag({ id: bebop.id, into: 'JAZZ' });
    expect(merged).toMatchObject({ into: { id: jazz.id }, stories: 2 });
    const rows = await db().select().from(articleTags).orderBy(asc(articleTags.articleId));
    expect(rows).toEqual([{ articleId: both, tagId: jazz.id }, { articleId: onlyBebop, tagId: jazz.id }]);
    expect((await listTags()).items.map((tag) => [tag.name, tag.storyCount])).toEqual([['Jazz', 2]]);
    expect(expired()).toEqual([`article:${both}`, `article:${onlyBebop}`, 'sitemap', 'tag:bebop', 'tag:jazz'].sort());
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, 'tag.merge'));
    expect(entry).toMatchObject({ targetId: jazz.id, detail: { from: { name: 'Bebop', slug: 'bebop' }, stories: 2 } });

    await expect(mergeTag({ id: jazz.id, into: 'jazz' })).rejects.toThrow('A tag can’t be merged into itself.');
    await expect(mergeTag({ id: jazz.id, into: 'Nope' })).rejects.toThrow('There is no tag called “Nope”.');
    expect(await db().select().from(tagTable)).toHaveLength(1);
  });
});
