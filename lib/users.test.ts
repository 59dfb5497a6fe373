import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '@/db/schema';
import { freshDatabasePerTest } from '@/test/database';
import { verifyPassword } from './passwords';
import { UserError } from './errors';
import { banUser, changeRole, createUser, unbanUser } from './users';

const database = freshDatabasePerTest();

const pat = { email: 'Pat.Doe@Example.com', name: 'Pat Doe', role: 'author' as const, password: 'correct horse battery' };
const cli = { actor: { id: null, via: 'cli' as const } };

async function stored(email: string) {
  const [row] = await database().db.select().from(users).where(eq(users.email, email));
  return row;
}

async function userCount() {
  return (await database().db.select({ id: users.id }).from(users)).length;
}

describe('createUser', () => {
  it('stores an argon2id hash that verifies the password, and a slug from the name', async () => {
    const user = await createUser(pat, cli);
    expect(user).toMatchObject({ email: 'pat.doe@example.com', name: 'Pat Doe', slug: 'pat-doe', role: 'author', status: 'active' });
    const row = await stored('pat.doe@example.com');
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain(pat.password);
    expect(await verifyPassword(row!.passwordHash, pat.password)).toBe(true);
    expect(await verifyPassword(row!.passwordHash, 'wrong password')).toBe(false);
    const [entry] = await database().db.select().from(auditLog);
    expect(entry).toMatchObject({ action: 'user.create', targetType: 'user', targetId: user.id, actorId: null });
  });

  it('refuses an email address that differs only in case, and numbers a repeated name', async () => {
    await createUser(pat);
    await expect(createUser({ ...pat, email: 'PAT.DOE@example.COM' })).rejects.toThrow(/already exists/);
    await expect(createUser({ ...pat, email: 'PAT.DOE@example.COM' })).rejects.toMatchObject({ code: 'email_taken' });
    const namesake = await createUser({ ...pat, email: 'other@example.com' });
    expect(namesake.slug).toBe('pat-doe-2');
    expect(await userCount()).toBe(2);
  });

  it.each([
    ['an unknown role', { role: 'owner' }, /role must be one of/],
    ['a malformed email', { email: 'pat-at-example.com' }, /not a valid email/],
    ['a short password', { password: 'short' }, /at least 8 characters/],
    ['a long password', { password: 'x'.repeat(129) }, /at most 128 characters/],
    ['an empty name', { name: '   ' }, /name is required/],
  ])('refuses %s and writes nothing', async (_, change, message) => {
    const attempt = createUser({ ...pat, ...change } as typeof pat);
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(attempt).rejects.toThrow(message);
    expect(await userCount()).toBe(0);
  });
});

describe('changeRole', () => {
  it('changes the role and bumps token_version, which ends the sessions', async () => {
    const user = await createUser(pat);
    const { user: changed, previousRole } = await changeRole({ user: { email: 'PAT.doe@example.com' }, role: 'editor' }, cli);
    expect(previousRole).toBe('author');
    expect(changed).toMatchObject({ id: user.id, role: 'editor', tokenVersion: user.tokenVersion + 1 });
    expect((await stored(user.email))?.role).toBe('editor');
    const [, entry] = await database().db.select().from(auditLog).orderBy(auditLog.id);
    expect(entry).toMatchObject({ action: 'user.role', detail: { from: 'author', to: 'editor', via: 'cli' } });
  });

  it('names the missing user and refuses an unknown role', async () => {
    await expect(changeRole({ user: { email: 'nobody@example.com' }, role: 'editor' })).rejects.toMatchObject({ code: 'not_found' });
    const user = await createUser(pat);
    await expect(changeRole({ user: { id: user.id }, role: 'owner' as 'admin' })).rejects.toThrow(/role must be one of/);
    expect((await stored(user.email))?.tokenVersion).toBe(0);
  });
});

describe('banUser', () => {
  it('suspends for a number of days, then bans for good, signing out each time', async () => {
    const user = await createUser(pat);
    const now = new Date('2026-05-01T12:00:00Z');
    const suspended = await banUser({ user: { email: pat.email }, days: 7 }, { now });
    expect(suspended).toMatchObject({ status: 'suspended', suspendedUntil: new Date('2026-05-08T12:00:00Z'), tokenVersion: 1 });

    const banned = await banUser({ user: { id: user.id } });
    expect(banned).toMatchObject({ status: 'banned', suspendedUntil: null, tokenVersion: 2 });
    expect(await stored(user.email)).toMatchObject({ status: 'banned', suspendedUntil: null });

    const lifted = await unbanUser({ user: { email: pat.email } });
    expect(lifted).toMatchObject({ status: 'active', suspendedUntil: null, tokenVersion: 2 });
  });

  it('refuses a suspension of zero or fractional days', async () => {
    await createUser(pat);
    await expect(banUser({ user: { email: pat.email }, days: 0 })).rejects.toThrow(/at least one day/);
    await expect(banUser({ user: { email: pat.email }, days: 1.5 })).rejects.toThrow(/whole number of days/);
    expect((await stored('pat.doe@example.com'))?.status).toBe('active');
  });
});
