'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/action';
import { FormAlert } from './form-alert';
import { TextField } from './text-field';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

const button = 'self-start rounded bg-[var(--ink)] px-4 py-2 font-semibold text-[var(--paper)] disabled:opacity-60';

function useForm(action: Action) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as FormState);
  const typed = state.status === 'error' ? state.values : undefined;
  const errors = state.status === 'error' ? state.fieldErrors : undefined;
  return { state, formAction, pending, typed, errors };
}

export function SignUpForm({ action, next }: { action: Action; next: string }) {
  const { state, formAction, pending, typed, errors } = useForm(action);
  return (
    <form action={formAction} className="flex flex-col gap-4 font-sans">
      <FormAlert state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField label="Name" name="name" autoComplete="name" maxLength={100} defaultValue={typed?.name} error={errors?.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" maxLength={254} defaultValue={typed?.email} error={errors?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" maxLength={128} error={errors?.password} hint="At least 8 characters; not one of the common ones." />
      <button type="submit" disabled={pending} className={button}>
        Create account
      </button>
    </form>
  );
}

export function ProfileForm({ action, name, email }: { action: Action; name: string; email: string }) {
  const { state, formAction, pending, typed, errors } = useForm(action);
  return (
    <form action={formAction} className="flex flex-col gap-4 font-sans">
      <FormAlert state={state} />
      <TextField label="Name" name="name" autoComplete="name" maxLength={100} defaultValue={typed?.name ?? name} error={errors?.name} />
      <TextField label="Email" name="email" type="email" autoComplete="email" maxLength={254} defaultValue={typed?.email ?? email} error={errors?.email} />
      <button type="submit" disabled={pending} className={button}>
        Save details
      </button>
    </form>
  );
}

export function PasswordForm({ action }: { action: Action }) {
  const { state, formAction, pending, errors } = useForm(action);
  return (
    <form action={formAction} className="flex flex-col gap-4 font-sans">
      <FormAlert state={state} />
      <TextField label="Current password" name="current" type="password" autoComplete="current-password" maxLength={200} error={errors?.current} />
      <TextField label="New password" name="password" type="password" autoComplete="new-password" maxLength={128} error={errors?.password} hint="At least 8 characters. You will sign in again." />
      <button type="submit" disabled={pending} className={button}>
        Change password
      </button>
    </form>
  );
}

export function DeleteAccountForm({ action }: { action: Action }) {
  const { state, formAction, pending, errors } = useForm(action);
  return (
    <form action={formAction} className="flex flex-col gap-4 font-sans">
      <FormAlert state={state} />
      <TextField label="Password to confirm" name="password" type="password" autoComplete="current-password" maxLength={200} error={errors?.password} />
      <button type="submit" disabled={pending} className="self-start rounded border-2 border-[var(--accent)] px-4 py-2 font-semibold text-accent disabled:opacity-60">
        Delete my account
      </button>
    </form>
  );
}
