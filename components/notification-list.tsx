import Link from 'next/link';
import type { FormAction } from './action-form.client';
import { ActionForm } from './action-form.client';
import { button } from './form-styles';
import { notificationHref, notificationText, type NotificationItem } from '@/lib/notifications';

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });

/** A reader's notifications, newest first: unread ones marked in words and in weight, each with its own "Mark as read". */
export function NotificationList({ items, markRead }: { items: NotificationItem[]; markRead: FormAction }) {
  return (
    <ol className="flex flex-col divide-y divide-rule border-y border-rule font-sans">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center justify-between gap-3 py-4">
          <div className="flex min-w-0 flex-col gap-1">
            <p className={item.read ? '' : 'font-semibold'}>
              {!item.read && (
                <>
                  <span aria-hidden="true" className="mr-2 inline-block size-2 rounded-full bg-[var(--accent)] align-middle" />
                  <span className="sr-only">Unread: </span>
                </>
              )}
              {/* User-written names and titles are rendered as text, never as markup. */}
              <Link href={notificationHref(item)} className="underline-offset-2 hover:underline">
                {notificationText(item)}
              </Link>
            </p>
            <time dateTime={item.createdAt.toISOString()} className="text-sm text-muted">
              {when.format(item.createdAt)}
            </time>
          </div>
          {!item.read && (
            <ActionForm action={markRead}>
              <input type="hidden" name="notificationId" value={item.id} />
              <button type="submit" className={button}>
                Mark as read
              </button>
            </ActionForm>
          )}
        </li>
      ))}
    </ol>
  );
}
