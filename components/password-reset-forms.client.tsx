'use client';

import type { FormState } from '@/lib/action';
import { useFormAction, type FormAction } from './action-form.client';
import { FormAlert } from './form-alert';
import { primaryButton } from './form-styles';
import { TextField } from './text-field';

/** Asks for a reset link. After a submit it shows the one answer, whatever the address was. */
/** `initial`: the answer kept from a submission without JavaScript (the form is named "forgot-password"). */
export function ForgotPasswordForm({ action, initial }: { action: FormAction; initial?: FormState }) {
  const { state, formAction, pending, typed, error } = useFormAction(action, initial);
  return (
    <form id="forgot-password" action={formAction} className="flex flex-col gap-4 font-sans">
      <FormAlert state={state} />
      <input type="hidden" name="_form" value="forgot-password" />
      <TextField label="Email" name="email" type="email" autoComplete="email" maxLength={254} defaultValue={typed('email')} error={error('email')} />
      <button type="submit" disabled={pending} className={`self-start ${primaryButton}`}>
        Send reset link
      </button>
    </form>
  );
}

/** The new password for the account a reset link belongs to; the token rides along in a hidden field. */
export function NewPasswordForm({ action, token, initial }: { action: FormAction; token: string; initial?: FormState }) {
  const { state, formAction, pending, error } = useFormAction(action, initial);
  return (
    <form id="new-password" action={formAction} className="flex flex-col gap-4 font-sans">
      <FormAlert state={state} />
      {/* Names the form, so a refusal without JavaScript comes back to it (lib/flash.ts). */}
      <input type="hidden" name="_form" value="new-password" />
      <input type="hidden" name="token" value={token} />
      <TextField
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        maxLength={128}
        error={error('password')}
        hint="8 to 128 characters, not one of the most common passwords. Other devices will be signed out."
      />
      <button type="submit" disabled={pending} className={`self-start ${primaryButton}`}>
        Set new password
      </button>
    </form>
  );
}
