import type { Metadata } from 'next';
import Link from 'next/link';
import { button } from '@/components/form-styles';
import { ModerationLogTable } from '@/components/moderation-log-table';
import { Pagination } from '@/components/pagination';
import { requireRole } from '@/lib/guards';
import { getModerationLog } from '@/lib/moderation';

export const metadata: Metadata = { title: 'Moderation log' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function ModerationLogPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireRole('editor', '/dashboard/comments/log');
  const raw = await searchParams;
  const page = Number(first(raw.page));
  const includeHolds = first(raw.holds) === '1';
  const log = await getModerationLog(user, { page: Number.isSafeInteger(page) && page >= 1 ? page : 1, includeHolds });
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm">
        <Link href="/dashboard/comments" className="underline">
          ← Comments
        </Link>
      </p>
      <h1 className="text-3xl font-bold">Moderation log</h1>
      <p className="text-sm text-muted">Every decision on a comment, newest first.</p>
      <form method="get" action="/dashboard/comments/log" aria-label="Moderation log" className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2 font-semibold">
          <input type="checkbox" name="holds" value="1" defaultChecked={includeHolds} className="h-4 w-4" />
          Include comments held by the rules
        </label>
        <button type="submit" className={button}>
          Show
        </button>
      </form>
      <p className="text-sm text-muted">
        {log.total} {log.total === 1 ? 'entry' : 'entries'}
      </p>
      <ModerationLogTable entries={log.items} />
      <Pagination
        basePath="/dashboard/comments/log"
        page={log.page}
        pageCount={log.pageCount}
        query={includeHolds ? { holds: '1' } : {}}
        labels={{ previous: 'Newer', next: 'Older' }}
      />
    </div>
  );
}
