import Image from 'next/image';
import Link from 'next/link';
import type { Article, ArticleSummary } from '@/lib/articles';
import { ArticleBody } from './article-body';
import { ArticleCard } from './article-card';
import { Byline } from './byline';
import { PublishedDate } from './published-date';

/** A whole story as readers see it; `children` is what follows the text (the comment thread). */
export function ArticleView({ article, related, children }: { article: Article; related: ArticleSummary[]; children?: React.ReactNode }) {
  return (
    <article className="py-10">
      <header className="mx-auto max-w-3xl text-center">
        {article.section && (
          <Link prefetch={false} href={`/sections/${article.section.slug}`} className="kicker hover:underline">
            {article.section.name}
          </Link>
        )}
        <h1 className="mt-4 text-4xl leading-[1.08] font-bold tracking-tight text-balance sm:text-6xl">{article.title}</h1>
        {article.dek && <p className="mx-auto mt-5 max-w-2xl text-xl leading-relaxed text-muted sm:text-2xl">{article.dek}</p>}
        <p className="mt-6 font-sans text-sm">
          <Byline authors={article.authors} />
        </p>
        <p className="mt-1 font-sans text-sm text-muted">
          <PublishedDate date={article.publishedAt} /> · {article.readingMinutes} min read
        </p>
      </header>
      {article.hero && (
        <figure className="mx-auto mt-10 max-w-5xl">
          <Image
            src={article.hero.src}
            alt={article.hero.alt}
            width={article.hero.width}
            height={article.hero.height}
            sizes="(min-width: 1024px) 64rem, 100vw"
            priority
            className="aspect-[16/9] h-auto w-full object-cover"
          />
          {article.hero.credit && <figcaption className="mt-2 font-sans text-xs text-muted">{article.hero.credit}</figcaption>}
        </figure>
      )}
      <div className="mx-auto mt-10 max-w-2xl">
        <ArticleBody doc={article.body} />
        {article.tags.length > 0 && (
          <ul aria-label="Tags" className="mt-12 flex flex-wrap gap-2 font-sans text-sm">
            {article.tags.map((tag) => (
              <li key={tag.slug}>
                <Link prefetch={false} href={`/tags/${tag.slug}`} className="inline-block rounded-full border border-rule px-3 py-1 hover:border-current">
                  {tag.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      {children}
      {related.length > 0 && (
        <aside aria-labelledby="related" className="mx-auto mt-20 max-w-5xl border-t-2 border-current pt-6">
          <h2 id="related" className="mb-8 font-sans text-sm font-bold tracking-[0.14em] uppercase">
            Read next
          </h2>
          <div className="grid gap-8 sm:grid-cols-3">
            {related.map((story) => (
              <ArticleCard key={story.id} article={story} />
            ))}
          </div>
        </aside>
      )}
    </article>
  );
}
