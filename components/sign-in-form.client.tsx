'use client';

import type { FormState } from '@/lib/action';
import { useFormAction, type FormAction } from './action-form.client';
import { FormAlert } from './form-alert';
import { TextField } from './text-field';

/** `initial`: a refusal kept from a submission without JavaScript (the form is named "sign-in"). */
export function SignInForm({ action, next, initial }: { action: FormAction; next: string; initial?: FormState }) {
  const { state, formAction, pending, typed } = useFormAction(action, initial);
  return (
    <form id="sign-in" action={formAction} className="flex flex-col gap-4 font-sans">
      <input type="hidden" name="_form" value="sign-in" />
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
