import type { Metadata } from 'next';
import { NewPersonForm } from '@/components/new-person-form.client';
import { Pagination } from '@/components/pagination';
import { PeopleFilter } from '@/components/people-filter';
import { PeopleTable } from '@/components/people-table';
import { roles } from '@/db/schema';
import { requireRole } from '@/lib/guards';
import { listUsers, standings, userListSchema } from '@/lib/users';
import { createPerson } from './actions';

export const metadata: Metadata = { title: 'People' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function PeoplePage({ searchParams }: { searchParams: SearchParams }) {
  await requireRole('admin', '/dashboard/users');
  const raw = await searchParams;
  const filter = userListSchema.parse({ q: first(raw.q), role: first(raw.role), status: first(raw.status), page: first(raw.page) });
  const people = await listUsers(filter);
  const query = Object.fromEntries(Object.entries({ q: filter.q, role: filter.role, status: filter.status }).filter((entry): entry is [string, string] => !!entry[1]));
  return (
    <div className="flex flex-col gap-10">
      <div className="flex flex-col gap-6">
        <h1 className="text-3xl font-bold">People</h1>
        <PeopleFilter roles={roles} standings={standings} current={filter} />
        <p className="font-sans text-sm text-muted" aria-live="polite">
          {people.total} {people.total === 1 ? 'person' : 'people'}
        </p>
        <PeopleTable people={people.items} />
        <Pagination basePath="/dashboard/users" page={people.page} pageCount={people.pageCount} query={query} labels={{ previous: 'Previous', next: 'Next' }} />
      </div>
      <section aria-labelledby="new-person" className="flex flex-col gap-4 border-t border-rule pt-8">
        <h2 id="new-person" className="text-2xl font-bold">
          New staff account
        </h2>
        <NewPersonForm action={createPerson} roles={roles} />
      </section>
    </div>
  );
}
