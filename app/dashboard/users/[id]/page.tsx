import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PersonButton, ResetPasswordForm, RoleForm, SuspendForm } from '@/components/person-controls.client';
import { StandingLabel } from '@/components/standing-label';
import { roles } from '@/db/schema';
import { requireRole } from '@/lib/guards';
import { findUser, standingOf } from '@/lib/users';
import { banPerson, changePersonRole, liftSuspension, resetPersonPassword, suspendPerson } from '../actions';

export const metadata: Metadata = { title: 'Person' };

const section = 'flex flex-col gap-3 border-t border-rule pt-6';

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const admin = await requireRole('admin', `/dashboard/users/${id}`);
  const person = /^[1-9]\d{0,9}$/.test(id) && Number(id) <= 2 ** 31 - 1 ? await findUser({ id: Number(id) }) : undefined;
  if (!person) notFound();
  const standing = standingOf(person);
  const self = person.id === admin.id;
  return (
    <div className="flex max-w-3xl flex-col gap-8 font-sans">
      <p className="text-sm">
        <Link href="/dashboard/users" className="underline">
          ← People
        </Link>
      </p>
      <header className="flex flex-col gap-2">
        <h1 className="font-serif text-3xl font-bold">{person.name}</h1>
        <p className="break-all">{person.email}</p>
        <p className="text-sm text-muted">
          {person.role} · <StandingLabel person={{ standing, suspendedUntil: person.suspendedUntil }} />
        </p>
      </header>

      {self ? (
        <p className="rounded border border-rule px-4 py-3 text-sm">
          This is your own account. You can’t change your own role or suspend yourself: ask another admin.
        </p>
      ) : (
        <>
          <section aria-labelledby="role" className={section}>
            <h2 id="role" className="text-xl font-bold">
              Role
            </h2>
            <RoleForm personId={person.id} role={person.role} roles={roles} action={changePersonRole} />
          </section>
          <section aria-labelledby="access" className={section}>
            <h2 id="access" className="text-xl font-bold">
              Suspend or ban
            </h2>
            <p className="text-sm text-muted">Either ends their sessions at once; they cannot sign in until it is over or lifted.</p>
            {/* Always the same three forms in the same places, so each keeps its outcome message after the page refreshes. */}
            <PersonButton
              personId={person.id}
              label={standing === 'banned' ? 'Lift ban' : 'Lift suspension'}
              disabled={standing === 'active'}
              action={liftSuspension}
            />
            <SuspendForm personId={person.id} action={suspendPerson} />
            <PersonButton personId={person.id} label="Ban permanently" disabled={standing === 'banned'} action={banPerson} />
          </section>
        </>
      )}
      <section aria-labelledby="password" className={section}>
        <h2 id="password" className="text-xl font-bold">
          Password
        </h2>
        <ResetPasswordForm personId={person.id} action={resetPersonPassword} />
      </section>
    </div>
  );
}
