import type { Standing } from '@/lib/users';

const until = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** Active, banned, or suspended until when. */
export function StandingLabel({ person }: { person: { standing: Standing; suspendedUntil: Date | null } }) {
  if (person.standing === 'suspended' && person.suspendedUntil) {
    return (
      <>
        suspended until <time dateTime={person.suspendedUntil.toISOString()}>{until.format(person.suspendedUntil)} UTC</time>
      </>
    );
  }
  return <>{person.standing}</>;
}
