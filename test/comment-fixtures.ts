import { sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PGlite } from '@electric-sql/pglite';
import type { Pool } from 'pg';
import { installConnection, selectRows, type Connection, type Database } from '@/db/client';
import * as schema from '@/db/schema';
import { articleAuthors, articles, articleTags, comments, sections, tags, users, type Role } from '@/db/schema';
import type { Actor } from '@/lib/permissions';

// A small magazine for comment tests, written straight to the tables: no password hashing, no images.

export const DAY = 86_400_000;

export type Person = Actor & { slug: string };

export interface Magazine {
  editor: Person;
  admin: Person;
  author: Person;
  article: { id: number; slug: string };
  other: { id: number; slug: string };
  person: (options?: { role?: Role; trusted?: boolean; name?: string }) => Promise<Person>;
}

let people = 0;

export async function magazine(db: Database, now = new Date()): Promise<Magazine> {
  const person = async ({ role = 'reader', trusted = role !== 'reader', name }: { role?: Role; trusted?: boolean; name?: string } = {}) => {
    people++;
    const label = name ?? `${role} ${people}`;
    const [row] = await db
      .insert(users)
      .values({ email: `person${people}@example.com`, name: label, slug: `${label.toLowerCase().replace(/\W+/g, '-')}-${people}`, role, trusted, passwordHash: 'x' })
      .returning({ id: users.id, role: users.role, slug: users.slug });
    return row!;
  };
  const [editor, admin, author] = [await person({ role: 'editor', name: 'Maya Editor' }), await person({ role: 'admin' }), await person({ role: 'author', name: 'Jonah Writer' })];
  const [section] = await db.insert(sections).values({ slug: 'music', name: 'Music' }).returning();
  const [tag] = await db.insert(tags).values({ slug: 'live', name: 'Live' }).returning();
  const story = async (slug: string) => {
    const [row] = await db
      .insert(articles)
      .values({ slug, title: slug, bodyJson: { type: 'doc', content: [] }, status: 'published', publishedAt: new Date(now.getTime() - DAY), sectionId: section!.id })
      .returning({ id: articles.id, slug: articles.slug });
    await db.insert(articleAuthors).values({ articleId: row!.id, userId: author.id });
    await db.insert(articleTags).values({ articleId: row!.id, tagId: tag!.id });
    return row!;
  };
  return { editor, admin, author, article: await story('first-story'), other: await story('second-story'), person };
}

/**
 * Stored counts against the definitions db/seed/bulk.ts reconciles to: every mismatch, or [] when all agree.
 */
export async function countMismatches(db: Database): Promise<string[]> {
  const articleRows = await selectRows<{ id: number; stored: number; counted: number }>(
    db,
    sql`select a.id, a.comment_count as stored, count(c.id)::int as counted
        from ${articles} a left join ${comments} c on c.article_id = a.id and c.status = 'published'
        group by a.id having a.comment_count <> count(c.id)`,
  );
  const replyRows = await selectRows<{ id: number; stored: number; counted: number }>(
    db,
    sql`select p.id, p.reply_count as stored, count(r.id)::int as counted
        from ${comments} p left join ${comments} r on r.parent_id = p.id and r.status = 'published'
        group by p.id having p.reply_count <> count(r.id)`,
  );
  const reactionRows = await selectRows<{ id: number; stored: number; counted: number }>(
    db,
    sql`select c.id, c.reaction_count as stored, (select count(*)::int from comment_reactions r where r.comment_id = c.id) as counted
        from ${comments} c where c.reaction_count <> (select count(*) from comment_reactions r where r.comment_id = c.id)`,
  );
  return [
    ...articleRows.map((r) => `article ${r.id}: comment_count ${r.stored}, counted ${r.counted}`),
    ...replyRows.map((r) => `comment ${r.id}: reply_count ${r.stored}, counted ${r.counted}`),
    ...reactionRows.map((r) => `comment ${r.id}: reaction_count ${r.stored}, counted ${r.counted}`),
  ];
}

/** Installs a connection on the same database that counts the statements sent through it. */
export function countQueries(connection: Connection): { readonly count: number; reset(): void } {
  let count = 0;
  const logger = { logQuery: () => void count++ };
  const client = (connection.db as unknown as { $client: unknown }).$client;
  const db =
    connection.engine === 'pglite'
      ? (drizzlePglite(client as PGlite, { schema, logger }) as unknown as Database)
      : (drizzlePostgres(client as Pool, { schema, logger }) as unknown as Database);
  installConnection({ ...connection, db });
  return {
    get count() {
      return count;
    },
    reset: () => void (count = 0),
  };
}
