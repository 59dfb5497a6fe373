import Link from 'next/link';
import type { UserListItem } from '@/lib/users';
import { StandingLabel } from './standing-label';

const joined = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** Everyone on this page of the list; a name opens that person's page, where an admin manages them. */
export function PeopleTable({ people }: { people: UserListItem[] }) {
  if (people.length === 0) return <p className="font-sans text-muted">Nobody matches these filters.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse font-sans text-sm">
        <thead>
          <tr className="border-b border-rule text-left">
            <th scope="col" className="py-2 pr-4">
              Name
            </th>
            <th scope="col" className="py-2 pr-4">
              Email
            </th>
            <th scope="col" className="py-2 pr-4">
              Role
            </th>
            <th scope="col" className="py-2 pr-4">
              Status
            </th>
            <th scope="col" className="py-2">
              Joined
            </th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id} className="border-b border-rule">
              <th scope="row" className="py-2 pr-4 text-left font-semibold">
                <Link href={`/dashboard/users/${person.id}`} className="underline">
                  {person.name}
                </Link>
              </th>
              <td className="py-2 pr-4 break-all">{person.email}</td>
              <td className="py-2 pr-4">{person.role}</td>
              <td className="py-2 pr-4">
                <StandingLabel person={person} />
              </td>
              <td className="py-2">
                <time dateTime={person.createdAt.toISOString()}>{joined.format(person.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
