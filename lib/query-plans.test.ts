import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { selectRows, type Connection } from '@/db/client';
import { seedBulk } from '@/db/seed/bulk';
import { articles, articleTags, comments, media, notifications, reports, sections, tags, users } from '@/db/schema';
import { freshDatabasePerTest } from '@/test/database';
import { getAuthorPage, getHomePage, getLatestArticles, getPublishedArticle, getRelatedArticles, getSectionPage, getTagPage } from './articles';
import { getOwnPendingComments, getReactedCommentIds, getThread, locateComment } from './comments';
import { mediaUses } from './media';
import { getModerationQueue } from './moderation';
import { listNotifications, unreadCount } from './notifications';
import { searchArticles } from './search';

// Every list and search the site shows must be served by an index, not by reading all of `articles` or
// `comments`: a sequential scan is cheap on the demo magazine and the slowest part of every page at
// 100,000 stories. The real query builders of lib/ run against a bulk dataset while every statement they
// send is recorded; each recorded read is then EXPLAINed.
//
// With `enable_seqscan = off` the planner takes any usable index over a sequential scan whatever the table
// size or statistics, so a Seq Scan that survives means *no* index can answer the query (disabling only
// raises the cost of a Seq Scan; with no alternative the planner still picks it). That makes the test
// independent of how big the dataset is and of the planner's mood on a fresh PGlite without statistics.

const database = freshDatabasePerTest();

type Recorded = { text: string; params: unknown[] };
type QueryFn = (...args: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>;

/** Wraps the driver's query method (PGlite or pg.Pool) to record every statement drizzle sends. */
function recordStatements(connection: Connection) {
  const client = (connection.db as unknown as { $client: { query: QueryFn } }).$client;
  const original = client.query.bind(client);
  const recorded: Recorded[] = [];
  client.query = (first: unknown, params?: unknown, ...rest: unknown[]) => {
    const text = typeof first === 'string' ? first : (first as { text: string }).text;
    recorded.push({ text, params: Array.isArray(params) ? params : ((first as { values?: unknown[] }).values ?? []) });
    return original(first, params, ...rest);
  };
  return {
    recorded,
    restore: () => {
      client.query = original;
    },
  };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

/**
 * Scans of articles or comments that read the whole table: a Seq Scan, or what the planner picks instead
 * once sequential scans are disabled, an index walked from end to end only to filter its rows (no Index
 * Cond). A whole partial index read in order without a filter is the newest-first list itself: fine. So
 * is reading every published story to keep one author's (an author with a third of all the stories makes
 * that the planner's cheapest plan): the filter is then the published-status predicate alone.
 */
function fullScans(node: PlanNode, found: string[] = []): string[] {
  const relation = node['Relation Name'];
  if (relation === 'articles' || relation === 'comments') {
    if (node['Node Type'] === 'Seq Scan') found.push(`Seq Scan on ${relation}`);
    else if (/^Index (Only )?Scan$/.test(node['Node Type']) && !node['Index Cond'] && node.Filter && !/^\(status = 'published'::article_status\)$/.test(node.Filter)) {
      found.push(`whole ${node['Index Name']} read to filter ${relation} by ${node.Filter}`);
    }
  }
  for (const child of node.Plans ?? []) fullScans(child, found);
  return found;
}

// Sequential scans off, and hash and merge joins too: every join becomes a nested loop, so a table on the
// inner side is reached through an index lookup (Index Cond) if any index can serve the join at all.
const FORCE_INDEXES = 'set enable_seqscan = off; set enable_hashjoin = off; set enable_mergejoin = off';
const RESET = 'reset enable_seqscan; reset enable_hashjoin; reset enable_mergejoin';

/** EXPLAIN one recorded statement with its parameters, the planner limited to index access paths. */
async function explain(connection: Connection, statement: Recorded): Promise<PlanNode> {
  const text = `explain (format json) ${statement.text}`;
  const client = (connection.db as unknown as { $client: unknown }).$client;
  let rows: Array<Record<string, unknown>>;
  if (connection.engine === 'pglite') {
    const pglite = client as { query: QueryFn };
    const session = client as { exec(sql: string): Promise<unknown> };
    await session.exec(FORCE_INDEXES);
    try {
      rows = (await pglite.query(text, statement.params)).rows;
    } finally {
      await session.exec(RESET);
    }
  } else {
    // A pool hands out several connections: the setting must be made on the one that explains.
    const pooled = await (client as { connect(): Promise<{ query: QueryFn; release(): void }> }).connect();
    try {
      await pooled.query(FORCE_INDEXES);
      rows = (await pooled.query(text, statement.params)).rows;
      await pooled.query(RESET);
    } finally {
      pooled.release();
    }
  }
  const plan = Object.values(rows[0]!)[0];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as Array<{ Plan: PlanNode }>;
  return parsed[0]!.Plan;
}

describe('query plans on a bulk dataset', () => {
  beforeEach(async () => {
    const { db } = database();
    await seedBulk(db, { articles: 2_000, comments: 20_000, seed: 11 });
    // Something for the moderation queue's tabs: held, reported and spam comments.
    await db.execute(sql`update ${comments} set status = 'pending' where id % 97 = 0`);
    await db.execute(sql`update ${comments} set status = 'spam' where id % 89 = 0`);
    await db.execute(sql`update ${comments} set report_count = 1 where id % 83 = 0`);
    await db.execute(sql`insert into ${reports} (comment_id, user_id, reason) select id, author_id, 'spam' from ${comments} where id % 83 = 0 and author_id is not null`);
    // Statistics and the visibility map, as autovacuum would leave them: index-only scans become possible.
    await db.execute(sql`vacuum analyze`);
  }, 300_000);

  it('serves every list, search and thread query from an index, never a sequential scan of articles or comments', async () => {
    const connection = database();
    const { db } = connection;
    const [busiest] = await db.select({ id: articles.id, slug: articles.slug }).from(articles).orderBy(sql`${articles.commentCount} desc`).limit(1);
    const [tag] = await db.select({ slug: tags.slug }).from(tags).innerJoin(articleTags, eq(articleTags.tagId, tags.id)).limit(1);
    const [author] = await db.select({ slug: users.slug }).from(users).where(eq(users.role, 'author')).limit(1);
    const [section] = await db.select({ slug: sections.slug }).from(sections).limit(1);
    const [reader] = await db.select({ id: comments.authorId }).from(comments).where(eq(comments.articleId, busiest!.id)).limit(1);
    const [someComment] = await db.select({ id: comments.id }).from(comments).where(eq(comments.articleId, busiest!.id)).orderBy(sql`${comments.depth} desc`).limit(1);
    const [image] = await db.select({ id: media.id }).from(media).limit(1);
    const editor = { id: 1, role: 'editor' as const };
    // Replies to one reader, for the notifications list.
    await db.execute(
      sql`insert into ${notifications} (user_id, kind, comment_id) select ${reader!.id}, 'reply', id from ${comments} where article_id = ${busiest!.id} limit 60`,
    );

    const calls: Array<[string, () => Promise<unknown>]> = [
      ['home page 1', () => getHomePage(1)],
      ['home page 2', () => getHomePage(2)],
      ['section list', () => getSectionPage(section!.slug, 2)],
      ['tag list', () => getTagPage(tag!.slug, 1)],
      ['author list', () => getAuthorPage(author!.slug, 1)],
      ['article', () => getPublishedArticle(busiest!.slug)],
      ['read next', () => getRelatedArticles(busiest!.id, section!.slug)],
      ['feed', () => getLatestArticles(20)],
      ['section feed', () => getLatestArticles(20, section!.slug)],
      ['search', () => searchArticles('music festival', 1)],
      ['search, page 3', () => searchArticles('"the city" -vinyl', 3)],
      ['thread, oldest first', () => getThread(busiest!.id, { sort: 'oldest', page: 1 })],
      ['thread, newest, page 2', () => getThread(busiest!.id, { sort: 'newest', page: 2 })],
      ['thread, top', () => getThread(busiest!.id, { sort: 'top', page: 1 })],
      ['locate a posted comment', () => locateComment(someComment!.id)],
      ['own held comments', () => getOwnPendingComments(reader!.id!, busiest!.id)],
      ['own reactions', () => getReactedCommentIds(reader!.id!, busiest!.id)],
      ['moderation queue, pending', () => getModerationQueue(editor, { tab: 'pending' })],
      ['moderation queue, reported', () => getModerationQueue(editor, { tab: 'reported' })],
      ['moderation queue, spam', () => getModerationQueue(editor, { tab: 'spam' })],
      ['moderation queue, all, page 3', () => getModerationQueue(editor, { tab: 'all', page: 3 })],
      // Not getQueueCounts: the "All" tab's badge counts every comment, which reads the whole table by definition.
      ['where an image is used', () => mediaUses(image!.id)],
      ['notifications, page 2', () => listNotifications(reader!.id!, { page: 2 })],
      ['unread notifications', () => unreadCount(reader!.id!)],
    ];

    const problems: string[] = [];
    let explained = 0;
    for (const [name, call] of calls) {
      const recorder = recordStatements(connection);
      try {
        await call();
      } finally {
        recorder.restore();
      }
      const reads = recorder.recorded.filter((s) => /^\s*(select|with)\b/i.test(s.text) && /\b(articles|comments)\b/.test(s.text));
      expect(reads.length, `${name} sent no query to articles or comments`).toBeGreaterThan(0);
      for (const statement of reads) {
        const scans = fullScans(await explain(connection, statement));
        explained++;
        if (scans.length) problems.push(`${name}: ${scans.join('; ')} in\n    ${statement.text.replace(/\s+/g, ' ').slice(0, 300)}`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
    expect(explained).toBeGreaterThanOrEqual(calls.length);
  }, 240_000);
});

describe('the plan check', () => {
  it('finds a sequential scan where no index serves the query (the check itself works)', async () => {
    const connection = database();
    const recorder = recordStatements(connection);
    try {
      // comments.body has no index: no setting can avoid reading the whole table.
      await selectRows(connection.db, sql`select id from ${comments} where body like ${'%festival%'} limit 5`);
    } finally {
      recorder.restore();
    }
    const [statement] = recorder.recorded;
    expect(fullScans(await explain(connection, statement!))).toHaveLength(1);
  }, 60_000);
});
