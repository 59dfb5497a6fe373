import type { Metadata } from 'next';
import { SignInForm } from '@/components/sign-in-form.client';
import { safeNext } from '@/lib/guards';
import { signInWithPassword } from '../actions';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false } };
export const instant = false;

export default async function LoginPage({ searchParams }: PageProps<'/login'>) {
  const next = safeNext((await searchParams).next, '/dashboard');
  return (
    <div className="mx-auto max-w-sm py-16">
      <h1 className="mb-8 text-4xl font-bold tracking-tight">Sign in</h1>
      <SignInForm action={signInWithPassword} next={next} />
    </div>
  );
}
