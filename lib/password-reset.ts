import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database, type Transaction } from '@/db/client';
import { passwordResets, users } from '@/db/schema';
import { ownPassword } from './accounts';
import { env, siteUrl } from './env';
import { UserError } from './errors';
import { sendMail, type Mail } from './mail';
import { take, type Limit } from './rate-limit';
import { emailSchema, resetPassword } from './users';

// "Forgot your password?": a one-time link by mail. Only a hash of the token is stored, so a copy of
// the database (a backup, a leak) cannot be used to take over accounts.

export const RESET_TTL_MS = 60 * 60 * 1000;

export const passwordResetLimits = {
  /** Requests per address: stops one place from mailing many people. */
  address: { name: 'reset-ip', points: 10, seconds: 60 * 60 },
  /** Requests per email address, whether an account has it or not: stops flooding one inbox. */
  email: { name: 'reset-email', points: 3, seconds: 60 * 60 },
} satisfies Record<string, Limit>;

/** The one answer to every accepted request, so the form never tells whether an account exists. */
export const RESET_REQUESTED =
  'If an account uses that email address, we have sent it a link to set a new password. The link works for one hour.';

export type TokenProblem = 'invalid' | 'expired' | 'used';

export const tokenProblemMessages: Record<TokenProblem, string> = {
  invalid: 'That reset link is not valid. It may have been replaced by a newer one: ask for a new link.',
  expired: 'That reset link has expired: links work for one hour. Ask for a new one.',
  used: 'That reset link has already been used. If you need to, ask for a new one.',
};

// 32 random bytes in base64url: exactly 43 characters.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function resetLink(token: string): string {
  return `${siteUrl()}/reset-password/${token}`;
}

interface ResetOptions {
  db?: Database;
  now?: Date;
  /** How the message leaves; the action defers it until after the answer (see app/(auth)/actions.ts). */
  deliver?: (mail: Mail) => unknown;
}

const requestSchema = z.object({ email: emailSchema });

/**
 * Mails a reset link to the account with that email, if there is one (and it is not banned): a new
 * token valid for one hour, replacing any unused one sent before. Unknown addresses get the same
 * answer and nothing is sent. Too many requests from one address, or for one email, are refused.
 */
export async function requestPasswordReset(input: unknown, address: string, { db = getDb(), now = new Date(), deliver = sendMail }: ResetOptions = {}): Promise<void> {
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'That is not a valid email address.';
    throw new UserError(message, 'invalid', { email: message });
  }
  const { email } = parsed.data;
  if (!(await take(passwordResetLimits.address, address))) {
    throw new UserError('Too many reset links were asked for from your network. Please try again in an hour.', 'throttled');
  }
  if (!(await take(passwordResetLimits.email, email))) {
    throw new UserError('Several reset links were sent for that address in the last hour. Please use the newest one, or try again later.', 'throttled');
  }
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, status: users.status })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  if (!user || user.status === 'banned') return;

  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    // Older links stop working: only the newest one sent can be used. Expired rows are tidied away too.
    await tx.delete(passwordResets).where(and(eq(passwordResets.userId, user.id), or(isNull(passwordResets.usedAt), lt(passwordResets.expiresAt, now))));
    await tx.insert(passwordResets).values({ tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(now.getTime() + RESET_TTL_MS) });
  });
  const site = env().SITE_NAME;
  await deliver({
    to: user.email,
    subject: `Set a new password for ${site}`,
    text: [
      `Hello ${user.name},`,
      '',
      `Someone (we hope you) asked to set a new password for your ${site} account. Open this link to choose one:`,
      '',
      resetLink(token),
      '',
      'The link works once, for one hour. If you did not ask for it, ignore this message: your password stays as it is.',
    ].join('\n'),
  });
}

type TokenCheck = { ok: true; userId: number } | { ok: false; problem: TokenProblem };

async function inspect(db: Database | Transaction, token: unknown, now: Date, lock: boolean): Promise<TokenCheck> {
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return { ok: false, problem: 'invalid' };
  const query = db.select().from(passwordResets).where(eq(passwordResets.tokenHash, hashToken(token)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) return { ok: false, problem: 'invalid' };
  if (row.usedAt) return { ok: false, problem: 'used' };
  if (row.expiresAt <= now) return { ok: false, problem: 'expired' };
  return { ok: true, userId: row.userId };
}

/** Whether a reset link can still be used: the page shows the form, or says why not. */
export async function checkResetToken(token: unknown, { db = getDb(), now = new Date() }: ResetOptions = {}): Promise<TokenCheck> {
  return inspect(db, token, now, false);
}

/**
 * Sets the new password chosen through a reset link: the token is used up, every other unused link and
 * every session of the person end (token_version goes up). A bad password or a bad link changes nothing.
 */
export async function completePasswordReset(input: { token?: unknown; password?: unknown }, { db = getDb(), now = new Date() }: ResetOptions = {}): Promise<{ userId: number }> {
  return db.transaction(async (tx) => {
    const check = await inspect(tx, input.token, now, true);
    if (!check.ok) throw new UserError(tokenProblemMessages[check.problem], `token_${check.problem}`);
    const password = ownPassword.safeParse(input.password);
    if (!password.success) {
      const message = password.error.issues[0]?.message ?? 'Choose another password.';
      throw new UserError(message, 'invalid', { password: message });
    }
    await tx.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.tokenHash, hashToken(input.token as string)));
    await resetPassword({ user: { id: check.userId }, password: password.data }, { db: tx, actor: { id: check.userId, via: 'account' } });
    return { userId: check.userId };
  });
}
