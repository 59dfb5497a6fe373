'use client';

import type { FormState } from '@/lib/action';
import { useFormAction, type FormAction as Action } from './action-form.client';
import { FormAlert } from './form-alert';
import { TextField } from './text-field';

const button = 'self-start rounded bg-[var(--ink)] px-4 py-2 font-semibold text-[var(--paper)] disabled:opacity-60';

/** `initial`: a refusal kept from a submission without JavaScript (the form is named "sign-up"). */
export function SignUpForm({ action, next, initial }: { action: Action; next: string; initial?: FormState }) {
  const { state, formAction, pending, typed, error } = useFormAction(action, initial);
  return (
    <form id="sign-up" action={formAction} className="flex flex-col gap-4 font-sans">
      <input type="hidden" name="_form" value="sign-up" />
      <FormAlert state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField label="Name" name="name" autoComplete="name" maxLength={100} defaultValue={typed('name')} error={error('name')} />
      <TextField label="Email" name="email" type="email" autoComplete="email" maxLength={254} defaultValue={typed('email')} error={error('email')} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" maxLength={128} error={error('password')} hint="At least 8 characters; not one of the common ones." />
      <button type="submit" disabled={pending} className={button}>
        Create account
      </button>
    </form>
  );
}

export function ProfileForm({ action, name, email }: { action: Action; name: string; email: string }) {
  const { state, formAction, pending, typed, error } = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col gap-4 font-sans">
      <FormAlert state={state} />
      <TextField label="Name" name="name" autoComplete="name" maxLength={100} defaultValue={typed('name', name)} error={error('name')} />
      <TextField label="Email" name="email" type="email" autoComplete="email" maxLength={254} defaultValue={typed('email', email)} error={error('email')} />
      <button type="submit" disabled={pending} className={button}>
        Save details
      </button>
    </form>
  );
}

export function PasswordForm({ action }: { action: Action }) {
  const { state, formAction, pending, error } = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col gap-4 font-sans">
      <FormAlert state={state} />
      <TextField label="Current password" name="current" type="password" autoComplete="current-password" maxLength={200} error={error('current')} />
      <TextField label="New password" name="password" type="password" autoComplete="new-password" maxLength={128} error={error('password')} hint="At least 8 characters. You will sign in again." />
      <button type="submit" disabled={pending} className={button}>
        Change password
      </button>
    </form>
  );
}

export function DeleteAccountForm({ action }: { action: Action }) {
  const { state, formAction, pending, error } = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col gap-4 font-sans">
      <FormAlert state={state} />
      <TextField label="Password to confirm" name="password" type="password" autoComplete="current-password" maxLength={200} error={error('password')} />
      <button type="submit" disabled={pending} className="self-start rounded border-2 border-[var(--accent)] px-4 py-2 font-semibold text-accent disabled:opacity-60">
        Delete my account
      </button>
    </form>
  );
}
