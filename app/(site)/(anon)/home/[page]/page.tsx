import type { Metadata } from 'next';
import { NotFoundPage, notFoundMetadata } from '@/components/not-found-page';
import Link from 'next/link';
import { ArticleCard } from '@/components/article-card';
import { ArticleGrid } from '@/components/article-list';
import { Pagination } from '@/components/pagination';
import { getHomePage } from '@/lib/articles';
import { parsePage } from '@/lib/pagination';
import { sentinelParams } from '@/lib/static-params';

// Served at / and /?page=N through rewrites in next.config.js, so the front page is prerendered.
export const generateStaticParams = () => sentinelParams('page');

export async function generateMetadata({ params }: PageProps<'/home/[page]'>): Promise<Metadata> {
  const page = parsePage((await params).page);
  if (!page || !(await getHomePage(page))) return notFoundMetadata;
  return page > 1 ? { title: `Latest stories, page ${page}`, alternates: { canonical: `/?page=${page}` } } : { alternates: { canonical: '/' } };
}

export default async function HomePage({ params }: PageProps<'/home/[page]'>) {
  const page = parsePage((await params).page);
  const home = page ? await getHomePage(page) : null;
  if (!page || !home) return <NotFoundPage />;
  return (
    <div className="py-10">
      <h1 className="sr-only">{page === 1 ? 'Front page' : `Latest stories, page ${page}`}</h1>
      {home.lead && (
        <section aria-label="Lead story" className="border-b border-rule pb-12">
          <ArticleCard article={home.lead} variant="lead" level={2} priority />
        </section>
      )}
      {home.latest.items.length > 0 && (
        <section aria-labelledby="latest" className="py-12">
          <h2 id="latest" className="mb-8 border-b-2 border-current pb-2 font-sans text-sm font-bold tracking-[0.14em] uppercase">
            Latest
          </h2>
          <ArticleGrid articles={home.latest.items} />
          <Pagination basePath="/" page={page} pageCount={home.latest.pageCount} />
        </section>
      )}
      {home.rails.map(({ section, articles }) => (
        <section key={section.slug} aria-labelledby={`rail-${section.slug}`} className="py-10">
          <div className="mb-6 flex items-baseline justify-between border-b-2 border-current pb-2">
            <h2 id={`rail-${section.slug}`} className="font-sans text-sm font-bold tracking-[0.14em] uppercase">
              {section.name}
            </h2>
            <Link prefetch={false} href={`/sections/${section.slug}`} className="font-sans text-sm hover:underline">
              More {section.name} <span aria-hidden="true">→</span>
            </Link>
          </div>
          <div className="grid gap-8 sm:grid-cols-2 lg:grid-cols-4">
            {articles.map((article) => (
              <ArticleCard key={article.id} article={article} variant="compact" />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
