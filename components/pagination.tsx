import Link from 'next/link';

/** Older/newer links as plain anchors: they work without JavaScript and crawlers follow them. */
export function Pagination({
  basePath,
  page,
  pageCount,
  query = {},
}: {
  basePath: string;
  page: number;
  pageCount: number;
  query?: Record<string, string>;
}) {
  if (pageCount <= 1) return null;
  const href = (n: number) => {
    const search = new URLSearchParams({ ...query, ...(n > 1 ? { page: String(n) } : {}) }).toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  return (
    <nav aria-label="Pagination" className="mt-12 flex items-center justify-between border-t border-rule pt-6 font-sans text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className="font-semibold hover:underline">
          ← {query.q ? 'Previous' : 'Newer stories'}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className="font-semibold hover:underline">
          {query.q ? 'More results' : 'Older stories'} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
