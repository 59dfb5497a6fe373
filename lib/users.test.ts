import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, passwordResets, users } from '@/db/schema';
import { freshDatabasePerTest } from '@/test/database';
import { verifyPassword } from './passwords';
import { UserError } from './errors';
import { banUser, changeRole, createUser, listUsers, resetPassword, unbanUser, USERS_PAGE_SIZE } from './users';

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

describe('an admin and their own account', () => {
  it('cannot demote, suspend or ban themselves, and nothing changes', async () => {
    const admin = await createUser({ ...pat, role: 'admin' });
    const self = { actor: { id: admin.id, via: 'dashboard' as const } };
    await expect(changeRole({ user: { id: admin.id }, role: 'editor' }, self)).rejects.toThrow('You can’t change your own role. Ask another admin to do it.');
    await expect(banUser({ user: { id: admin.id }, days: 7 }, self)).rejects.toMatchObject({ code: 'self', message: 'You can’t suspend or ban yourself.' });
    await expect(banUser({ user: { email: pat.email } }, self)).rejects.toMatchObject({ code: 'self' });
    expect(await stored(admin.email)).toMatchObject({ role: 'admin', status: 'active', tokenVersion: 0 });
    expect((await database().db.select().from(auditLog)).map((entry) => entry.action)).toEqual(['user.create']);
  });

  it('can still do it to another admin', async () => {
    const admin = await createUser({ ...pat, role: 'admin' });
    const other = await createUser({ ...pat, email: 'other@example.com', role: 'admin' });
    const { user } = await changeRole({ user: { id: other.id }, role: 'editor' }, { actor: { id: admin.id, via: 'dashboard' } });
    expect(user.role).toBe('editor');
  });
});

describe('resetPassword', () => {
  it('sets the typed password, ends every session and spends pending reset links', async () => {
    const user = await createUser(pat);
    await database().db.insert(passwordResets).values({ tokenHash: 'pending', userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
    const result = await resetPassword({ user: { id: user.id }, password: 'a brand new secret' }, cli);
    expect(result).toMatchObject({ password: 'a brand new secret', generated: false, user: { id: user.id, tokenVersion: user.tokenVersion + 1 } });
    const row = await stored(user.email);
    expect(await verifyPassword(row!.passwordHash, 'a brand new secret')).toBe(true);
    expect(await verifyPassword(row!.passwordHash, pat.password)).toBe(false);
    expect(await database().db.select().from(passwordResets)).toEqual([]);
    const [, entry] = await database().db.select().from(auditLog).orderBy(auditLog.id);
    expect(entry).toMatchObject({ action: 'user.password', targetId: user.id, detail: { generated: false, via: 'cli' } });
    expect(JSON.stringify(entry?.detail)).not.toContain('secret');
  });

  it('generates a password when none is given and returns it once', async () => {
    const user = await createUser(pat);
    const { password, generated } = await resetPassword({ user: { email: pat.email } });
    expect(generated).toBe(true);
    expect(password).toMatch(/^[a-z2-9]{4}(?:-[a-z2-9]{4}){3}$/);
    expect(await verifyPassword((await stored(user.email))!.passwordHash, password)).toBe(true);
  });

  it('refuses a short password and an unknown person', async () => {
    const user = await createUser(pat);
    await expect(resetPassword({ user: { id: user.id }, password: 'short' })).rejects.toThrow(/at least 8 characters/);
    await expect(resetPassword({ user: { id: user.id + 100 } })).rejects.toMatchObject({ code: 'not_found' });
    expect((await stored(user.email))?.tokenVersion).toBe(0);
  });
});

describe('listUsers', () => {
  async function people() {
    const now = new Date('2026-05-01T12:00:00Z');
    const ada = await createUser({ ...pat, name: 'Ada Admin', email: 'ada@example.com', role: 'admin' });
    const bo = await createUser({ ...pat, name: 'bo reader', email: 'bo@readers.example', role: 'reader' });
    const cy = await createUser({ ...pat, name: 'Cy 100%', email: 'cy@example.com', role: 'author' });
    const di = await createUser({ ...pat, name: 'Di Done', email: 'di@example.com', role: 'reader' });
    await banUser({ user: { id: bo.id } }, { now });
    await banUser({ user: { id: cy.id }, days: 7 }, { now });
    await banUser({ user: { id: di.id }, days: 1 }, { now: new Date('2026-04-01T12:00:00Z') });
    return { now, ada, bo, cy, di };
  }
  const names = (page: { items: Array<{ name: string }> }) => page.items.map((user) => user.name);

  it('lists everyone by name with where they stand now', async () => {
    const { now } = await people();
    const all = await listUsers({}, { now });
    expect(names(all)).toEqual(['Ada Admin', 'bo reader', 'Cy 100%', 'Di Done']);
    expect(all.items.map((user) => user.standing)).toEqual(['active', 'banned', 'suspended', 'active']);
    expect(all).toMatchObject({ total: 4, page: 1, pageCount: 1 });
  });

  it('filters by role and standing and searches names and emails, wildcards taken literally', async () => {
    const { now } = await people();
    expect(names(await listUsers({ role: 'reader' }, { now }))).toEqual(['bo reader', 'Di Done']);
    expect(names(await listUsers({ status: 'active' }, { now })), 'a suspension that is over counts as active').toEqual(['Ada Admin', 'Di Done']);
    expect(names(await listUsers({ status: 'suspended' }, { now }))).toEqual(['Cy 100%']);
    expect(names(await listUsers({ status: 'banned', role: 'reader' }, { now }))).toEqual(['bo reader']);
    expect(names(await listUsers({ q: 'READERS.example' }, { now }))).toEqual(['bo reader']);
    expect(names(await listUsers({ q: '100%' }, { now }))).toEqual(['Cy 100%']);
    expect(names(await listUsers({ q: '%' }, { now }))).toEqual(['Cy 100%']);
    expect(names(await listUsers({ role: 'owner', status: 'gone', page: 'x' } as never, { now })), 'a bad query string is ignored').toHaveLength(4);
  });

  it('pages', async () => {
    await database()
      .db.insert(users)
      .values(Array.from({ length: USERS_PAGE_SIZE + 2 }, (_, i) => ({ email: `p${i}@example.com`, name: `Person ${String(i).padStart(2, '0')}`, slug: `p${i}`, passwordHash: 'x' })));
    const second = await listUsers({ page: 2 });
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: USERS_PAGE_SIZE + 2 });
    expect(names(second)).toEqual([`Person ${USERS_PAGE_SIZE}`, `Person ${USERS_PAGE_SIZE + 1}`]);
  });
});
