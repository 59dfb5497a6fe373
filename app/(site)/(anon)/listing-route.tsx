import type { Metadata } from 'next';
import { NotFoundPage, notFoundMetadata } from '@/components/not-found-page';
import { Listing } from '@/components/listing';
import type { ArticleSummary } from '@/lib/articles';
import { parsePage, type Page } from '@/lib/pagination';
import { sentinelParams } from '@/lib/static-params';

interface Subject {
  slug: string;
  name: string;
}

interface ListingRoute<S extends Subject> {
  /** The public path prefix: /sections, /tags, /authors. */
  base: '/sections' | '/tags' | '/authors';
  kicker: string;
  load: (slug: string, page: number) => Promise<{ subject: S; articles: Page<ArticleSummary> } | null>;
  description: (subject: S) => string;
  feed?: boolean;
}

type Params = Promise<{ slug: string; page: string }>;

/**
 * Section, tag and author pages are one shape: a subject and its stories, page by page. Each is served
 * at <base>/<slug>?page=N through a rewrite to <base>/<slug>/<N>, so every page is prerendered.
 */
export function listingRoute<S extends Subject>({ base, kicker, load, description, feed }: ListingRoute<S>) {
  const find = async (params: Params) => {
    const { slug, page } = await params;
    const number = parsePage(page);
    return number ? load(slug, number) : null;
  };
  return {
    generateStaticParams: () => sentinelParams('slug', 'page'),

    async generateMetadata({ params }: { params: Params }): Promise<Metadata> {
      const found = await find(params);
      if (!found) return notFoundMetadata;
      const { subject, articles } = found;
      const path = `${base}/${subject.slug}`;
      return {
        title: articles.page > 1 ? `${subject.name}, page ${articles.page}` : subject.name,
        description: description(subject),
        alternates: {
          canonical: articles.page > 1 ? `${path}?page=${articles.page}` : path,
          ...(feed ? { types: { 'application/rss+xml': [{ url: `${path}/feed.xml`, title: subject.name }] } } : {}),
        },
      };
    },

    async Page({ params }: { params: Params }) {
      const found = await find(params);
      if (!found) return <NotFoundPage />;
      const { subject, articles } = found;
      const path = `${base}/${subject.slug}`;
      return (
        <Listing
          kicker={kicker}
          title={subject.name}
          description={description(subject)}
          basePath={path}
          articles={articles}
          feed={feed ? `${path}/feed.xml` : undefined}
        />
      );
    },
  };
}
