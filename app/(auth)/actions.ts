'use server';

import { refresh } from 'next/cache';
import { headers } from 'next/headers';
import { after } from 'next/server';
import { redirect, unstable_rethrow } from 'next/navigation';
import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { changeOwnPassword, deleteOwnAccount, signUp, updateProfile } from '@/lib/accounts';
import { action, backToForm, FORM_FIELD, formObject, type FormState } from '@/lib/action';
import { expireTags } from '@/lib/cache-tags';
import { requestAddress, signIn, signOut } from '@/lib/auth';
import { UserError } from '@/lib/errors';
import { keepFlash } from '@/lib/flash';
import { safeNext } from '@/lib/guards';
import { logger } from '@/lib/logger';
import { sendMail } from '@/lib/mail';
import { markAllRead, markRead, setWantsEmail } from '@/lib/notifications';
import { completePasswordReset, requestPasswordReset, RESET_REQUESTED } from '@/lib/password-reset';

export async function signInWithPassword(_previous: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get('email') ?? '').slice(0, 254);
  const values = { email };
  try {
    await signIn('credentials', { email, password: String(form.get('password') ?? '').slice(0, 200), redirectTo: safeNext(form.get('next'), '/dashboard') });
    return { status: 'ok' };
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'too_many_attempts') {
      return backToForm(form, { status: 'error', message: 'Too many attempts. Please wait 15 minutes and try again.', values });
    }
    // One message whether the email exists or not.
    if (error instanceof AuthError) return backToForm(form, { status: 'error', message: 'That email and password don’t match an account.', values });
    throw error; // includes the redirect that signals success
  }
}

export async function signOutEverywhere(): Promise<void> {
  await signOut({ redirectTo: '/' });
}

/** Creates a reader account and signs the new reader in. */
export async function createAccount(_previous: FormState, form: FormData): Promise<FormState> {
  const input = formObject(form) as Record<string, string>;
  const values = { name: String(input.name ?? '').slice(0, 200), email: String(input.email ?? '').slice(0, 254) };
  try {
    const address = await requestAddress();
    await signUp(input, address);
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof UserError) return backToForm(form, { status: 'error', message: error.message, fieldErrors: error.fieldErrors, values });
    console.error('sign-up failed:', error);
    return backToForm(form, { status: 'error', message: 'Something went wrong on our side and no account was created. Please try again.', values });
  }
  await signIn('credentials', { email: values.email, password: input.password, redirectTo: safeNext(input.next, '/') });
  return { status: 'ok' };
}

export const saveProfile = action({ role: 'reader', input: z.object({ name: z.string(), email: z.string() }) }, async ({ user, input }) => {
  // A new name shows at once on their comments and bylines.
  await expireTags(await updateProfile(user.id, input));
  return { status: 'ok', message: 'Your details are saved.' };
});

export const changePassword = action({ role: 'reader', input: z.object({ current: z.string(), password: z.string() }) }, async ({ user, input }) => {
  await changeOwnPassword(user.id, input);
  // Every session has ended, this one too: sign in again with the new password.
  redirect('/login?next=%2Faccount&changed=1');
});

export const deleteAccount = action({ role: 'reader', input: z.object({ password: z.string().max(200) }) }, async ({ user, input }) => {
  await expireTags(await deleteOwnAccount(user.id, input.password));
  await signOut({ redirectTo: '/?goodbye=1' });
});

/** "Forgot your password?": one answer whether or not an account has that email. */
export async function requestReset(_previous: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get('email') ?? '').slice(0, 254);
  const values = { email };
  try {
    const address = await requestAddress();
    // The mail leaves after the answer: a known address must not answer slower than an unknown one.
    await requestPasswordReset({ email }, address, {
      deliver: (mail) => after(() => sendMail(mail).catch((error: unknown) => logger.error({ err: error }, 'password reset mail failed'))),
    });
    return backToForm(form, { status: 'ok', message: RESET_REQUESTED });
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof UserError) return backToForm(form, { status: 'error', message: error.message, fieldErrors: error.fieldErrors, values });
    logger.error({ err: error }, 'password reset request failed');
    return backToForm(form, { status: 'error', message: 'Something went wrong on our side and no link was sent. Please try again.', values });
  }
}

const NEW_PASSWORD_FORM = 'new-password';

/** The new password from a reset link; then sign in with it (every session has ended). */
export async function setNewPassword(_previous: FormState, form: FormData): Promise<FormState> {
  const token = String(form.get('token') ?? '');
  let state: FormState;
  try {
    await completePasswordReset({ token, password: form.get('password') });
    state = { status: 'ok' };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof UserError) state = { status: 'error', message: error.message, fieldErrors: error.fieldErrors, code: error.code };
    else {
      logger.error({ err: error }, 'password reset failed');
      state = { status: 'error', message: 'Something went wrong on our side and your password was not changed. Please try again.' };
    }
  }
  if (state.status === 'ok') redirect('/login?reset=1&next=%2F');
  // Without JavaScript the page Next sends back would not show the refusal: keep it and go back (lib/flash.ts).
  const formKey = form.get(FORM_FIELD);
  if (formKey === NEW_PASSWORD_FORM && /^[\w-]{1,64}$/.test(token) && !(await headers()).get('next-action')) {
    await keepFlash({ form: NEW_PASSWORD_FORM, state });
    redirect(`/reset-password/${token}#${NEW_PASSWORD_FORM}`);
  }
  return state;
}

export const saveEmailPreference = action({ role: 'reader', input: z.object({ notifyByEmail: z.literal('on').optional() }) }, async ({ user, input }) => {
  const on = input.notifyByEmail === 'on';
  await setWantsEmail(user.id, on);
  return { status: 'ok', message: on ? 'We will email you about replies and approvals.' : 'We will not email you about replies and approvals.' };
});

export const markAllNotificationsRead = action({ role: 'reader', input: z.object({}) }, async ({ user }) => {
  const count = await markAllRead(user.id);
  refresh();
  return { status: 'ok', message: count === 1 ? 'One notification marked as read.' : `${count} notifications marked as read.` };
});

export const markNotificationRead = action({ role: 'reader', input: z.object({ notificationId: z.string().max(20) }) }, async ({ user, input }) => {
  await markRead(user.id, input);
  refresh();
});
