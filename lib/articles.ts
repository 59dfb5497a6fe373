import 'server-only';
import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import { articleAuthors, articles, articleTags, media, sections, tags as tagTable, users, type DocumentNode } from '@/db/schema';
import { tags } from './cache-tags';
import { readingMinutes } from './document';
import { isBuildPhase } from './env';
import { PAGE_SIZE, pageCount, type Page } from './pagination';

export interface Byline {
  name: string;
  slug: string;
}

export interface HeroImage {
  src: string;
  alt: string;
  width: number;
  height: number;
  credit: string;
}

export interface ArticleSummary {
  id: number;
  slug: string;
  title: string;
  dek: string;
  publishedAt: Date;
  updatedAt: Date;
  section: { slug: string; name: string } | null;
  authors: Byline[];
  hero: HeroImage | null;
  readingMinutes: number;
  commentCount: number;
}

export interface Article extends ArticleSummary {
  body: DocumentNode;
  bodyText: string;
  tags: Array<{ slug: string; name: string }>;
  seoTitle: string;
  seoDescription: string;
  commentsMode: 'open' | 'closed' | 'off';
  wordCount: number;
}

const isPublished = eq(articles.status, 'published');

const summaryColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  dek: articles.dek,
  publishedAt: articles.publishedAt,
  updatedAt: articles.updatedAt,
  wordCount: articles.wordCount,
  commentCount: articles.commentCount,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  heroSrc: media.path,
  heroAlt: media.alt,
  heroWidth: media.width,
  heroHeight: media.height,
  heroCredit: media.credit,
};

/** Published stories matching `where`, newest first, with bylines: two queries whatever the page size. */
async function summaries(where: SQL | undefined, limit: number, offset = 0, join?: 'tag' | 'author', joinId?: number) {
  const db = getDb();
  let query = db
    .select(summaryColumns)
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.heroMediaId))
    .$dynamic();
  if (join === 'tag' && joinId !== undefined) {
    query = query.innerJoin(articleTags, and(eq(articleTags.articleId, articles.id), eq(articleTags.tagId, joinId)));
  }
  if (join === 'author' && joinId !== undefined) {
    query = query.innerJoin(articleAuthors, and(eq(articleAuthors.articleId, articles.id), eq(articleAuthors.userId, joinId)));
  }
  const rows = await query
    .where(and(isPublished, where))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .offset(offset);
  const bylines = await bylinesOf(rows.map((row) => row.id));
  return rows.map((row): ArticleSummary => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    publishedAt: row.publishedAt ?? row.updatedAt,
    updatedAt: row.updatedAt,
    section: row.sectionSlug && row.sectionName ? { slug: row.sectionSlug, name: row.sectionName } : null,
    authors: bylines.get(row.id) ?? [],
    hero:
      row.heroSrc && row.heroAlt !== null
        ? { src: row.heroSrc, alt: row.heroAlt, width: row.heroWidth ?? 1600, height: row.heroHeight ?? 900, credit: row.heroCredit ?? '' }
        : null,
    readingMinutes: readingMinutes(row.wordCount),
    commentCount: row.commentCount,
  }));
}

async function bylinesOf(articleIds: number[]): Promise<Map<number, Byline[]>> {
  const byArticle = new Map<number, Byline[]>();
  if (articleIds.length === 0) return byArticle;
  const rows = await getDb()
    .select({ articleId: articleAuthors.articleId, name: users.name, slug: users.slug })
    .from(articleAuthors)
    .innerJoin(users, eq(users.id, articleAuthors.userId))
    .where(inArray(articleAuthors.articleId, articleIds))
    .orderBy(asc(articleAuthors.position));
  for (const { articleId, name, slug } of rows) {
    byArticle.set(articleId, [...(byArticle.get(articleId) ?? []), { name, slug }]);
  }
  return byArticle;
}

async function countPublished(where: SQL | undefined, join?: 'tag' | 'author', joinId?: number): Promise<number> {
  const db = getDb();
  let query = db.select({ total: count() }).from(articles).$dynamic();
  if (join === 'tag' && joinId !== undefined) {
    query = query.innerJoin(articleTags, and(eq(articleTags.articleId, articles.id), eq(articleTags.tagId, joinId)));
  }
  if (join === 'author' && joinId !== undefined) {
    query = query.innerJoin(articleAuthors, and(eq(articleAuthors.articleId, articles.id), eq(articleAuthors.userId, joinId)));
  }
  const [row] = await query.where(and(isPublished, where));
  return row?.total ?? 0;
}

async function paged(page: number, where: SQL | undefined, join?: 'tag' | 'author', joinId?: number): Promise<Page<ArticleSummary>> {
  const [items, total] = await Promise.all([
    summaries(where, PAGE_SIZE, (page - 1) * PAGE_SIZE, join, joinId),
    countPublished(where, join, joinId),
  ]);
  return { items, page, total, pageCount: pageCount(total) };
}

export interface HomePage {
  lead: ArticleSummary | null;
  latest: Page<ArticleSummary>;
  rails: Array<{ section: { slug: string; name: string; description: string }; articles: ArticleSummary[] }>;
}

/** The front page shows the lead and this many of the latest; the archive pages after it show PAGE_SIZE each. */
export const FRONT_PAGE_LATEST = 6;

/**
 * Page 1: the lead story, the next few, then a rail per section of stories not shown above.
 * Later pages: the archive, continuing exactly where the front page stopped.
 */
export async function getHomePage(page: number): Promise<HomePage | null> {
  'use cache';
  cacheLife('max');
  cacheTag(tags.home, tags.sections);
  if (isBuildPhase()) return null;
  const onFront = FRONT_PAGE_LATEST + 1;
  const total = await countPublished(undefined);
  const pages = 1 + pageCount(Math.max(0, total - onFront));
  const count = total > onFront ? pages : 1;
  if (page > count) return null;
  if (page > 1) {
    const items = await summaries(undefined, PAGE_SIZE, onFront + (page - 2) * PAGE_SIZE);
    return { lead: null, latest: { items, page, total, pageCount: count }, rails: [] };
  }
  const [lead, ...latest] = await summaries(undefined, onFront);
  const shown = new Set([lead?.id, ...latest.map((item) => item.id)]);
  const sectionList = await getDb().select().from(sections).orderBy(asc(sections.position), asc(sections.name));
  const rails = await Promise.all(
    sectionList.map(async (section) => ({
      section,
      articles: (await summaries(eq(articles.sectionId, section.id), onFront + 4)).filter((article) => !shown.has(article.id)).slice(0, 4),
    })),
  );
  return {
    lead: lead ?? null,
    latest: { items: latest, page, total, pageCount: count },
    rails: rails.filter((rail) => rail.articles.length > 0),
  };
}

/** A slug from the URL that could be stored at all: PostgreSQL text cannot hold NUL (`/articles/%00`). */
const storable = (slug: string) => !slug.includes('\u0000');

/** A published story by slug, or null: cached per slug, so an unknown slug is a cached 404. */
export async function getPublishedArticle(slug: string): Promise<Article | null> {
  'use cache';
  cacheLife('max');
  cacheTag(tags.articleSlug(slug));
  if (isBuildPhase() || !storable(slug)) return null;
  const db = getDb();
  const [found] = await db.select({ id: articles.id }).from(articles).where(and(eq(articles.slug, slug), isPublished));
  if (!found) return null;
  cacheTag(tags.article(found.id));
  return loadArticle(found.id);
}

/** Any story by id, whatever its status: for staff previews. */
export async function loadArticle(id: number): Promise<Article | null> {
  const db = getDb();
  const [[row], summary, tagRows] = await Promise.all([
    db
      .select({
        status: articles.status,
        bodyJson: articles.bodyJson,
        bodyText: articles.bodyText,
        seoTitle: articles.seoTitle,
        seoDescription: articles.seoDescription,
        commentsMode: articles.commentsMode,
        wordCount: articles.wordCount,
      })
      .from(articles)
      .where(eq(articles.id, id)),
    summariesOfAnyStatus(id),
    db
      .select({ slug: tagTable.slug, name: tagTable.name })
      .from(articleTags)
      .innerJoin(tagTable, eq(tagTable.id, articleTags.tagId))
      .where(eq(articleTags.articleId, id))
      .orderBy(asc(tagTable.name)),
  ]);
  if (!row || !summary) return null;
  return {
    ...summary,
    body: row.bodyJson,
    bodyText: row.bodyText,
    tags: tagRows,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    commentsMode: row.commentsMode,
    wordCount: row.wordCount,
  };
}

async function summariesOfAnyStatus(id: number): Promise<ArticleSummary | undefined> {
  const db = getDb();
  const [row] = await db
    .select(summaryColumns)
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(media, eq(media.id, articles.heroMediaId))
    .where(eq(articles.id, id));
  if (!row) return undefined;
  const bylines = await bylinesOf([id]);
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    dek: row.dek,
    publishedAt: row.publishedAt ?? row.updatedAt,
    updatedAt: row.updatedAt,
    section: row.sectionSlug && row.sectionName ? { slug: row.sectionSlug, name: row.sectionName } : null,
    authors: bylines.get(id) ?? [],
    hero: row.heroSrc
      ? { src: row.heroSrc, alt: row.heroAlt ?? '', width: row.heroWidth ?? 1600, height: row.heroHeight ?? 900, credit: row.heroCredit ?? '' }
      : null,
    readingMinutes: readingMinutes(row.wordCount),
    commentCount: row.commentCount,
  };
}

/** Stories to read next: those sharing most tags, then the newest of the same section. */
export async function getRelatedArticles(articleId: number, sectionSlug: string | null): Promise<ArticleSummary[]> {
  'use cache';
  cacheLife('max');
  cacheTag(tags.article(articleId), sectionSlug ? tags.section(sectionSlug) : tags.home);
  if (isBuildPhase()) return [];
  const db = getDb();
  const shared = db
    .select({ articleId: articleTags.articleId, score: sql<number>`count(*)`.as('score') })
    .from(articleTags)
    .where(
      and(
        inArray(articleTags.tagId, db.select({ id: articleTags.tagId }).from(articleTags).where(eq(articleTags.articleId, articleId))),
        ne(articleTags.articleId, articleId),
      ),
    )
    .groupBy(articleTags.articleId)
    .as('shared');
  const byTags = await db
    .select({ id: articles.id })
    .from(shared)
    .innerJoin(articles, eq(articles.id, shared.articleId))
    .where(isPublished)
    .orderBy(desc(shared.score), desc(articles.publishedAt))
    .limit(3);
  const ids = byTags.map((row) => row.id);
  const picked = ids.length ? await summaries(inArray(articles.id, ids), 3) : [];
  picked.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  if (picked.length < 3 && sectionSlug) {
    const [section] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, sectionSlug));
    if (section) {
      const more = await summaries(and(eq(articles.sectionId, section.id), ne(articles.id, articleId)), 6);
      for (const article of more) {
        if (picked.length < 3 && !picked.some((p) => p.id === article.id)) picked.push(article);
      }
    }
  }
  return picked;
}

export interface Listing<T> {
  subject: T;
  articles: Page<ArticleSummary>;
}

export async function getSectionPage(slug: string, page: number) {
  'use cache';
  cacheLife('max');
  cacheTag(tags.section(slug), tags.sections);
  if (isBuildPhase() || !storable(slug)) return null;
  const [section] = await getDb().select().from(sections).where(eq(sections.slug, slug));
  if (!section) return null;
  const list = await paged(page, eq(articles.sectionId, section.id));
  return page > list.pageCount ? null : { subject: section, articles: list };
}

export async function getTagPage(slug: string, page: number) {
  'use cache';
  cacheLife('max');
  cacheTag(tags.tag(slug));
  if (isBuildPhase() || !storable(slug)) return null;
  const [tag] = await getDb().select().from(tagTable).where(eq(tagTable.slug, slug));
  if (!tag) return null;
  const list = await paged(page, undefined, 'tag', tag.id);
  return list.total === 0 || page > list.pageCount ? null : { subject: tag, articles: list };
}

export async function getAuthorPage(slug: string, page: number) {
  'use cache';
  cacheLife('max');
  cacheTag(tags.author(slug));
  if (isBuildPhase() || !storable(slug)) return null;
  const [author] = await getDb()
    .select({ id: users.id, name: users.name, slug: users.slug, bio: users.bio, role: users.role })
    .from(users)
    .where(eq(users.slug, slug));
  if (!author) return null;
  const list = await paged(page, undefined, 'author', author.id);
  // Readers have no author page: only people with a published byline do.
  return list.total === 0 || page > list.pageCount ? null : { subject: author, articles: list };
}

/** Newest published stories for feeds and the sitemap. */
export async function getLatestArticles(limit: number, sectionSlug?: string): Promise<ArticleSummary[]> {
  'use cache';
  cacheLife('max');
  cacheTag(tags.feed, sectionSlug ? tags.section(sectionSlug) : tags.home);
  if (isBuildPhase()) return [];
  if (!sectionSlug) return summaries(undefined, limit);
  if (!storable(sectionSlug)) return [];
  const [section] = await getDb().select({ id: sections.id }).from(sections).where(eq(sections.slug, sectionSlug));
  return section ? summaries(eq(articles.sectionId, section.id), limit) : [];
}
