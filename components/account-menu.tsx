import Link from 'next/link';
import type { CurrentUser } from '@/lib/session';
import { unreadCount } from '@/lib/notifications';
import { isStaff } from '@/lib/permissions';

/**
 * The header's corner: who is signed in, their notifications, their places, and the way out — or the
 * way in. Rendered per request in the signed-in variant only, so the unread count costs nothing on
 * the prerendered anonymous pages.
 */
export async function AccountMenu({ user, signOut }: { user: CurrentUser | null; signOut: () => Promise<void> }) {
  if (!user) {
    return (
      <Link href="/login" className="font-semibold hover:underline">
        Sign in
      </Link>
    );
  }
  const unread = await unreadCount(user.id);
  return (
    <>
      <Link href="/account/notifications" aria-label={unread > 0 ? `Notifications, ${unread} unread` : undefined} className="hover:underline">
        Notifications
        {unread > 0 && (
          <span className="ml-1.5 inline-block rounded-full bg-[var(--accent)] px-1.5 text-xs leading-5 font-bold text-[var(--paper)]">{unread > 99 ? '99+' : unread}</span>
        )}
      </Link>
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
