import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db/client';
import { articleAuthors, articles, articleTags, sections, tags as tagTable, users } from '@/db/schema';
import { tags } from './cache-tags';
import { isBuildPhase } from './env';

// A sitemap file holds at most 50,000 URLs.
const MAX_ARTICLES = 45_000;

export interface SitemapEntries {
  articles: Array<{ slug: string; updatedAt: Date }>;
  sections: string[];
  tags: string[];
  authors: string[];
}

export async function getSitemapEntries(): Promise<SitemapEntries> {
  'use cache';
  cacheLife('max');
  cacheTag(tags.sitemap, tags.home, tags.sections);
  if (isBuildPhase()) return { articles: [], sections: [], tags: [], authors: [] };
  const db = getDb();
  const published = eq(articles.status, 'published');
  const [articleRows, sectionRows, tagRows, authorRows] = await Promise.all([
    db.select({ slug: articles.slug, updatedAt: articles.updatedAt }).from(articles).where(published).orderBy(desc(articles.publishedAt)).limit(MAX_ARTICLES),
    db.select({ slug: sections.slug }).from(sections),
    db.selectDistinct({ slug: tagTable.slug }).from(tagTable).innerJoin(articleTags, eq(articleTags.tagId, tagTable.id)).innerJoin(articles, sql`${articles.id} = ${articleTags.articleId} and ${published}`),
    db.selectDistinct({ slug: users.slug }).from(users).innerJoin(articleAuthors, eq(articleAuthors.userId, users.id)).innerJoin(articles, sql`${articles.id} = ${articleAuthors.articleId} and ${published}`),
  ]);
  return {
    articles: articleRows,
    sections: sectionRows.map((row) => row.slug),
    tags: tagRows.map((row) => row.slug),
    authors: authorRows.map((row) => row.slug),
  };
}
