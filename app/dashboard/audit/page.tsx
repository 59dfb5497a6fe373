import type { Metadata } from 'next';
import { AuditFilter } from '@/components/audit-filter';
import { AuditTable } from '@/components/audit-table';
import { Pagination } from '@/components/pagination';
import { auditFilterOptions, auditFilterSchema, listAuditEntries } from '@/lib/audit';
import { requireRole } from '@/lib/guards';

export const metadata: Metadata = { title: 'Audit log' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requireRole('admin', '/dashboard/audit');
  const raw = await searchParams;
  const filter = auditFilterSchema.parse({ action: first(raw.action), actor: first(raw.actor), page: first(raw.page) });
  const [entries, options] = await Promise.all([listAuditEntries(filter), auditFilterOptions()]);
  const query: Record<string, string> = {};
  if (filter.action) query.action = filter.action;
  if (filter.actor !== undefined) query.actor = String(filter.actor);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Audit log</h1>
      <p className="font-sans text-sm text-muted">Every change to people, sections, tags and stories, newest first.</p>
      <AuditFilter actions={options.actions} actors={options.actors} current={filter} />
      <p className="font-sans text-sm text-muted">
        {entries.total} {entries.total === 1 ? 'entry' : 'entries'}
      </p>
      <AuditTable entries={entries.items} />
      <Pagination basePath="/dashboard/audit" page={entries.page} pageCount={entries.pageCount} query={query} labels={{ previous: 'Newer', next: 'Older' }} />
    </div>
  );
}
