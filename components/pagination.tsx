import Link from 'next/link';

/** Older/newer links as plain anchors: they work without JavaScript and crawlers follow them. */
export function Pagination({
  basePath,
  page,
  pageCount,
  query = {},
  labels = query.q ? { previous: 'Previous', next: 'More results' } : { previous: 'Newer stories', next: 'Older stories' },
}: {
  basePath: string;
  page: number;
  pageCount: number;
  query?: Record<string, string>;
  /** The two links' words; by default they speak of stories, newest first. */
  labels?: { previous: string; next: string };
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
          ← {labels.previous}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-muted">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} rel="next" className="font-semibold hover:underline">
          {labels.next} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
