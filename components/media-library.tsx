import Link from 'next/link';
import type { FormState } from '@/lib/action';
import type { LibraryItem } from '@/lib/media';
import type { Page } from '@/lib/pagination';
import { MediaCard } from './media-card';

/** The library's grid of images, newest first, with a search box and page links that work without JavaScript. */
export function MediaLibrary({
  library,
  query,
  canManage,
  deleteAction,
}: {
  library: Page<LibraryItem>;
  query: string;
  canManage: (item: LibraryItem) => boolean;
  deleteAction: (state: FormState, form: FormData) => Promise<FormState>;
}) {
  const href = (page: number) => {
    const search = new URLSearchParams({ ...(query ? { q: query } : {}), ...(page > 1 ? { page: String(page) } : {}) }).toString();
    return search ? `/dashboard/media?${search}` : '/dashboard/media';
  };
  return (
    <section aria-labelledby="library-heading" className="flex flex-col gap-4 font-sans">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id="library-heading" className="text-xl font-bold">
          Library <span className="text-base font-normal text-muted">({library.total} {library.total === 1 ? 'image' : 'images'})</span>
        </h2>
        <form role="search" action="/dashboard/media" className="flex items-end gap-2 text-sm">
          <label className="flex flex-col gap-1 font-semibold">
            Search images
            <input type="search" name="q" defaultValue={query} maxLength={100} className="rounded border border-rule bg-transparent px-3 py-1 text-base font-normal" />
          </label>
          <button type="submit" className="rounded border border-rule px-3 py-1 font-semibold hover:border-current">
            Search
          </button>
        </form>
      </div>
      {library.items.length === 0 ? (
        <p className="text-muted">{query ? `No images match “${query}”.` : 'No images yet. Upload the first one above.'}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {library.items.map((item) => (
            <MediaCard key={item.id} item={item} canManage={canManage(item)} deleteAction={deleteAction} />
          ))}
        </ul>
      )}
      {library.pageCount > 1 && (
        <nav aria-label="Library pages" className="flex items-center justify-between border-t border-rule pt-4 text-sm">
          {library.page > 1 ? (
            <Link href={href(library.page - 1)} rel="prev" className="font-semibold hover:underline">
              ← Newer images
            </Link>
          ) : (
            <span />
          )}
          <span className="text-muted">
            Page {library.page} of {library.pageCount}
          </span>
          {library.page < library.pageCount ? (
            <Link href={href(library.page + 1)} rel="next" className="font-semibold hover:underline">
              Older images →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </section>
  );
}
