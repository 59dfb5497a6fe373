import type { FormState } from '@/lib/action';
import { FormAlert } from './form-alert';

/** A form's outcome; a generated password is shown here, once, never stored in the page's address or logs. */
export function PasswordOnce({ state }: { state: FormState<{ password: string }> }) {
  if (state.status !== 'ok' || !state.data?.password) return <FormAlert state={state} />;
  return (
    <div role="status" className="rounded border border-rule px-4 py-3 font-sans text-sm">
      <p>{state.message}</p>
      <p className="mt-2">
        Password: <code className="rounded bg-rule px-2 py-1 font-mono text-base select-all">{state.data.password}</code>
      </p>
    </div>
  );
}
