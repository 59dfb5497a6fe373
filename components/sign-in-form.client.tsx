'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/action';
import { FormAlert } from './form-alert';
import { TextField } from './text-field';

export function SignInForm({ action, next }: { action: (state: FormState, form: FormData) => Promise<FormState>; next: string }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as FormState);
  const typed = state.status === 'error' ? state.values : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-4 font-sans">
      <FormAlert state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField label="Email" name="email" type="email" autoComplete="email" maxLength={254} defaultValue={typed?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" maxLength={128} />
      <button type="submit" disabled={pending} className="rounded bg-[var(--ink)] px-4 py-2 font-semibold text-[var(--paper)] disabled:opacity-60">
        Sign in
      </button>
    </form>
  );
}
