import Link from 'next/link';

/** Older/newer links as plain anchors: they work without JavaScript and crawlers follow them. */
export function Pagination({
  basePath,
  page,
  pageCount,
  query = {},
  labels = query.q ? { previous: 'Previous', next: 'More results' } : { previous: 'Newer stories', next: 'Older stories' },
  label = 'Pagination',
  fullLoad = false,
}: {
  basePath: string;
  page: number;
  pageCount: number;
  query?: Record<string, string>;
  /** The two links' words; by default they speak of stories, newest first. */
  labels?: { previous: string; next: string };
  label?: string;
  /**
   * Plain anchors that load the whole page: for a query the page reads only through a rewrite (a thread's
   * sort and page), which the client router would otherwise answer with the page it already has.
   */
  fullLoad?: boolean;
}) {
  const Anchor = fullLoad ? 'a' : Link;
  if (pageCount <= 1) return null;
  const href = (n: number) => {
    const search = new URLSearchParams({ ...query, ...(n > 1 ? { page: String(n) } : {}) }).toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  return (
    <nav aria-label={label} className="mt-12 flex items-center justify-between border-t border-rule pt-6 font-sans text-sm">
      {page > 1 ? (
        <Anchor href={href(page - 1)} rel="prev" className="font-semibold hover:underline">
          ← {labels.previous}
        </Anchor>
      ) : (
        <span />
      )}
      <span className="text-muted">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Anchor href={href(page + 1)} rel="next" className="font-semibold hover:underline">
          {labels.next} →
        </Anchor>
      ) : (
        <span />
      )}
    </nav>
  );
}
