import 'server-only';
import { sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { z } from 'zod';
import { getDb, selectRows } from '@/db/client';
import { tags } from './cache-tags';
import { isBuildPhase } from './env';
import { pageCount } from './pagination';

export const SEARCH_PAGE_SIZE = 10;
export const MAX_QUERY_LENGTH = 200;

/** Marks around matched words in snippets: private-use characters no article contains, turned into <mark> by the page. */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';

export const searchQuerySchema = z
  .string()
  // PostgreSQL refuses NUL in text; no one searches for control characters.
  .transform((value) => value.replace(/[\u0000-\u001f\u007f]/g, ' '))
  .pipe(z.string().trim())
  .pipe(z.string().max(MAX_QUERY_LENGTH, `Searches can be at most ${MAX_QUERY_LENGTH} characters long.`));

export interface SearchHit {
  id: number;
  slug: string;
  title: string;
  dek: string;
  snippet: string;
  publishedAt: Date;
  sectionName: string | null;
}

export type SearchOutcome =
  | { kind: 'empty' }
  | { kind: 'invalid'; message: string }
  | { kind: 'results'; query: string; hits: SearchHit[]; total: number; page: number; pageCount: number };

const marks = `StartSel="${MATCH_START}", StopSel="${MATCH_END}"`;
// Titles and deks are marked whole; MaxFragments would cut them to a fragment even with HighlightAll.
const wholeText = `${marks}, HighlightAll=true`;
const snippet = `${marks}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Full-text search over published stories with PostgreSQL's websearch syntax ("a phrase", -word, or).
 * Ranked by ts_rank_cd over the weighted vector: title (A) outranks dek (B) outranks body (C).
 */
export async function searchArticles(rawQuery: string, page: number): Promise<SearchOutcome> {
  const parsed = searchQuerySchema.safeParse(rawQuery);
  if (!parsed.success) return { kind: 'invalid', message: parsed.error.issues[0]?.message ?? 'That search could not be read.' };
  const query = parsed.data;
  if (!query) return { kind: 'empty' };
  return rankedResults(query, page);
}

/** One page of results for a query, kept until a publish or a section change: popular searches repeat. */
async function rankedResults(query: string, page: number): Promise<SearchOutcome> {
  'use cache';
  cacheLife('max');
  cacheTag(tags.search, tags.sections);
  if (isBuildPhase()) return { kind: 'empty' };
  const db = getDb();
  const tsquery = sql`websearch_to_tsquery('english', ${query})`;
  const [probe] = await selectRows<{ nodes: number }>(db, sql`select numnode(${tsquery}) as nodes`);
  if (!probe || Number(probe.nodes) === 0) {
    return { kind: 'invalid', message: 'Search for some words: that query has none we can look for (common words like "the" are ignored).' };
  }
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  const [counted, found] = await Promise.all([
    selectRows<{ total: number }>(db, sql`select count(*)::int as total from articles where status = 'published' and search @@ ${tsquery}`),
    selectRows<Omit<SearchHit, 'publishedAt'> & { publishedAt: string | Date }>(
      db,
      sql`
      with q as (select ${tsquery} as query),
      ranked as (
        select a.id, a.slug, a.title, a.dek, a.body_text, a.published_at, a.section_id, ts_rank_cd(a.search, q.query) as rank
        from articles a, q
        where a.status = 'published' and a.search @@ q.query
        order by rank desc, a.published_at desc, a.id desc
        limit ${SEARCH_PAGE_SIZE} offset ${offset}
      )
      select r.id, r.slug, r.published_at as "publishedAt", s.name as "sectionName",
        ts_headline('english', r.title, q.query, ${wholeText}) as title,
        ts_headline('english', r.dek, q.query, ${wholeText}) as dek,
        ts_headline('english', r.body_text, q.query, ${snippet}) as snippet
      from ranked r cross join q left join sections s on s.id = r.section_id
      order by r.rank desc, r.published_at desc, r.id desc`),
  ]);
  const total = Number(counted[0]?.total ?? 0);
  const hits = found.map((row) => ({
    ...row,
    id: Number(row.id),
    publishedAt: new Date(row.publishedAt),
  }));
  return { kind: 'results', query, hits, total, page, pageCount: pageCount(total, SEARCH_PAGE_SIZE) };
}
