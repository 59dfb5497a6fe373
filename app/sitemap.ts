import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { siteUrl } from '@/lib/env';
import { getSitemapEntries } from '@/lib/sitemap';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection(); // rendered per request from cached data: a build-time copy would be empty
  const base = siteUrl();
  const entries = await getSitemapEntries();
  return [
    { url: `${base}/`, changeFrequency: 'hourly', priority: 1 },
    ...entries.sections.map((slug) => ({ url: `${base}/sections/${slug}`, changeFrequency: 'daily' as const, priority: 0.8 })),
    ...entries.articles.map(({ slug, updatedAt }) => ({ url: `${base}/articles/${slug}`, lastModified: updatedAt, priority: 0.7 })),
    ...entries.tags.map((slug) => ({ url: `${base}/tags/${slug}`, priority: 0.4 })),
    ...entries.authors.map((slug) => ({ url: `${base}/authors/${slug}`, priority: 0.4 })),
  ];
}
