import type { Metadata } from 'next';
import Link from 'next/link';
import { SignInForm } from '@/components/sign-in-form.client';
import { flashFor, takeFlash } from '@/lib/flash';
import { safeNext } from '@/lib/guards';
import { signInWithPassword } from '../actions';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };
export const instant = false;

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  const [params, flash] = await Promise.all([searchParams, takeFlash()]);
  const next = safeNext(params.next, '/dashboard');
  return (
    <div className="mx-auto max-w-sm py-16">
      <h1 className="mb-8 text-4xl font-bold tracking-tight">Sign in</h1>
      {params.changed === '1' && (
        <p role="status" className="mb-6 rounded border border-rule px-4 py-3 font-sans text-sm">
          Your password is changed. Sign in with the new one.
        </p>
      )}
      {params.reset === '1' && (
        <p role="status" className="mb-6 rounded border border-rule px-4 py-3 font-sans text-sm">
          Your new password is set. Sign in with it.
        </p>
      )}
      <SignInForm action={signInWithPassword} next={next} initial={flashFor(flash, 'sign-in')} />
      <p className="mt-4 font-sans text-sm">
        <Link href="/forgot-password" className="font-semibold underline">
          Forgot your password?
        </Link>
      </p>
      <p className="mt-6 font-sans text-sm">
        New here?{' '}
        <Link href={`/signup?next=${encodeURIComponent(next === '/dashboard' ? '/' : next)}`} className="font-semibold underline">
          Create an account
        </Link>
      </p>
    </div>
  );
}
