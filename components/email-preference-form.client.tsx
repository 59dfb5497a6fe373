'use client';

import type { FormState } from '@/lib/action';
import { useFormAction, type FormAction } from './action-form.client';
import { FormAlert } from './form-alert';
import { primaryButton } from './form-styles';

/** The opt-in for notification mail: a checkbox and its own save button. */
export function EmailPreferenceForm({ action, on, initial }: { action: FormAction; on: boolean; initial?: FormState }) {
  const { state, formAction, pending } = useFormAction(action, initial);
  // After a refused save, show the box as it was submitted, not as it is stored.
  const checked = state.status === 'error' ? state.values?.notifyByEmail === 'on' : on;
  return (
    <form id="email-preference" action={formAction} className="flex flex-col gap-4 font-sans">
      <FormAlert state={state} />
      {/* Names the form, so a refusal without JavaScript comes back to it (lib/flash.ts). */}
      <input type="hidden" name="_form" value="email-preference" />
      <div className="flex flex-col gap-1 text-sm">
        <label className="flex items-center gap-3 font-semibold">
          <input type="checkbox" name="notifyByEmail" defaultChecked={checked} aria-describedby="notify-hint" className="size-4 accent-[var(--ink)]" />
          Email me about replies and approvals
        </label>
        <p id="notify-hint" className="pl-7 text-muted">
          One message for each reply to your comments and each comment of yours a moderator approves. They are listed under Notifications either way.
        </p>
      </div>
      <button type="submit" disabled={pending} className={`self-start ${primaryButton}`}>
        Save email preference
      </button>
    </form>
  );
}
