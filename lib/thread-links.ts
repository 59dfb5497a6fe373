// Where a story's thread, or one comment in it, lives: public URLs with the thread's sort and page as a
// query (next.config.js rewrites them to prerendered routes). Pure: links are built by pages and actions.

export const threadSortNames = ['newest', 'oldest', 'top'] as const;
export type ThreadSortName = (typeof threadSortNames)[number];

/** The order a thread opens in: the conversation as it is now. */
export const DEFAULT_SORT: ThreadSortName = 'newest';

export function isThreadSort(value: unknown): value is ThreadSortName {
  return typeof value === 'string' && (threadSortNames as readonly string[]).includes(value);
}

/** `/articles/<slug>?sort=…&page=…#<anchor>`, leaving out what is the default. */
export function threadHref(slug: string, { sort = DEFAULT_SORT, page = 1 }: { sort?: ThreadSortName; page?: number } = {}, anchor = 'comments'): string {
  const query = new URLSearchParams();
  if (sort !== DEFAULT_SORT) query.set('sort', sort);
  if (page > 1) query.set('page', String(page));
  const search = query.toString();
  return `/articles/${slug}${search ? `?${search}` : ''}${anchor ? `#${anchor}` : ''}`;
}
