import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articles, auditLog, users } from '@/db/schema';
import { freshDatabasePerTest } from '@/test/database';
import { AUDIT_PAGE_SIZE, auditFilterOptions, listAuditEntries, recordAudit } from './audit';
import { createSection, deleteSection, updateSection } from './taxonomy';
import { changeRole, createUser } from './users';

const database = freshDatabasePerTest();
const db = () => database().db;

async function person(name: string, role: 'admin' | 'editor' | 'author' = 'admin') {
  return createUser({ name, email: `${name.toLowerCase()}@example.com`, role, password: 'correct horse battery' });
}

describe('recordAudit', () => {
  it('is saved with the change it describes, or not at all', async () => {
    const admin = await person('Ada');
    await db().transaction(async (tx) => {
      await recordAudit(tx, { actorId: admin.id, action: 'settings.update', targetType: 'settings', targetId: null, detail: { key: 'site_name' } });
    });
    await expect(
      db().transaction(async (tx) => {
        await recordAudit(tx, { actorId: admin.id, action: 'settings.update', targetType: 'settings', targetId: null });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const rows = await db().select().from(auditLog);
    expect(rows.map((row) => [row.action, row.detail])).toEqual([
      ['user.create', { role: 'admin' }],
      ['settings.update', { key: 'site_name' }],
    ]);
  });
});

describe('listAuditEntries', () => {
  it('lists newest first with the actor’s name and each target named and linked where the dashboard shows it', async () => {
    const admin = await person('Ada');
    const author = await person('Bo', 'author');
    const actor = { id: admin.id, via: 'dashboard' as const };
    await changeRole({ user: { id: author.id }, role: 'editor' }, { actor });
    const [story] = await db().insert(articles).values({ slug: 'a-story', title: 'A story', bodyJson: { type: 'doc' } }).returning();
    await recordAudit(db(), { actorId: admin.id, action: 'article.publish', targetType: 'article', targetId: story!.id });
    const gone = await createSection({ name: 'Gone' }, { actor });
    await deleteSection({ id: gone.id }, { actor });

    const { items, total } = await listAuditEntries();
    expect(total).toBe(6);
    expect(items.map((entry) => entry.action)).toEqual(['section.delete', 'section.create', 'article.publish', 'user.role', 'user.create', 'user.create']);
    expect(items[0]).toMatchObject({ actor: { id: admin.id, name: 'Ada' }, target: { type: 'section', label: 'Gone (deleted)', href: null } });
    expect(items[2]?.target).toEqual({ type: 'article', id: story!.id, label: 'A story', href: `/dashboard/articles/${story!.id}` });
    expect(items[3]).toMatchObject({
      target: { type: 'user', id: author.id, label: 'Bo', href: `/dashboard/users/${author.id}` },
      detail: { from: 'author', to: 'editor', via: 'dashboard' },
    });
    expect(items[5]).toMatchObject({ actor: null, target: { label: 'Ada' } });
  });

  it('names a deleted target by the last name it had', async () => {
    const section = await createSection({ name: 'Old name' });
    await updateSection({ id: section.id, name: 'New name', slug: 'old-name' });
    await recordAudit(db(), { actorId: null, action: 'section.update', targetType: 'section', targetId: section.id, detail: { name: { from: 'New name', to: 'Newest' } } });
    await db().delete(auditLog).where(eq(auditLog.action, 'section.create'));
    await deleteSection({ id: section.id });
    const labels = (await listAuditEntries()).items.map((entry) => entry.target.label);
    expect(labels).toEqual(['New name (deleted)', 'Newest (deleted)', 'New name (deleted)']);
  });

  it('filters by action, by kind of action, and by actor (or nobody: the command line)', async () => {
    const admin = await person('Ada');
    const other = await person('Cy');
    const actor = { id: admin.id, via: 'dashboard' as const };
    await changeRole({ user: { id: other.id }, role: 'editor' }, { actor });
    await createSection({ name: 'Music' }, { actor });

    const actions = async (filter: Parameters<typeof listAuditEntries>[0]) => (await listAuditEntries(filter)).items.map((entry) => entry.action);
    expect(await actions({ action: 'user.role' })).toEqual(['user.role']);
    expect(await actions({ action: 'user.*' })).toEqual(['user.role', 'user.create', 'user.create']);
    expect(await actions({ actor: admin.id })).toEqual(['section.create', 'user.role']);
    expect(await actions({ actor: 'none' })).toEqual(['user.create', 'user.create']);
    expect(await actions({ actor: String(admin.id), action: 'section.*' })).toEqual(['section.create']);
    // Malformed filters from a URL are ignored, not errors.
    expect(await actions({ action: "user'; drop table users", actor: 'abc', page: '-2' })).toHaveLength(4);

    expect(await auditFilterOptions()).toEqual({
      actions: ['section.create', 'user.create', 'user.role'],
      actors: [{ id: admin.id, name: 'Ada' }],
    });
  });

  it('pages through a long log', async () => {
    const [admin] = await db().insert(users).values({ email: 'a@example.com', name: 'A', slug: 'a', passwordHash: 'x', role: 'admin' }).returning();
    await db()
      .insert(auditLog)
      .values(Array.from({ length: AUDIT_PAGE_SIZE + 3 }, (_, i) => ({ actorId: admin!.id, action: 'user.role', targetType: 'user', targetId: admin!.id, at: new Date(Date.UTC(2026, 0, 1, 0, i)) })));
    const first = await listAuditEntries();
    const second = await listAuditEntries({ page: 2 });
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: AUDIT_PAGE_SIZE + 3 });
    expect(first.items).toHaveLength(AUDIT_PAGE_SIZE);
    expect(second.items).toHaveLength(3);
    expect(second.items.at(-1)?.at).toEqual(new Date(Date.UTC(2026, 0, 1, 0, 0)));
    expect(first.items[0]!.at > first.items[1]!.at).toBe(true);
  });
});
