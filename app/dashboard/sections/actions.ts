'use server';

import { refresh } from 'next/cache';
import { action } from '@/lib/action';
import {
  createSection,
  createTag,
  deleteSection,
  deleteTag,
  mergeTag,
  moveSection,
  renameTag,
  sectionDeleteSchema,
  sectionInputSchema,
  sectionMoveSchema,
  sectionUpdateSchema,
  tagDeleteSchema,
  tagInputSchema,
  tagMergeSchema,
  tagUpdateSchema,
  updateSection,
} from '@/lib/taxonomy';

// lib/taxonomy expires the public pages each change shows on; refresh() redraws this dashboard page.
const by = (user: { id: number }) => ({ actor: { id: user.id, via: 'dashboard' as const } });

export const addSection = action({ role: 'editor', input: sectionInputSchema }, async ({ user, input }) => {
  const section = await createSection(input, by(user));
  refresh();
  return { status: 'ok', message: `Section “${section.name}” created at /sections/${section.slug}.` };
});

export const saveSection = action({ role: 'editor', input: sectionUpdateSchema }, async ({ user, input }) => {
  const section = await updateSection(input, by(user));
  refresh();
  return { status: 'ok', message: `Saved “${section.name}”.` };
});

export const reorderSection = action({ role: 'editor', input: sectionMoveSchema }, async ({ user, input }) => {
  await moveSection(input, by(user));
  refresh();
});

export const removeSection = action({ role: 'editor', input: sectionDeleteSchema }, async ({ user, input }) => {
  const section = await deleteSection(input, by(user));
  refresh();
  return { status: 'ok', message: `Section “${section.name}” deleted.` };
});

export const addTag = action({ role: 'editor', input: tagInputSchema }, async ({ user, input }) => {
  const tag = await createTag(input, by(user));
  refresh();
  return { status: 'ok', message: `Tag “${tag.name}” created.` };
});

export const saveTag = action({ role: 'editor', input: tagUpdateSchema }, async ({ user, input }) => {
  const tag = await renameTag(input, by(user));
  refresh();
  return { status: 'ok', message: `Saved “${tag.name}”.` };
});

export const combineTag = action({ role: 'editor', input: tagMergeSchema }, async ({ user, input }) => {
  const { into, stories } = await mergeTag(input, by(user));
  refresh();
  return { status: 'ok', message: `Merged into “${into.name}” (${stories} ${stories === 1 ? 'story' : 'stories'} moved).` };
});

export const removeTag = action({ role: 'editor', input: tagDeleteSchema }, async ({ user, input }) => {
  const tag = await deleteTag(input, by(user));
  refresh();
  return { status: 'ok', message: `Tag “${tag.name}” deleted.` };
});
