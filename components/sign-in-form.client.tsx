'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/action';
import { FormAlert } from './form-alert';

const input = 'w-full rounded border border-rule bg-transparent px-3 py-2 text-base';

export function SignInForm({ action, next }: { action: (state: FormState, form: FormData) => Promise<FormState>; next: string }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as FormState);
  const typed = state.status === 'error' ? state.values : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-4 font-sans">
      <FormAlert state={state} />
      <input type="hidden" name="next" value={next} />
      <label className="flex flex-col gap-1 text-sm font-semibold">
        Email
        <input name="email" type="email" autoComplete="email" required maxLength={254} defaultValue={typed?.email} className={input} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-semibold">
        Password
        <input name="password" type="password" autoComplete="current-password" required maxLength={128} className={input} />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-[var(--ink)] px-4 py-2 font-semibold text-[var(--paper)] disabled:opacity-60">
        Sign in
      </button>
    </form>
  );
}
