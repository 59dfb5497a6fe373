'use client';

import { useActionState, type ReactNode } from 'react';
import type { FormState } from '@/lib/action';
import { FormAlert } from './form-alert';

/** A server action as a form calls it (the shape `action(...)` in lib/action.ts returns). */
export type FormAction<T = undefined> = (state: FormState<T>, form: FormData) => Promise<FormState<T>>;

/**
 * A form's outcome, and what the person typed before an error so the fields can show it again.
 * `initial` is an outcome kept from a submission without JavaScript (lib/flash.ts).
 */
export function useFormAction<T>(action: FormAction<T>, initial?: FormState<T>) {
  const [state, formAction, pending] = useActionState(action, initial ?? ({ status: 'idle' } as FormState<T>));
  const typed = (name: string, fallback = '') => (state.status === 'error' ? (state.values?.[name] ?? fallback) : fallback);
  const invalid = (name: string) => (state.status === 'error' && state.fieldErrors?.[name] ? true : undefined);
  const error = (name: string) => (state.status === 'error' ? state.fieldErrors?.[name] : undefined);
  return { state, formAction, pending, typed, invalid, error };
}

/** A form of buttons and hidden fields (move, delete, lift): nothing typed to keep, only an outcome to announce. */
export function ActionForm<T>({
  action,
  children,
  className,
  label,
}: {
  action: FormAction<T>;
  children: ReactNode;
  className?: string;
  label?: string;
}) {
  const { state, formAction } = useFormAction(action);
  return (
    <form action={formAction} className={className} aria-label={label}>
      <FormAlert state={state} />
      {children}
    </form>
  );
}
