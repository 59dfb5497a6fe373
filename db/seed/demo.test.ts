import { count, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articleAuthors, articles, articleTags, media, sections, tags, users } from '@/db/schema';
import { verifyPassword } from '@/lib/passwords';
import { freshDatabasePerTest } from '@/test/database';
import { demoStaff, isEmpty, seedDemo } from './demo';
import { demoStories } from './stories';

const database = freshDatabasePerTest();

async function counts() {
  const db = database().db;
  const tables = { users, sections, tags, articles, articleAuthors, articleTags, media };
  const entries = await Promise.all(Object.entries(tables).map(async ([name, table]) => [name, (await db.select({ n: count() }).from(table))[0]!.n]));
  return Object.fromEntries(entries) as Record<keyof typeof tables, number>;
}

describe('the demo magazine', () => {
  it('fills an empty database and prints a working login for each staff role', async () => {
    const db = database().db;
    expect(await isEmpty(db)).toBe(true);
    const { logins, stories } = await seedDemo(db);
    expect(stories).toBe(demoStories.length);
    expect(stories).toBeGreaterThanOrEqual(13);
    expect(logins.map((login) => login.role).sort()).toEqual(['admin', 'author', 'contributor', 'editor']);
    for (const login of logins) {
      const [user] = await db.select().from(users).where(eqEmail(login.email));
      expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user!.passwordHash, login.password)).toBe(true);
    }
    expect(await isEmpty(db)).toBe(false);
    const c = await counts();
    expect(c).toMatchObject({ users: 4, sections: 4, articles: demoStories.length, media: demoStories.length });
    expect(c.articleAuthors).toBe(demoStories.reduce((n, s) => n + s.authors.length, 0));
  });

  it('adds nothing the second time and shows no passwords again', async () => {
    const db = database().db;
    await seedDemo(db);
    const before = await counts();
    const again = await seedDemo(db);
    expect(again).toEqual({ logins: [], stories: 0 });
    expect(await counts()).toEqual(before);
  });

  it('restores only what is missing', async () => {
    const db = database().db;
    await seedDemo(db);
    await db.delete(articles);
    const again = await seedDemo(db);
    expect(again.stories).toBe(demoStories.length);
    expect(again.logins).toEqual([]);
    expect((await counts()).users).toBe(Object.keys(demoStaff).length);
  });
});

function eqEmail(email: string) {
  return sql`lower(${users.email}) = ${email}`;
}
