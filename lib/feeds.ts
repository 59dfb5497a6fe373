import 'server-only';
import { Feed } from 'feed';
import { getLatestArticles } from './articles';
import { env, siteUrl } from './env';
import { getSections } from './sections';

const FEED_SIZE = 30;

/** RSS 2.0 of the newest stories, for the whole magazine or one section; null for an unknown section. */
export async function renderFeed(sectionSlug?: string): Promise<string | null> {
  const base = siteUrl();
  const name = env().SITE_NAME;
  let title = `${name} — latest stories`;
  let link = `${base}/`;
  if (sectionSlug) {
    const section = (await getSections()).find((s) => s.slug === sectionSlug);
    if (!section) return null;
    title = `${name} — ${section.name}`;
    link = `${base}/sections/${section.slug}`;
  }
  const articles = await getLatestArticles(FEED_SIZE, sectionSlug);
  const feed = new Feed({
    title,
    id: link,
    link,
    language: 'en',
    description: `The newest stories from ${name}.`,
    copyright: `© ${name}`,
    updated: articles[0]?.updatedAt,
    feedLinks: { rss: sectionSlug ? `${link}/feed.xml` : `${base}/feed.xml` },
  });
  for (const article of articles) {
    const url = `${base}/articles/${article.slug}`;
    feed.addItem({
      title: article.title,
      id: url,
      link: url,
      description: article.dek,
      date: article.publishedAt,
      author: article.authors.map((author) => ({ name: author.name, link: `${base}/authors/${author.slug}` })),
      category: article.section ? [{ name: article.section.name, domain: `${base}/sections/${article.section.slug}` }] : [],
      image: article.hero ? { url: `${base}${article.hero.src}`, type: 'image/webp' } : undefined,
    });
  }
  return feed.rss2();
}

export function feedResponse(xml: string | null): Response {
  if (xml === null) return new Response('No such section.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=300' } });
}
