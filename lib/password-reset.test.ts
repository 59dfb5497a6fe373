import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, passwordResets, users } from '@/db/schema';
import { freshDatabasePerTest } from '@/test/database';
import { signUp } from './accounts';
import { UserError } from './errors';
import type { Mail } from './mail';
import { verifyPassword } from './passwords';
import { checkResetToken, completePasswordReset, passwordResetLimits, requestPasswordReset, RESET_TTL_MS } from './password-reset';
import { resetLimits } from './rate-limit';
import { resetPassword } from './users';

process.env.SITE_URL = 'https://magazine.example';

const database = freshDatabasePerTest();
beforeEach(() => resetLimits());

let address = 0;
const nextAddress = () => `10.7.${Math.floor(++address / 250)}.${address % 250}`;

const OLD = 'the old password';

async function reader(email = 'ada@example.com') {
  return signUp({ name: 'Ada Reader', email, password: OLD }, nextAddress());
}

/** Asks for a link and returns the token from the message that was sent. */
async function requestLink(email: string, options: { now?: Date; ip?: string } = {}) {
  const sent: Mail[] = [];
  await requestPasswordReset({ email }, options.ip ?? nextAddress(), { now: options.now, deliver: (mail) => sent.push(mail) });
  expect(sent).toHaveLength(1);
  const match = sent[0]!.text.match(/https:\/\/magazine\.example\/reset-password\/([A-Za-z0-9_-]+)/);
  expect(match).not.toBeNull();
  return { token: match![1]!, mail: sent[0]! };
}

async function row(id: number) {
  const [found] = await database().db.select().from(users).where(eq(users.id, id));
  return found!;
}

describe('password reset', () => {
  it('mails a one-hour link to the account, storing only a hash of its 32-byte token', async () => {
    const ada = await reader();
    const now = new Date('2026-11-01T10:00:00Z');
    const { token, mail } = await requestLink('ADA@example.com ', { now });
    expect(mail.to).toBe('ada@example.com');
    expect(mail.subject).toMatch(/new password/i);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);

    const stored = await database().db.select().from(passwordResets);
    expect(stored).toEqual([{ tokenHash: createHash('sha256').update(token).digest('hex'), userId: ada.id, expiresAt: new Date(now.getTime() + RESET_TTL_MS), usedAt: null }]);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await checkResetToken(token, { now })).toEqual({ ok: true, userId: ada.id });
  });

  it('answers an unknown email the same way and sends nothing, stores nothing', async () => {
    await reader();
    const deliver = vi.fn();
    await expect(requestPasswordReset({ email: 'nobody@example.com' }, nextAddress(), { deliver })).resolves.toBeUndefined();
    await expect(requestPasswordReset({ email: 'ada@example.com' }, nextAddress(), { deliver })).resolves.toBeUndefined();
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(deliver.mock.calls[0]![0].to).toBe('ada@example.com');
    expect(await database().db.select().from(passwordResets)).toHaveLength(1);
  });

  it('refuses a malformed email with a message for the field', async () => {
    const deliver = vi.fn();
    await expect(requestPasswordReset({ email: 'not an email' }, nextAddress(), { deliver })).rejects.toMatchObject({ fieldErrors: { email: expect.any(String) } });
    expect(deliver).not.toHaveBeenCalled();
  });

  it('sets the new password once: the token is used up, sessions end, the old password stops working', async () => {
    const ada = await reader();
    const { token } = await requestLink('ada@example.com');
    await completePasswordReset({ token, password: 'a brand new secret' });

    const after = await row(ada.id);
    expect(await verifyPassword(after.passwordHash, 'a brand new secret')).toBe(true);
    expect(await verifyPassword(after.passwordHash, OLD)).toBe(false);
    expect(after.tokenVersion).toBe(ada.tokenVersion + 1);
    const [stored] = await database().db.select().from(passwordResets);
    expect(stored!.usedAt).toBeInstanceOf(Date);
    const [audit] = await database().db.select().from(auditLog).where(eq(auditLog.action, 'user.password'));
    expect(audit).toMatchObject({ actorId: ada.id, targetId: ada.id });

    await expect(completePasswordReset({ token, password: 'yet another secret' })).rejects.toThrow('already been used');
    expect(await checkResetToken(token)).toEqual({ ok: false, problem: 'used' });
    expect(await verifyPassword((await row(ada.id)).passwordHash, 'a brand new secret')).toBe(true);
  });

  it('refuses an expired link and changes nothing', async () => {
    const ada = await reader();
    const sent = new Date('2026-11-01T10:00:00Z');
    const { token } = await requestLink('ada@example.com', { now: sent });
    const late = new Date(sent.getTime() + RESET_TTL_MS);
    expect(await checkResetToken(token, { now: new Date(late.getTime() - 1000) })).toMatchObject({ ok: true });
    await expect(completePasswordReset({ token, password: 'a brand new secret' }, { now: late })).rejects.toThrow('expired');
    const after = await row(ada.id);
    expect(await verifyPassword(after.passwordHash, OLD)).toBe(true);
    expect(after.tokenVersion).toBe(ada.tokenVersion);
  });

  it('refuses forged and malformed tokens', async () => {
    await reader();
    await requestLink('ada@example.com');
    for (const token of ['A'.repeat(43), 'short', '', undefined, 'x'.repeat(43) + '=', '../../etc/passwd']) {
      await expect(completePasswordReset({ token, password: 'a brand new secret' })).rejects.toThrow('not valid');
    }
  });

  it('invalidates older unused links when a new one is sent, and when a password is set any other way', async () => {
    await reader();
    const first = await requestLink('ada@example.com');
    const second = await requestLink('ada@example.com');
    expect(await checkResetToken(first.token)).toEqual({ ok: false, problem: 'invalid' });
    await expect(completePasswordReset({ token: first.token, password: 'a brand new secret' })).rejects.toThrow('not valid');
    expect(await checkResetToken(second.token)).toMatchObject({ ok: true });

    // An admin (or the CLI) resets the password: the link sent before stops working too.
    await resetPassword({ user: { email: 'ada@example.com' }, password: 'set by an admin' });
    expect(await checkResetToken(second.token)).toEqual({ ok: false, problem: 'invalid' });
  });

  it('enforces the password rules, keeping the link usable after a refusal', async () => {
    const ada = await reader();
    const { token } = await requestLink('ada@example.com');
    for (const password of ['short', 'x'.repeat(129), 'Password123', 'iloveyou1', undefined]) {
      const refusal = await completePasswordReset({ token, password }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(UserError);
      expect((refusal as UserError).fieldErrors?.password).toBeTruthy();
    }
    expect(await verifyPassword((await row(ada.id)).passwordHash, OLD)).toBe(true);
    expect(await checkResetToken(token)).toMatchObject({ ok: true });
    await completePasswordReset({ token, password: 'x'.repeat(128) });
    expect(await verifyPassword((await row(ada.id)).passwordHash, 'x'.repeat(128))).toBe(true);
  });

  it('sends nothing to a banned account', async () => {
    const ada = await reader();
    await database().db.update(users).set({ status: 'banned' }).where(eq(users.id, ada.id));
    const deliver = vi.fn();
    await requestPasswordReset({ email: 'ada@example.com' }, nextAddress(), { deliver });
    expect(deliver).not.toHaveBeenCalled();
  });

  it('limits requests per email (known or not, with the same answer) and per address', async () => {
    await reader();
    const deliver = vi.fn();
    for (const email of ['ada@example.com', 'nobody@example.com']) {
      for (let i = 0; i < passwordResetLimits.email.points; i++) await requestPasswordReset({ email }, nextAddress(), { deliver });
      await expect(requestPasswordReset({ email }, nextAddress(), { deliver })).rejects.toThrow('Several reset links were sent for that address');
    }
    expect(deliver).toHaveBeenCalledTimes(passwordResetLimits.email.points);

    const ip = nextAddress();
    for (let i = 0; i < passwordResetLimits.address.points; i++) await requestPasswordReset({ email: `someone${i}@example.com` }, ip, { deliver });
    await expect(requestPasswordReset({ email: 'fresh@example.com' }, ip, { deliver })).rejects.toThrow('Too many reset links');
  });
});
