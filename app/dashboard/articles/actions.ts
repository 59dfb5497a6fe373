'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action, type FormState } from '@/lib/action';
import { expireTags } from '@/lib/cache-tags';
import { addEditorialNote, articleInputSchema, deleteArticle, restoreRevision, saveArticle, type Intent } from '@/lib/editorial';
import { statusLabels } from '@/lib/workflow';

// Ids and versions are PostgreSQL integers: a forged one past their range is "not found", not a failed query.
const recordNumber = (message: string) => z.coerce.number({ error: message }).int(message).positive(message).max(2_147_483_647, message);
const storyId = recordNumber('That story could not be found.');

export interface SavedStory {
  id: number;
  version: number;
  status: keyof typeof statusLabels;
  slug: string;
  savedAt: string;
}

const done: Record<Intent, string> = {
  save: 'Saved.',
  autosave: 'Saved.',
  submit: 'Submitted for review.',
  publish: 'Published.',
  schedule: 'Scheduled.',
  unpublish: 'Unpublished: it is a draft again.',
  archive: 'Archived.',
  restore: 'Restored to a draft.',
};

/** Save, autosave or move a story through the workflow; a new story's first save opens its own page. */
export const saveStory = action({ role: 'contributor', input: articleInputSchema }, async ({ user, input }): Promise<FormState<SavedStory>> => {
  const result = await saveArticle(user, input);
  await expireTags(result.touched);
  if (!input.id) redirect(`/dashboard/articles/${result.id}`);
  return {
    status: 'ok',
    message: done[input.intent],
    data: { id: result.id, version: result.version, status: result.status, slug: result.slug, savedAt: new Date().toISOString() },
  };
});

export const restoreStoryRevision = action(
  { role: 'contributor', input: z.object({ id: storyId, version: recordNumber('Reload the story and try again.'), revision: recordNumber('That revision could not be found.') }) },
  async ({ user, input }): Promise<FormState<SavedStory>> => {
    const result = await restoreRevision(user, input);
    await expireTags(result.touched);
    redirect(`/dashboard/articles/${input.id}?restored=${input.revision}`);
  },
);

export const deleteStory = action({ role: 'contributor', input: z.object({ id: storyId }) }, async ({ user, input }) => {
  await expireTags(await deleteArticle(user, input.id));
  redirect('/dashboard/articles?deleted=1');
});

export const addNote = action(
  { role: 'contributor', input: z.object({ articleId: storyId, body: z.string().max(10_000) }) },
  async ({ user, input }) => {
    await addEditorialNote(user, input);
    return { status: 'ok', message: 'Note added.' };
  },
);
