import type { Metadata } from 'next';
import { DeleteAccountForm, PasswordForm, ProfileForm } from '@/components/account-forms.client';
import { requireRole } from '@/lib/guards';
import { changePassword, deleteAccount, saveProfile } from '../actions';

export const metadata: Metadata = { title: 'Your account', robots: { index: false } };
export const instant = false;

export default async function AccountPage() {
  const user = await requireRole('reader', '/account');
  return (
    <div className="mx-auto flex max-w-lg flex-col gap-12 py-16">
      <h1 className="text-4xl font-bold tracking-tight">Your account</h1>
      <section aria-labelledby="details" className="flex flex-col gap-4">
        <h2 id="details" className="text-2xl font-bold">
          Your details
        </h2>
        <ProfileForm action={saveProfile} name={user.name} email={user.email} />
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
