'use client';

import { useFormAction, type FormAction } from './action-form.client';
import { FormAlert } from './form-alert';
import { TextField } from './text-field';

export function SignInForm({ action, next }: { action: FormAction; next: string }) {
  const { state, formAction, pending, typed } = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col gap-4 font-sans">
      <FormAlert state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField label="Email" name="email" type="email" autoComplete="email" maxLength={254} defaultValue={typed('email')} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" maxLength={128} />
      <button type="submit" disabled={pending} className="rounded bg-[var(--ink)] px-4 py-2 font-semibold text-[var(--paper)] disabled:opacity-60">
        Sign in
      </button>
    </form>
  );
}
