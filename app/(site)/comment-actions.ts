'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { action } from '@/lib/action';
import { expireTags } from '@/lib/cache-tags';
import { requestAddress } from '@/lib/auth';
import {
  commentHref,
  commentRefSchema,
  deleteComment,
  editComment,
  editCommentSchema,
  newCommentSchema,
  postComment,
  reportComment,
  reportSchema,
  toggleReaction,
} from '@/lib/comments';
import { safeNext } from '@/lib/guards';
import { DEFAULT_SORT, threadSortNames } from '@/lib/thread-links';

// What readers do in a thread. Each form posts here with or without JavaScript; success redirects to the
// comment's anchor (a 303 without JavaScript), so a reload never posts twice. The public pages import this
// module too (components/comment-controls.tsx), so a form posted after the session ended still finds its action.

/** The thread's order the reader was looking at: the redirect lands on the page holding their comment. */
const sort = z.enum(threadSortNames).catch(DEFAULT_SORT);
/** The thread page the form was on, to come back to: only a path on this site. */
const back = z.unknown().transform((value) => safeNext(value, '/').split('#')[0]!);

/**
 * Expires the public pages the change touched, and refreshes the reader's own view: the redirect back to
 * the same story only changes the URL's #anchor, which the router would otherwise answer from its cache
 * (a held comment, a like, a report change nothing public but what this reader sees).
 */
async function expire(tags: string[]) {
  await expireTags(tags);
  refresh();
}

async function goTo(commentId: number, order: z.infer<typeof sort>): Promise<never> {
  redirect((await commentHref(commentId, order)) ?? '/');
}

export const postCommentAction = action({ role: 'reader', input: newCommentSchema.extend({ sort }) }, async ({ user, input }) => {
  const ip = await requestAddress();
  const { comment, touched } = await postComment(user, input, { ip });
  await expire(touched);
  await goTo(comment.id, input.sort);
});

export const editCommentAction = action({ role: 'reader', input: editCommentSchema.extend({ sort }) }, async ({ user, input }) => {
  const { comment, touched } = await editComment(user, input);
  await expire(touched);
  await goTo(comment.id, input.sort);
});

export const deleteCommentAction = action({ role: 'reader', input: commentRefSchema.extend({ back }) }, async ({ user, input }) => {
  const { touched } = await deleteComment(user, input);
  await expire(touched);
  redirect(`${input.back}#comments`);
});

export const reactAction = action({ role: 'reader', input: commentRefSchema.extend({ back }) }, async ({ user, input }) => {
  const { touched } = await toggleReaction(user, input);
  await expire(touched);
  redirect(`${input.back}#comment-${input.commentId}`);
});

export const reportCommentAction = action({ role: 'reader', input: reportSchema }, async ({ user, input }) => {
  await reportComment(user, input);
  refresh();
  return { status: 'ok', message: 'Thank you. A moderator will look at this comment.' };
});
