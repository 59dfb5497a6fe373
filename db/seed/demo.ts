import 'server-only';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { selectRows, type Database } from '@/db/client';
import { articleAuthors, articles, articleTags, media, sections, tags, users, type Role } from '@/db/schema';
import { countWords, documentText } from '@/lib/document';
import { generatePassword, hashPassword } from '@/lib/passwords';
import { slugify } from '@/lib/slug';
import { blocksToDocument } from './document';
import { demoStories } from './stories';

type StaffKey = 'admin' | 'editor' | 'author' | 'contributor';

export const demoStaff: Record<StaffKey, { name: string; email: string; role: Role; bio: string }> = {
  admin: {
    name: 'Alex Marlow',
    email: 'admin@masthead.example',
    role: 'admin',
    bio: 'Publisher. Keeps the lights on, the servers humming and the deadlines honest.',
  },
  editor: {
    name: 'Maya Okafor',
    email: 'editor@masthead.example',
    role: 'editor',
    bio: 'Editor-in-chief. Writes about screens large and small, and edits everything else.',
  },
  author: {
    name: 'Jonah Reyes',
    email: 'author@masthead.example',
    role: 'author',
    bio: 'Senior writer covering music, touring life and the bands just about to break.',
  },
  contributor: {
    name: 'Priya Sandhu',
    email: 'contributor@masthead.example',
    role: 'contributor',
    bio: 'Contributing writer on style, street culture and the things people make by hand.',
  },
};

export const demoSections = [
  { slug: 'music', name: 'Music', description: 'New sounds, old favourites and the people who make them.', position: 1 },
  { slug: 'screen', name: 'Screen', description: 'Film, television and everything you watch between.', position: 2 },
  { slug: 'culture', name: 'Culture', description: 'Books, ideas, scenes and the way we live now.', position: 3 },
  { slug: 'style', name: 'Style', description: 'What people wear, and why it matters.', position: 4 },
];

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

/**
 * Adds whatever part of the demo magazine is missing — sections, staff, tags, stories — and nothing
 * twice. Returns the logins of staff accounts it created, with their generated passwords (shown once).
 */
export async function seedDemo(
  db: Database,
  { now = new Date(), password }: { now?: Date; password?: string } = {},
): Promise<{ logins: DemoLogin[]; stories: number }> {
  const images = await Promise.all(
    demoStories.map(async (story) => {
      const file = path.join(process.cwd(), 'public', 'images', 'demo', story.hero.file);
      const { width = 1600, height = 900, size = 0 } = await sharp(file).metadata();
      return { story, width, height, size };
    }),
  );
  const credentials = await Promise.all(
    (Object.keys(demoStaff) as StaffKey[]).map(async (key) => {
      const chosen = password ?? generatePassword();
      return { key, password: chosen, passwordHash: await hashPassword(chosen) };
    }),
  );

  return db.transaction(async (tx) => {
    await tx.insert(sections).values(demoSections).onConflictDoNothing();
    const sectionIds = new Map((await tx.select({ id: sections.id, slug: sections.slug }).from(sections)).map((s) => [s.slug, s.id]));

    const logins: DemoLogin[] = [];
    const staffIds = new Map<StaffKey, number>();
    for (const { key, password: staffPassword, passwordHash } of credentials) {
      const person = demoStaff[key];
      const [created] = await tx
        .insert(users)
        .values({ ...person, slug: slugify(person.name), passwordHash, trusted: true })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (created) logins.push({ role: person.role, email: person.email, password: staffPassword });
      const [row] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${person.email}`);
      if (row) staffIds.set(key, row.id);
    }

    const tagNames = [...new Set(demoStories.flatMap((story) => story.tags))];
    await tx
      .insert(tags)
      .values(tagNames.map((name) => ({ name, slug: slugify(name) })))
      .onConflictDoNothing();
    const tagIds = new Map(
      (await tx.select({ id: tags.id, slug: tags.slug }).from(tags).where(inArray(tags.slug, tagNames.map(slugify)))).map((t) => [t.slug, t.id]),
    );

    let created = 0;
    for (const { story, width, height, size } of images) {
      const [existing] = await tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, story.slug));
      if (existing) continue;
      const heroPath = `/images/demo/${story.hero.file}`;
      await tx
        .insert(media)
        .values({ path: heroPath, mime: 'image/webp', width, height, bytes: size, alt: story.hero.alt, credit: story.hero.credit })
        .onConflictDoNothing();
      const [hero] = await tx.select({ id: media.id }).from(media).where(eq(media.path, heroPath));
      const body = blocksToDocument(story.body);
      const bodyText = documentText(body);
      const publishedAt = new Date(now.getTime() - story.publishedHoursAgo * 3_600_000);
      const [article] = await tx
        .insert(articles)
        .values({
          slug: story.slug,
          title: story.title,
          dek: story.dek,
          bodyJson: body,
          bodyText,
          wordCount: countWords(bodyText),
          sectionId: sectionIds.get(story.section) ?? null,
          status: 'published',
          publishedAt,
          createdAt: publishedAt,
          updatedAt: publishedAt,
          heroMediaId: hero?.id ?? null,
        })
        .returning({ id: articles.id });
      if (!article) continue;
      await tx.insert(articleAuthors).values(
        story.authors.flatMap((key, position) => {
          const userId = staffIds.get(key);
          return userId ? [{ articleId: article.id, userId, position }] : [];
        }),
      );
      const storyTagIds = story.tags.flatMap((name) => tagIds.get(slugify(name)) ?? []);
      if (storyTagIds.length) await tx.insert(articleTags).values(storyTagIds.map((tagId) => ({ articleId: article.id, tagId })));
      created++;
    }
    return { logins, stories: created };
  });
}

/** True when the database holds no stories and no people: the first start. */
export async function isEmpty(db: Database): Promise<boolean> {
  const [row] = await selectRows<{ n: number | string }>(db, sql`select (select count(*) from users) + (select count(*) from articles) as n`);
  return Number(row?.n ?? 0) === 0;
}
