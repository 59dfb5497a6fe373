import type { Metadata } from 'next';
import Link from 'next/link';
import { SignUpForm } from '@/components/account-forms.client';
import { flashFor, takeFlash } from '@/lib/flash';
import { safeNext } from '@/lib/guards';
import { createAccount } from '../actions';

export const metadata: Metadata = { title: 'Create an account', robots: { index: false } };
export const instant = false;

export default async function SignUpPage({ searchParams }: PageProps<'/signup'>) {
  const [params, flash] = await Promise.all([searchParams, takeFlash()]);
  const next = safeNext(params.next, '/');
  return (
    <div className="mx-auto max-w-sm py-16">
      <h1 className="mb-2 text-4xl font-bold tracking-tight">Create an account</h1>
      <p className="mb-8 font-sans text-muted">Join the conversation under every story.</p>
      <SignUpForm action={createAccount} next={next} initial={flashFor(flash, 'sign-up')} />
      <p className="mt-6 font-sans text-sm">
        Already have an account?{' '}
        <Link href={`/login?next=${encodeURIComponent(next)}`} className="font-semibold underline">
          Sign in
        </Link>
      </p>
    </div>
  );
}
