'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action } from '@/lib/action';
import { expireTags } from '@/lib/cache-tags';
import * as library from '@/lib/media';

const altRequired = 'Describe the image in the alt text: readers who cannot see it rely on it.';
const alt = z.string({ message: altRequired }).trim().min(1, altRequired).max(500, 'Alt text can be at most 500 characters.');
const credit = z.string().trim().max(200, 'The credit can be at most 200 characters.').optional();
const mediaId = z.coerce.number({ message: 'That image is no longer in the library.' }).int().positive('That image is no longer in the library.').max(2_147_483_647, 'That image is no longer in the library.');

export interface UploadedMedia {
  id: number;
  path: string;
  alt: string;
  width: number;
  height: number;
}

/** Adds an image to the library; the form (or the article editor) gets the new item back in `data`. */
export const uploadMedia = action(
  {
    role: 'contributor',
    input: z.object({ image: z.instanceof(File, { message: 'Choose an image to upload.' }), alt, credit, from: z.string().optional() }),
  },
  async ({ user, input }) => {
    const { id, path, width, height, alt: saved } = await library.addMedia(user, { file: input.image, alt: input.alt, credit: input.credit });
    // The library page lists the new image at once; a picker elsewhere (the article editor) adds it
    // itself from `data`, and re-rendering the page it lives on would gain it nothing.
    if (input.from === 'library') refresh();
    return { status: 'ok' as const, message: `Uploaded “${saved}”.`, data: { id, path, alt: saved, width, height } satisfies UploadedMedia };
  },
);

export const updateMediaDetails = action({ role: 'contributor', input: z.object({ id: mediaId, alt, credit }) }, async ({ user, input }) => {
  const { tags } = await library.updateMediaDetails(user, input);
  await expireTags(tags);
  refresh();
  return { status: 'ok', message: 'Saved.' };
});

export const deleteMedia = action(
  { role: 'contributor', input: z.object({ id: mediaId, back: z.string().optional() }) },
  async ({ user, input }) => {
    await library.deleteMedia(user, input.id);
    // From an image's own page there is nothing left to show: back to the library.
    if (input.back === 'library') redirect('/dashboard/media?deleted=1');
    refresh();
    return { status: 'ok', message: 'Deleted.' };
  },
);

/** One page of the library for a picker in a client component (the article editor). */
export const browseMedia = action(
  { role: 'contributor', input: z.object({ page: z.coerce.number().int().positive().max(100_000).default(1), query: z.string().max(100).default('') }) },
  async ({ input }) => ({ status: 'ok' as const, data: await library.listMedia(input) }),
);
