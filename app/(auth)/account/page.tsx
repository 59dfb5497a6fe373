import type { Metadata } from 'next';
import Link from 'next/link';
import { DeleteAccountForm, PasswordForm, ProfileForm } from '@/components/account-forms.client';
import { EmailPreferenceForm } from '@/components/email-preference-form.client';
import { flashFor, takeFlash } from '@/lib/flash';
import { requireRole } from '@/lib/guards';
import { unreadCount, wantsEmail } from '@/lib/notifications';
import { changePassword, deleteAccount, saveEmailPreference, saveProfile } from '../actions';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };
export const instant = false;

export default async function AccountPage() {
  const user = await requireRole('reader', '/account');
  const [emailOn, unread, flash] = await Promise.all([wantsEmail(user.id), unreadCount(user.id), takeFlash()]);
  return (
    <div className="mx-auto flex max-w-lg flex-col gap-12 py-16">
      <h1 className="text-4xl font-bold tracking-tight">Your account</h1>
      <section aria-labelledby="details" className="flex flex-col gap-4">
        <h2 id="details" className="text-2xl font-bold">
          Your details
        </h2>
        <ProfileForm action={saveProfile} name={user.name} email={user.email} />
      </section>
      <section aria-labelledby="notifications" className="flex flex-col gap-4">
        <h2 id="notifications" className="text-2xl font-bold">
          Notifications
        </h2>
        <p className="font-sans">
          <Link href="/account/notifications" className="font-semibold underline">
            See your notifications
          </Link>
          {unread > 0 && <span className="text-muted"> ({unread} unread)</span>}
        </p>
        <EmailPreferenceForm action={saveEmailPreference} on={emailOn} initial={flashFor(flash, 'email-preference')} />
      </section>
      <section aria-labelledby="password" className="flex flex-col gap-4">
        <h2 id="password" className="text-2xl font-bold">
          Password
        </h2>
        <PasswordForm action={changePassword} />
      </section>
      <section aria-labelledby="leave" className="flex flex-col gap-4">
        <h2 id="leave" className="text-2xl font-bold">
          Delete your account
        </h2>
        <p className="font-sans text-muted">
          Your account goes for good. Comments that others replied to stay, shown as “[deleted]”; the rest are removed.
        </p>
        <DeleteAccountForm action={deleteAccount} />
      </section>
    </div>
  );
}
