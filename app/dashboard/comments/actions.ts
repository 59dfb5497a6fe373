'use server';

import { refresh } from 'next/cache';
import { z } from 'zod';
import { action } from '@/lib/action';
import { expireTags } from '@/lib/cache-tags';
import { banAuthor, decisionSchema, featureComment, moderate, type ModerationResult } from '@/lib/moderation';

/** Expires exactly the public tags the decision changed, and re-renders the queue the moderator is on. */
async function settle(result: ModerationResult) {
  await expireTags(result.touched);
  refresh();
}

const verbs = { approve: 'Approved', remove: 'Removed', spam: 'Marked as spam' } as const;
const plural = (n: number) => `${n} ${n === 1 ? 'comment' : 'comments'}`;

/** Approve, Remove and Mark as spam on one comment, and "Approve selected" on several: `{ decision, ids }`. */
export const moderateComments = action({ role: 'editor', input: decisionSchema }, async ({ user, input }) => {
  const result = await moderate(user, input);
  await settle(result);
  const verb = verbs[input.decision];
  if (result.changed === 0) return { status: 'ok', message: input.ids.length > 1 ? `Nothing to change: those comments were already ${verb.toLowerCase()}.` : `Nothing to change: it was already ${verb.toLowerCase()}.` };
  return { status: 'ok', message: input.ids.length > 1 ? `${verb} ${plural(result.changed)}.` : `${verb}.` };
});

const commentId = z.coerce.number({ error: 'That comment could not be found.' }).int().positive('That comment could not be found.').max(2_147_483_647, 'That comment could not be found.');

export const featureCommentAction = action(
  { role: 'editor', input: z.object({ commentId, featured: z.enum(['true', 'false'], { error: 'Choose to feature or unfeature.' }) }) },
  async ({ user, input }) => {
    const featured = input.featured === 'true';
    await settle(await featureComment(user, input.commentId, featured));
    return { status: 'ok', message: featured ? 'Featured: pinned at the top of its thread.' : 'No longer featured.' };
  },
);

const durations = { '1': 'for 1 day', '7': 'for 7 days', '30': 'for 30 days', permanent: 'permanently' } as const;

/** "Ban author" on a queue item: suspends the comment's author for 1, 7 or 30 days (the Duration select's choices), or bans them for good. */
export const banCommentAuthor = action(
  {
    role: 'editor',
    input: z.object({ commentId, duration: z.enum(['1', '7', '30', 'permanent'], { error: 'Choose how long the ban lasts.' }) }),
  },
  async ({ user, input }) => {
    await settle(await banAuthor(user, input));
    return { status: 'ok', message: `Author banned ${durations[input.duration]} and signed out.` };
  },
);
