import Link from 'next/link';
import type { CurrentUser } from '@/lib/session';
import { isStaff } from '@/lib/permissions';

/** The header's corner: who is signed in, their places, and the way out — or the way in. */
export function AccountMenu({ user, signOut }: { user: CurrentUser | null; signOut: () => Promise<void> }) {
  if (!user) {
    return (
      <Link href="/login" className="font-semibold hover:underline">
        Sign in
      </Link>
    );
  }
  return (
    <>
      <Link href="/account" className="hover:underline">
        {user.name}
      </Link>
      {isStaff(user.role) && (
        <Link href="/dashboard" className="hover:underline">
          Dashboard
        </Link>
      )}
      <form action={signOut}>
        <button type="submit" className="rounded border border-rule px-3 py-1 font-semibold hover:border-current">
          Sign out
        </button>
      </form>
    </>
  );
}
