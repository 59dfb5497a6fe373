import 'server-only';

/** Every cache tag the site uses, in one place, so a mutation can name exactly what it changes. */
export const tags = {
  article: (id: number) => `article:${id}`,
  articleSlug: (slug: string) => `article-slug:${slug}`,
  home: 'list:home',
  section: (slug: string) => `section:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  author: (slug: string) => `author:${slug}`,
  sections: 'sections',
  feed: 'feed',
  sitemap: 'sitemap',
  comments: (articleId: number) => `comments:${articleId}`,
} as const;
