import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from '@/components/password-reset-forms.client';
import { flashFor, takeFlash } from '@/lib/flash';
import { requestReset } from '../actions';

export const metadata: Metadata = { title: 'Forgot your password?', robots: { index: false } };
export const instant = false;

export default async function ForgotPasswordPage() {
  const flash = await takeFlash();
  return (
    <div className="mx-auto max-w-sm py-16">
      <h1 className="mb-2 text-4xl font-bold tracking-tight">Forgot your password?</h1>
      <p className="mb-8 font-sans text-muted">Tell us the email address of your account and we will send you a link to set a new password.</p>
      <ForgotPasswordForm action={requestReset} initial={flashFor(flash, 'forgot-password')} />
      <p className="mt-6 font-sans text-sm">
        Remembered it?{' '}
        <Link href="/login" className="font-semibold underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
