import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/lib/guards';
import { listStories } from '@/lib/editorial';
import { can } from '@/lib/permissions';
import { statusLabels } from '@/lib/workflow';

export const metadata: Metadata = { title: 'Overview' };

export default async function DashboardHome() {
  const user = await requireRole('contributor', '/dashboard');
  const [recent, review] = await Promise.all([
    listStories(user, { page: 1 }),
    can(user, 'review:queue') ? listStories(user, { page: 1, status: 'in_review' }) : null,
  ]);
  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Welcome, {user.name}</h1>
        <Link href="/dashboard/articles/new" className="rounded bg-[var(--ink)] px-4 py-2 font-semibold text-[var(--paper)]">
          New story
        </Link>
      </div>
      <section aria-labelledby="counts">
        <h2 id="counts" className="mb-3 text-lg font-bold">
          {can(user, 'review:queue') ? 'All stories' : 'Your stories'}
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          {Object.entries(recent.counts).map(([status, n]) => (
            <li key={status}>
              <Link href={`/dashboard/articles?status=${status}`} className="block rounded border border-rule p-3 hover:border-current">
                <span className="block text-2xl font-bold">{n}</span>
                <span className="text-sm text-muted">{statusLabels[status as keyof typeof statusLabels]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {review && (
        <section aria-labelledby="review">
          <h2 id="review" className="mb-3 text-lg font-bold">
            Waiting for review ({review.total})
          </h2>
          {review.items.length === 0 ? (
            <p className="text-muted">Nothing is waiting for review.</p>
          ) : (
            <ul className="divide-y divide-[var(--rule)]">
              {review.items.map((story) => (
                <li key={story.id} className="py-2">
                  <Link href={`/dashboard/articles/${story.id}`} className="font-semibold hover:underline">
                    {story.title}
                  </Link>{' '}
                  <span className="text-sm text-muted">by {story.authors.join(', ')}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <section aria-labelledby="recent">
        <h2 id="recent" className="mb-3 text-lg font-bold">
          Recently updated
        </h2>
        <ul className="divide-y divide-[var(--rule)]">
          {recent.items.slice(0, 10).map((story) => (
            <li key={story.id} className="flex flex-wrap justify-between gap-2 py-2">
              <Link href={`/dashboard/articles/${story.id}`} className="font-semibold hover:underline">
                {story.title}
              </Link>
              <span className="text-sm text-muted">{statusLabels[story.status]}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
