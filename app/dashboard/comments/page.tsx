import type { Metadata } from 'next';
import Link from 'next/link';
import { ModerationQueue, QueueTabs, tabLabels } from '@/components/moderation-queue';
import { Pagination } from '@/components/pagination';
import { takeFlash } from '@/lib/flash';
import { requireRole } from '@/lib/guards';
import { getModerationQueue, getQueueCounts, queueFilterSchema } from '@/lib/moderation';
import { atLeast } from '@/lib/permissions';
import { banCommentAuthor, featureCommentAction, moderateComments } from './actions';

export const metadata: Metadata = { title: 'Comments' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function CommentsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole('editor', '/dashboard/comments');
  const raw = await searchParams;
  const filter = queueFilterSchema.parse({ tab: first(raw.tab), page: first(raw.page) });
  const [queue, counts, flash] = await Promise.all([getModerationQueue(user, filter), getQueueCounts(user), takeFlash()]);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-bold">Comments</h1>
        <p className="text-sm">
          <Link href="/dashboard/comments/log" className="underline">
            Moderation log
          </Link>
          {atLeast(user.role, 'admin') && (
            <>
              {' · '}
              <Link href="/dashboard/settings" className="underline">
                Comment rules
              </Link>
            </>
          )}
        </p>
      </div>
      <QueueTabs current={queue.tab} counts={counts} />
      <p className="text-sm text-muted" aria-live="polite">
        {tabLabels[queue.tab]}: {queue.total} {queue.total === 1 ? 'comment' : 'comments'}
      </p>
      <ModerationQueue
        tab={queue.tab}
        items={queue.items}
        actions={{ moderate: moderateComments, feature: featureCommentAction, ban: banCommentAuthor }}
        moderator={{ id: user.id, isAdmin: atLeast(user.role, 'admin') }}
        flash={flash}
      />
      <Pagination
        basePath="/dashboard/comments"
        page={queue.page}
        pageCount={queue.pageCount}
        query={queue.tab === 'pending' ? {} : { tab: queue.tab }}
        labels={{ previous: 'Previous', next: 'Next' }}
      />
    </div>
  );
}
