import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { articles } from '@/db/schema';
import { countWords, documentText } from '@/lib/document';
import { freshDatabasePerTest } from '@/test/database';
import { BUSIEST_THREAD_MIN, MAX_COMMENT_DEPTH, seedBulk } from './bulk';
import { demoStories } from './stories';

const database = freshDatabasePerTest();

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await selectRows<T>(database().db, query);
  return row!;
}

// Grouped joins rather than correlated subqueries: PGlite has no statistics yet and would scan per row.
const articlesMiscounted = sql`select count(*) as n from articles a
  left join (select article_id, count(*) as n from comments where status = 'published' group by article_id) c on c.article_id = a.id
  where a.comment_count <> coalesce(c.n, 0)`;
const commentsMiscounted = sql`select count(*) as n from comments p
  left join (select parent_id, count(*) as n from comments where status = 'published' group by parent_id) r on r.parent_id = p.id
  where p.reply_count <> coalesce(r.n, 0)`;

const count = async (query: ReturnType<typeof sql>) => Number((await one<{ n: number | string }>(query)).n);

describe('seedBulk', () => {
  it('adds exactly the stories and comments asked for, on top of the demo magazine, with consistent counts', async () => {
    const { db } = database();
    const summary = await seedBulk(db, { articles: 200, comments: 2_000, seed: 42 });

    expect(summary.demo?.stories).toBe(demoStories.length);
    expect(summary.demo?.logins.map((login) => login.role).sort()).toEqual(['admin', 'author', 'contributor', 'editor']);
    expect(summary).toMatchObject({ articles: 200, comments: 2_000, tags: 200, interrupted: false });
    expect(await count(sql`select count(*) as n from articles`)).toBe(demoStories.length + 200);
    expect(await count(sql`select count(*) as n from articles where status = 'published' and published_at <= now()`)).toBe(demoStories.length + 200);
    expect(await count(sql`select count(*) as n from comments where status = 'published'`)).toBe(2_000);
    expect(await count(sql`select count(distinct slug) as n from articles`)).toBe(demoStories.length + 200);

    // Counters match the rows they count.
    expect(await count(articlesMiscounted)).toBe(0);
    expect(await count(commentsMiscounted)).toBe(0);

    // Threads: replies sit one level below a parent on the same story, written after it.
    expect(
      await count(sql`select count(*) as n from comments r join comments p on p.id = r.parent_id
        where r.depth <> p.depth + 1 or r.article_id <> p.article_id or r.created_at < p.created_at`),
    ).toBe(0);
    expect(await count(sql`select count(*) as n from comments where parent_id is null and depth <> 0`)).toBe(0);
    expect(await count(sql`select count(*) as n from comments where parent_id is not null`)).toBeGreaterThan(200);
    expect(await count(sql`select max(depth) as n from comments`)).toBeLessThanOrEqual(MAX_COMMENT_DEPTH);

    // One thread long enough for benchmarks, and it is the longest.
    const top = await one<{ slug: string; n: number }>(sql`select slug, comment_count as n from articles order by comment_count desc limit 1`);
    expect(summary.busiest).toEqual({ slug: top.slug, comments: top.n });
    expect(top.n).toBeGreaterThanOrEqual(BUSIEST_THREAD_MIN);
    expect(await count(sql`select count(*) as n from articles where comment_count = ${top.n}`)).toBe(1);

    // Every generated story has a byline, two to four tags, a real document and its text.
    expect(await count(sql`select count(*) as n from articles a where not exists (select 1 from article_authors aa where aa.article_id = a.id)`)).toBe(0);
    expect(
      await count(sql`select count(*) as n from (select article_id from article_tags group by article_id having count(*) not between 2 and 4) odd`),
    ).toBe(0);
    expect(await count(sql`select count(distinct title) as n from articles`)).toBeGreaterThan(190);
    const sample = await db.select().from(articles).orderBy(sql`${articles.id} desc`).limit(20);
    for (const story of sample) {
      expect(story.bodyJson.type).toBe('doc');
      expect(story.bodyJson.content?.every((block) => block.type === 'paragraph')).toBe(true);
      expect(story.bodyText).toBe(documentText(story.bodyJson));
      expect(story.wordCount).toBe(countWords(story.bodyText));
      expect(story.wordCount).toBeGreaterThan(100);
    }
  });

  it('adds more on a second run, reusing tags, with no slug clashes', async () => {
    const { db } = database();
    await seedBulk(db, { articles: 200, comments: 2_000, seed: 7 });
    const again = await seedBulk(db, { articles: 200, comments: 2_000, seed: 7 });

    expect(again.demo).toBeNull();
    expect(again).toMatchObject({ articles: 200, comments: 2_000 });
    expect(await count(sql`select count(*) as n from articles`)).toBe(demoStories.length + 400);
    expect(await count(sql`select count(distinct slug) as n from articles`)).toBe(demoStories.length + 400);
    expect(await count(sql`select count(*) as n from comments`)).toBe(4_000);
    const tagCount = await count(sql`select count(*) as n from tags`);
    expect(tagCount).toBeLessThanOrEqual(200 + demoStories.flatMap((story) => story.tags).length);
    expect(await count(articlesMiscounted)).toBe(0);
  });

  it('spreads comments over the published stories already there when asked for no new ones', async () => {
    const { db } = database();
    const summary = await seedBulk(db, { articles: 0, comments: 1_200, seed: 3 });
    expect(summary).toMatchObject({ articles: 0, comments: 1_200 });
    expect(await count(sql`select count(*) as n from articles`)).toBe(demoStories.length);
    expect(await count(sql`select sum(comment_count) as n from articles`)).toBe(1_200);
    expect(summary.busiest?.comments).toBeGreaterThanOrEqual(BUSIEST_THREAD_MIN);
  });
});
