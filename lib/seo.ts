import 'server-only';
import type { Metadata } from 'next';
import type { Article } from './articles';
import { env, siteUrl } from './env';

export function articleMetadata(article: Article): Metadata {
  const title = article.seoTitle || article.title;
  const description = article.seoDescription || article.dek || article.bodyText.slice(0, 160);
  const url = `/articles/${article.slug}`;
  const images = article.hero ? [{ url: article.hero.src, width: article.hero.width, height: article.hero.height, alt: article.hero.alt }] : [];
  return {
    title,
    description,
    alternates: { canonical: url },
    authors: article.authors.map((author) => ({ name: author.name, url: `/authors/${author.slug}` })),
    openGraph: {
      type: 'article',
      url,
      title,
      description,
      publishedTime: article.publishedAt.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      section: article.section?.name,
      tags: article.tags.map((tag) => tag.name),
      images,
    },
    twitter: { card: images.length ? 'summary_large_image' : 'summary', title, description, images: images.map((image) => image.url) },
  };
}

/** schema.org NewsArticle for the article page. */
export function articleJsonLd(article: Article): Record<string, unknown> {
  const base = siteUrl();
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.dek,
    mainEntityOfPage: `${base}/articles/${article.slug}`,
    datePublished: article.publishedAt.toISOString(),
    dateModified: article.updatedAt.toISOString(),
    articleSection: article.section?.name,
    keywords: article.tags.map((tag) => tag.name).join(', '),
    wordCount: article.wordCount,
    image: article.hero ? [`${base}${article.hero.src}`] : undefined,
    author: article.authors.map((author) => ({ '@type': 'Person', name: author.name, url: `${base}/authors/${author.slug}` })),
    publisher: { '@type': 'Organization', name: env().SITE_NAME, url: base },
  };
}
