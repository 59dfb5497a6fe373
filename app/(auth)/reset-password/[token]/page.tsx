import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { NewPasswordForm } from '@/components/password-reset-forms.client';
import { flashFor, takeFlash } from '@/lib/flash';
import { checkResetToken, tokenProblemMessages } from '@/lib/password-reset';
import { setNewPassword } from '../../actions';

// The token is in the address: never prerendered or cached, never indexed, never sent to another site as
// a referrer. ('no-referrer' would also blank the Origin of the form's own POST, which Next refuses.)
export const metadata: Metadata = { title: 'Set a new password', robots: { index: false, follow: false }, referrer: 'same-origin' };
export const instant = false;

export default async function ResetPasswordPage({ params }: PageProps<'/reset-password/[token]'>) {
  await connection();
  const { token } = await params;
  const [check, flash] = await Promise.all([checkResetToken(token), takeFlash()]);
  return (
    <div className="mx-auto max-w-sm py-16">
      <h1 className="mb-8 text-4xl font-bold tracking-tight">Set a new password</h1>
      {check.ok ? (
        <NewPasswordForm action={setNewPassword} token={token} initial={flashFor(flash, 'new-password')} />
      ) : (
        <div className="font-sans">
          <p role="alert" className="rounded border border-[var(--accent)] px-4 py-3 text-sm">
            {tokenProblemMessages[check.problem]}
          </p>
          <p className="mt-6 text-sm">
            <Link href="/forgot-password" className="font-semibold underline">
              Ask for a new link
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
