import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database } from '@/db/client';
import { articleAuthors, comments, users } from '@/db/schema';
import { tags } from './cache-tags';
import { touchedTags, withdrawCommentsOf } from './comments';
import { isCommonPassword } from './common-passwords';
import { UserError } from './errors';
import { verifyPassword } from './passwords';
import { limits, take } from './rate-limit';
import { createUser, emailSchema, passwordSchema, resetPassword, type UserRecord } from './users';

// What readers do to their own account: sign up, change their name, email or password, leave.

const nameSchema = z.string().trim().min(1, 'Tell us your name.').max(100, 'Names can be at most 100 characters long.');

/** A password a person chooses for themselves: the length rules, and none of the most common ones. */
export const ownPassword = passwordSchema.refine((password) => !isCommonPassword(password), 'That password is one of the most common ones: choose another.');

export const signUpSchema = z.object({ name: nameSchema, email: emailSchema, password: ownPassword });

function firstProblem(error: z.ZodError): UserError {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? 'form');
  return new UserError(issue?.message ?? 'Please check the form.', 'invalid', { [field]: issue?.message ?? '' });
}

/** A new reader account; at most 20 sign-ups an hour from one address. */
export async function signUp(input: unknown, address: string, { db = getDb() } = {}): Promise<UserRecord> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) throw firstProblem(parsed.error);
  if (!(await take(limits.signUpAddress, address))) throw new UserError('Too many accounts were created from your network in the last hour. Please try again later.', 'throttled');
  try {
    return await createUser({ ...parsed.data, role: 'reader' }, { db });
  } catch (error) {
    if (error instanceof UserError && error.code === 'email_taken') {
      throw new UserError('An account with that email already exists. Sign in, or reset your password.', 'email_taken', { email: 'That email already has an account.' });
    }
    throw error;
  }
}

export const profileSchema = z.object({ name: nameSchema, email: emailSchema });

/** Changes one's own name and email; the email stays unique whatever its case. */
export async function updateProfile(userId: number, input: unknown, { db = getDb() } = {}): Promise<string[]> {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) throw firstProblem(parsed.error);
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${parsed.data.email}`, sql`${users.id} <> ${userId}`));
  if (taken) throw new UserError('Another account already uses that email.', 'email_taken', { email: 'Another account already uses that email.' });
  const [before] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  await db.update(users).set(parsed.data).where(eq(users.id, userId));
  return before && before.name !== parsed.data.name ? pagesShowingName(db, userId) : [];
}

/** The cache tags of the public pages that print someone's name: threads they wrote in, and their bylines. */
async function pagesShowingName(db: Database, userId: number): Promise<string[]> {
  const threads = await db.selectDistinct({ id: comments.articleId }).from(comments).where(eq(comments.authorId, userId));
  const bylines = await db.select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.userId, userId));
  const touched = await touchedTags(db, bylines.map((row) => row.id), true);
  return [...threads.map((row) => tags.comments(row.id)), ...touched, ...(bylines.length ? [tags.feed] : [])];
}

export const passwordChangeSchema = z.object({ current: z.string().min(1, 'Type your current password.').max(200), password: ownPassword });

/** A new password for oneself, after proving the current one. Every session ends: sign in again. */
export async function changeOwnPassword(userId: number, input: unknown, { db = getDb() } = {}): Promise<void> {
  const parsed = passwordChangeSchema.safeParse(input);
  if (!parsed.success) throw firstProblem(parsed.error);
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user || !(await verifyPassword(user.passwordHash, parsed.data.current))) {
    throw new UserError('Your current password is not right.', 'invalid', { current: 'Your current password is not right.' });
  }
  await resetPassword({ user: { id: userId }, password: parsed.data.password }, { db, actor: { id: userId, via: 'account' } });
}

/**
 * Deletes one's own account after checking the password. Comments that others replied to stay, as
 * "[deleted]" with their words erased; the rest go with the account. Returns the cache tags to expire.
 */
export async function deleteOwnAccount(userId: number, password: string, { db = getDb() } = {}): Promise<string[]> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    throw new UserError('That password is not right, so nothing was deleted.', 'invalid', { password: 'That password is not right.' });
  }
  return db.transaction(async (tx) => {
    const touched = await withdrawCommentsOf(tx, userId);
    await tx.delete(users).where(eq(users.id, userId));
    return touched;
  });
}
