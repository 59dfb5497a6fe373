import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articleAuthors, articles, comments, users } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { freshDatabasePerTest } from '@/test/database';
import { changeOwnPassword, deleteOwnAccount, signUp, updateProfile } from './accounts';
import { UserError } from './errors';
import { verifyPassword } from './passwords';

const database = freshDatabasePerTest();
let address = 0;
const nextAddress = () => `10.9.${Math.floor(++address / 250)}.${address % 250}`;

describe('reader accounts', () => {
  it('signs up a reader with a hashed password, and refuses a taken email in any case', async () => {
    const reader = await signUp({ name: 'Ada Reader', email: 'Ada@Example.com', password: 'correct horse battery' }, nextAddress());
    expect(reader).toMatchObject({ role: 'reader', email: 'ada@example.com', slug: 'ada-reader' });
    const [row] = await database().db.select().from(users).where(eq(users.id, reader.id));
    expect(await verifyPassword(row!.passwordHash, 'correct horse battery')).toBe(true);
    await expect(signUp({ name: 'Other', email: 'ADA@example.com', password: 'another good one' }, nextAddress())).rejects.toMatchObject({ code: 'email_taken' });
  });

  it('refuses short, long and common passwords, writing nothing', async () => {
    for (const password of ['short', 'x'.repeat(129), 'Password123', 'iloveyou1']) {
      await expect(signUp({ name: 'Bo', email: 'bo@example.com', password }, nextAddress())).rejects.toBeInstanceOf(UserError);
    }
    expect(await database().db.select().from(users)).toHaveLength(0);
  });

  it('allows 20 sign-ups an hour from one address', async () => {
    const ip = nextAddress();
    for (let i = 0; i < 20; i++) await signUp({ name: `Reader ${i}`, email: `r${i}@example.com`, password: 'a fine password' }, ip);
    await expect(signUp({ name: 'One more', email: 'more@example.com', password: 'a fine password' }, ip)).rejects.toThrow('Too many accounts');
  });

  it('changes name and email, keeping emails unique', async () => {
    const a = await signUp({ name: 'A', email: 'a@example.com', password: 'a fine password' }, nextAddress());
    await signUp({ name: 'B', email: 'b@example.com', password: 'a fine password' }, nextAddress());
    await expect(updateProfile(a.id, { name: 'A', email: 'B@example.com' })).rejects.toMatchObject({ fieldErrors: { email: expect.any(String) } });
    await updateProfile(a.id, { name: 'Ada', email: 'ada@example.com' });
    const [row] = await database().db.select().from(users).where(eq(users.id, a.id));
    expect([row!.name, row!.email]).toEqual(['Ada', 'ada@example.com']);
  });

  it('names the cached pages a new name must reach: the threads they wrote in and their bylines', async () => {
    await seedDemo(database().db);
    const [story] = await database().db.select({ id: articles.id }).from(articles).limit(1);
    const reader = await signUp({ name: 'Cy', email: 'cy@example.com', password: 'a fine password' }, nextAddress());
    await database().db.insert(comments).values({ articleId: story!.id, authorId: reader.id, body: 'words' });
    expect(await updateProfile(reader.id, { name: 'Cy', email: 'cy.new@example.com' })).toEqual([]);
    expect(await updateProfile(reader.id, { name: 'Cyrus', email: 'cy.new@example.com' })).toEqual([`comments:${story!.id}`]);

    const [byline] = await database().db.select({ articleId: articleAuthors.articleId, userId: articleAuthors.userId }).from(articleAuthors).limit(1);
    const [writer] = await database().db.select().from(users).where(eq(users.id, byline!.userId));
    const touched = await updateProfile(writer!.id, { name: `${writer!.name} Jr`, email: writer!.email });
    expect(touched).toEqual(expect.arrayContaining([`article:${byline!.articleId}`, `author:${writer!.slug}`, 'list:home', 'feed']));
  });

  it('changes the password only with the current one, ending every session', async () => {
    const a = await signUp({ name: 'A', email: 'a@example.com', password: 'a fine password' }, nextAddress());
    await expect(changeOwnPassword(a.id, { current: 'wrong', password: 'a better password' })).rejects.toThrow('current password is not right');
    await changeOwnPassword(a.id, { current: 'a fine password', password: 'a better password' });
    const [row] = await database().db.select().from(users).where(eq(users.id, a.id));
    expect(await verifyPassword(row!.passwordHash, 'a better password')).toBe(true);
    expect(row!.tokenVersion).toBe(a.tokenVersion + 1);
  });

  it('deletes an account: replied-to comments stay as [deleted] without their words, the rest go', async () => {
    await seedDemo(database().db);
    const [story] = await database().db.select({ id: articles.id }).from(articles).limit(1);
    const a = await signUp({ name: 'Leaving', email: 'leaving@example.com', password: 'a fine password' }, nextAddress());
    const [answered] = await database().db.insert(comments).values({ articleId: story!.id, authorId: a.id, body: 'first words', replyCount: 1 }).returning();
    await database().db.insert(comments).values({ articleId: story!.id, authorId: a.id, body: 'lonely words' });
    await database().db.insert(comments).values({ articleId: story!.id, parentId: answered!.id, body: 'a reply', depth: 1 });
    await expect(deleteOwnAccount(a.id, 'wrong password')).rejects.toThrow('nothing was deleted');
    await deleteOwnAccount(a.id, 'a fine password');
    expect(await database().db.select().from(users).where(eq(users.id, a.id))).toHaveLength(0);
    const left = await database().db.select().from(comments);
    expect(left.map((c) => [c.body, c.authorId]).sort()).toEqual([
      ['', null],
      ['a reply', null],
    ]);
  });
});
