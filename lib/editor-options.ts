import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sections, tags } from '@/db/schema';
import { listEditorialNotes, listStaff, type EditableArticle } from './editorial';
import { getMedia, listMedia } from './media';
import type { Actor } from './permissions';

// The editor's and the story list's choice lists. Not cached: the dashboard renders per request, and
// these are short lists read from indexes.

/** Sections by id, in the site's order: the editor's Section select and the list's filter. */
export async function listSectionOptions({ db = getDb() } = {}) {
  return db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.name));
}

/** Existing tag names, suggested while typing tags. */
export async function listTagNames({ db = getDb() } = {}): Promise<string[]> {
  return (await db.select({ name: tags.name }).from(tags).orderBy(asc(tags.name)).limit(2000)).map((tag) => tag.name);
}

/** Everything the editor offers to choose from. */
export async function listEditorOptions({ db = getDb() } = {}) {
  const [sectionList, staff, tagNames] = await Promise.all([listSectionOptions({ db }), listStaff({ db }), listTagNames({ db })]);
  return { sections: sectionList, staff, tags: tagNames };
}

/** The editor's supporting data for one story (or a new one): choices, the library's newest images, the hero, the notes. */
export async function loadEditorContext(actor: Actor, story: EditableArticle | null) {
  const [options, media, hero, notes] = await Promise.all([
    listEditorOptions(),
    listMedia({ page: 1 }),
    story?.heroMediaId ? getMedia(story.heroMediaId) : null,
    story ? listEditorialNotes(actor, story.id) : [],
  ]);
  return { ...options, media, hero, notes };
}

export type EditorContext = Awaited<ReturnType<typeof loadEditorContext>>;
