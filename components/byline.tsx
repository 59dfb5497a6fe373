import Link from 'next/link';
import type { Byline as Author } from '@/lib/articles';

/** "By A, B and C", each name linking to the author's page. */
export function Byline({ authors, linked = true }: { authors: Author[]; linked?: boolean }) {
  if (authors.length === 0) return null;
  return (
    <span>
      By{' '}
      {authors.map((author, index) => (
        <span key={author.slug}>
          {index > 0 && (index === authors.length - 1 ? ' and ' : ', ')}
          {linked ? (
            <Link prefetch={false} href={`/authors/${author.slug}`} className="font-semibold hover:underline">
              {author.name}
            </Link>
          ) : (
            <span className="font-semibold">{author.name}</span>
          )}
        </span>
      ))}
    </span>
  );
}
