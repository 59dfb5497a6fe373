import Image from 'next/image';
import Link from 'next/link';
import type { ArticleSummary } from '@/lib/articles';
import { PublishedDate } from './published-date';

type Variant = 'lead' | 'standard' | 'compact';

/** A story in a list: the lead gets a large picture and headline, compact ones no picture. */
export function ArticleCard({
  article,
  variant = 'standard',
  priority = false,
  level = 3,
}: {
  article: ArticleSummary;
  variant?: Variant;
  priority?: boolean;
  /** The headline's heading level under the page's own headings. */
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const href = `/articles/${article.slug}`;
  const headline = {
    lead: 'text-3xl sm:text-5xl font-bold leading-[1.05] tracking-tight',
    standard: 'text-xl font-bold leading-snug',
    compact: 'text-lg font-semibold leading-snug',
  }[variant];
  return (
    <article className={variant === 'lead' ? 'grid gap-6 lg:grid-cols-[3fr_2fr] lg:items-end' : 'flex flex-col gap-3'}>
      {article.hero && variant !== 'compact' && (
        <Link prefetch={false} href={href} tabIndex={-1} aria-hidden="true" className="block overflow-hidden">
          <Image
            src={article.hero.src}
            alt=""
            width={article.hero.width}
            height={article.hero.height}
            sizes={variant === 'lead' ? '(min-width: 1024px) 60vw, 100vw' : '(min-width: 1024px) 22vw, (min-width: 640px) 45vw, 100vw'}
            priority={priority}
            className="aspect-[16/9] h-auto w-full object-cover transition-transform duration-300 hover:scale-[1.02]"
          />
        </Link>
      )}
      <div className="flex flex-col gap-2">
        {article.section && (
          <Link prefetch={false} href={`/sections/${article.section.slug}`} className="kicker hover:underline">
            {article.section.name}
          </Link>
        )}
        <Heading className={headline}>
          <Link prefetch={false} href={href} className="hover:underline decoration-2">
            {article.title}
          </Link>
        </Heading>
        {variant !== 'compact' && article.dek && <p className={variant === 'lead' ? 'text-xl text-muted' : 'text-muted'}>{article.dek}</p>}
        <p className="font-sans text-xs text-muted">
          {article.authors.map((author) => author.name).join(', ')}
          {article.authors.length > 0 && ' · '}
          <PublishedDate date={article.publishedAt} /> · {article.readingMinutes} min read
          {article.commentCount > 0 && ` · ${article.commentCount} ${article.commentCount === 1 ? 'comment' : 'comments'}`}
        </p>
      </div>
    </article>
  );
}
