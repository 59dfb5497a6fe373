import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/action-form.client';
import { primaryButton } from '@/components/form-styles';
import { NotificationList } from '@/components/notification-list';
import { Pagination } from '@/components/pagination';
import { requireRole } from '@/lib/guards';
import { listNotifications, unreadCount } from '@/lib/notifications';
import { markAllNotificationsRead, markNotificationRead } from '../../actions';

export const metadata: Metadata = { title: 'Notifications', robots: { index: false } };
export const instant = false;

export default async function NotificationsPage({ searchParams }: PageProps<'/account/notifications'>) {
  // The proxy only checked that a session token exists: check the person against the database here.
  const user = await requireRole('reader', '/account/notifications');
  const raw = (await searchParams).page;
  const page = typeof raw === 'string' && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
  const [list, unread] = await Promise.all([listNotifications(user.id, { page }), unreadCount(user.id)]);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-8 py-16">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-4xl font-bold tracking-tight">Notifications</h1>
          <p className="mt-2 font-sans text-muted">{unread === 0 ? 'Nothing unread.' : unread === 1 ? '1 unread.' : `${unread} unread.`}</p>
        </div>
        {unread > 0 && (
          <ActionForm action={markAllNotificationsRead}>
            <button type="submit" className={primaryButton}>
              Mark all as read
            </button>
          </ActionForm>
        )}
      </div>
      {list.items.length === 0 ? (
        <p className="font-sans">
          {list.total === 0 ? 'When someone replies to one of your comments, or a moderator approves one, you will see it here.' : 'There is nothing on this page.'}
        </p>
      ) : (
        <NotificationList items={list.items} markRead={markNotificationRead} />
      )}
      <Pagination basePath="/account/notifications" page={list.page} pageCount={list.pageCount} labels={{ previous: 'Newer', next: 'Older' }} />
      <p className="font-sans text-sm">
        Want them by email too? Choose on{' '}
        <Link href="/account" className="font-semibold underline">
          your account page
        </Link>
        .
      </p>
    </div>
  );
}
