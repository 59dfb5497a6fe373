'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import type { FormState } from '@/lib/action';
import { signIn, signOut } from '@/lib/auth';
import { safeNext } from '@/lib/guards';

export async function signInWithPassword(_previous: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get('email') ?? '').slice(0, 254);
  const values = { email };
  try {
    await signIn('credentials', { email, password: String(form.get('password') ?? '').slice(0, 200), redirectTo: safeNext(form.get('next'), '/dashboard') });
    return { status: 'ok' };
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'too_many_attempts') {
      return { status: 'error', message: 'Too many attempts. Please wait 15 minutes and try again.', values };
    }
    // One message whether the email exists or not.
    if (error instanceof AuthError) return { status: 'error', message: 'That email and password don’t match an account.', values };
    throw error; // includes the redirect that signals success
  }
}

export async function signOutEverywhere(): Promise<void> {
  await signOut({ redirectTo: '/' });
}
