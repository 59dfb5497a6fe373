import type { ArticleSummary } from '@/lib/articles';
import type { Page } from '@/lib/pagination';
import { ArticleGrid } from './article-list';
import { Pagination } from './pagination';

/** A section, tag or author page: who or what it is, then its stories, newest first. */
export function Listing({
  kicker,
  title,
  description,
  basePath,
  articles,
  feed,
}: {
  kicker: string;
  title: string;
  description?: string;
  basePath: string;
  articles: Page<ArticleSummary>;
  feed?: string;
}) {
  return (
    <div className="py-10">
      <header className="mb-12 border-b border-rule pb-8">
        <p className="kicker">{kicker}</p>
        <h1 className="mt-3 text-4xl font-bold tracking-tight sm:text-6xl">{title}</h1>
        {description && <p className="mt-4 max-w-2xl text-xl text-muted">{description}</p>}
        <p className="mt-4 font-sans text-sm text-muted">
          {articles.total} {articles.total === 1 ? 'story' : 'stories'}
          {articles.page > 1 && ` · page ${articles.page} of ${articles.pageCount}`}
          {feed && (
            <>
              {' · '}
              <a href={feed} className="underline">
                RSS feed
              </a>
            </>
          )}
        </p>
      </header>
      <ArticleGrid articles={articles.items} level={2} />
      <Pagination basePath={basePath} page={articles.page} pageCount={articles.pageCount} />
    </div>
  );
}
