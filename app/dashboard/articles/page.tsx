import type { Metadata } from 'next';
import Link from 'next/link';
import { button, field, input, primaryButton } from '@/components/form-styles';
import { Pagination } from '@/components/pagination';
import { StoryTable } from '@/components/story-table';
import { articleStatuses } from '@/db/schema';
import { listEditorOptions } from '@/lib/editor-options';
import { DASHBOARD_PAGE_SIZE, listFiltersSchema, listStories } from '@/lib/editorial';
import { requireRole } from '@/lib/guards';
import { can } from '@/lib/permissions';
import { statusLabels } from '@/lib/workflow';

export const metadata: Metadata = { title: 'Stories' };

export default async function StoriesPage({ searchParams }: PageProps<'/dashboard/articles'>) {
  const user = await requireRole('contributor', '/dashboard/articles');
  const raw = await searchParams;
  const filters = listFiltersSchema.parse(Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
  const reviews = can(user, 'review:queue');
  const filtering = Boolean(filters.status || filters.section || filters.author || filters.q);
  const [list, queue, options] = await Promise.all([
    listStories(user, filters),
    reviews && !filtering && filters.page === 1 ? listStories(user, { status: 'in_review', page: 1 }) : null,
    listEditorOptions(),
  ]);
  const all = Object.values(list.counts).reduce((sum, n) => sum + n, 0);
  // Links keep the other filters; the status tabs replace the status, and every change starts at page 1.
  const query = (patch: Record<string, string | undefined>) => {
    const params = { status: filters.status, section: filters.section?.toString(), author: filters.author?.toString(), q: filters.q, ...patch };
    return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));
  };
  const href = (patch: Record<string, string | undefined>) => {
    const search = new URLSearchParams(query(patch)).toString();
    return search ? `/dashboard/articles?${search}` : '/dashboard/articles';
  };
  const pageCount = Math.max(1, Math.ceil(list.total / DASHBOARD_PAGE_SIZE));
  const tabs = [{ status: undefined, label: 'All', n: all }, ...articleStatuses.map((status) => ({ status, label: statusLabels[status], n: list.counts[status] }))];

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{reviews ? 'Stories' : 'Your stories'}</h1>
        <Link href="/dashboard/articles/new" className={primaryButton}>
          New story
        </Link>
      </div>
      {raw.deleted === '1' && (
        <p role="status" className="rounded border border-rule px-4 py-3 text-sm">
          The story was deleted.
        </p>
      )}

      {queue && (
        <section aria-labelledby="review-queue">
          <h2 id="review-queue" className="mb-3 text-lg font-bold">
            Review queue ({queue.total})
          </h2>
          {queue.items.length === 0 ? (
            <p className="text-sm text-muted">Nothing is waiting for review.</p>
          ) : (
            <ul className="divide-y divide-[var(--rule)] rounded border border-rule px-4">
              {queue.items.map((story) => (
                <li key={story.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                  <Link href={`/dashboard/articles/${story.id}`} className="font-semibold hover:underline">
                    {story.title}
                  </Link>
                  <span className="text-sm text-muted">
                    by {story.authors.join(', ') || 'nobody'}
                    {story.sectionName && ` · ${story.sectionName}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <nav aria-label="Stories by status">
        <ul className="flex flex-wrap gap-2 text-sm">
          {tabs.map((tab) => {
            const current = filters.status === tab.status;
            return (
              <li key={tab.label}>
                <Link
                  href={href({ status: tab.status, page: undefined })}
                  aria-current={current ? 'page' : undefined}
                  className={`inline-block rounded-full border px-3 py-1 font-semibold ${current ? 'border-[var(--ink)] bg-[var(--ink)] text-[var(--paper)]' : 'border-rule hover:border-current'}`}
                >
                  {tab.label} <span className={current ? '' : 'text-muted'}>{tab.n}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <form method="get" action="/dashboard/articles" role="search" aria-label="Filter stories" className="flex flex-wrap items-end gap-3">
        {filters.status && <input type="hidden" name="status" value={filters.status} />}
        <label className={`${field} min-w-56 flex-1`}>
          Search stories
          <input type="search" name="q" defaultValue={filters.q ?? ''} className={input} />
        </label>
        <label className={field}>
          Section
          <select name="section" defaultValue={filters.section?.toString() ?? ''} className={input}>
            <option value="">All sections</option>
            {options.sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
        {reviews && (
          <label className={field}>
            Author
            <select name="author" defaultValue={filters.author?.toString() ?? ''} className={input}>
              <option value="">Anyone</option>
              {options.staff.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" className={button}>
          Filter
        </button>
        {filtering && (
          <Link href={filters.status ? href({ status: filters.status, section: undefined, author: undefined, q: undefined }) : '/dashboard/articles'} className="py-1.5 text-sm font-semibold underline">
            Clear filters
          </Link>
        )}
      </form>

      <section aria-labelledby="story-list">
        <h2 id="story-list" className="mb-3 text-lg font-bold">
          {filters.status ? statusLabels[filters.status] : 'All stories'} <span className="text-base font-normal text-muted">({list.total})</span>
        </h2>
        {list.items.length === 0 ? (
          <p className="text-muted">{filtering ? 'No stories match these filters.' : 'No stories yet. Start one with “New story”.'}</p>
        ) : (
          <StoryTable stories={list.items} caption={filters.status ? `${statusLabels[filters.status]} stories` : 'All stories'} />
        )}
        <Pagination basePath="/dashboard/articles" page={filters.page} pageCount={pageCount} query={query({})} />
      </section>
    </div>
  );
}
