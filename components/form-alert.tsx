import type { FormState } from '@/lib/action';

/** A form's outcome, announced: errors in role="alert", success in role="status". */
export function FormAlert({ state }: { state: FormState<unknown> }) {
  if (state.status === 'error') {
    return (
      <p role="alert" className="rounded border border-[var(--accent)] px-4 py-3 font-sans text-sm">
        {state.message}
      </p>
    );
  }
  if (state.status === 'ok' && state.message) {
    return (
      <p role="status" className="rounded border border-rule px-4 py-3 font-sans text-sm">
        {state.message}
      </p>
    );
  }
  return null;
}
