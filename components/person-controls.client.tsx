'use client';

import { useId } from 'react';
import type { Role } from '@/db/schema';
import { FormAlert } from './form-alert';
import { ActionForm, useFormAction, type FormAction } from './action-form.client';
import { button, field, hint, input } from './form-styles';
import { PasswordOnce } from './password-once';

const row = 'flex flex-wrap items-end gap-3';

export function RoleForm({ personId, role, roles, action }: { personId: number; role: Role; roles: readonly Role[]; action: FormAction }) {
  const { state, formAction, pending, typed } = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormAlert state={state} />
      <input type="hidden" name="id" value={personId} />
      <div className={row}>
        <label className={field}>
          Role
          <select name="role" defaultValue={typed('role', role)} className={input}>
            {roles.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending} className={button}>
          Change role
        </button>
      </div>
    </form>
  );
}

export function SuspendForm({ personId, action }: { personId: number; action: FormAction }) {
  const { state, formAction, pending, typed } = useFormAction(action);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormAlert state={state} />
      <input type="hidden" name="id" value={personId} />
      <div className={row}>
        <label className={field}>
          Duration
          <select name="days" defaultValue={typed('days', '7')} className={input}>
            <option value="1">1 day</option>
            <option value="7">7 days</option>
            <option value="30">30 days</option>
          </select>
        </label>
        <button type="submit" disabled={pending} className={button}>
          Suspend
        </button>
      </div>
    </form>
  );
}

/** One button and a hidden id: ban for good, or lift a ban or suspension. */
export function PersonButton({ personId, label, disabled, action }: { personId: number; label: string; disabled?: boolean; action: FormAction }) {
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={personId} />
      <div>
        <button type="submit" disabled={disabled} className={button}>
          {label}
        </button>
      </div>
    </ActionForm>
  );
}

export function ResetPasswordForm({ personId, action }: { personId: number; action: FormAction<{ password: string }> }) {
  const { state, formAction, pending } = useFormAction(action);
  const hintId = useId();
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <PasswordOnce state={state} />
      <input type="hidden" name="id" value={personId} />
      <div className={row}>
        <label className={field}>
          New password
          <input name="password" type="password" minLength={8} maxLength={128} autoComplete="new-password" aria-describedby={hintId} className={input} />
        </label>
        <button type="submit" disabled={pending} className={button}>
          Reset password
        </button>
      </div>
      <p id={hintId} className={hint}>
        Leave empty to generate one, shown once. Either way their sessions end and they sign in with the new password.
      </p>
    </form>
  );
}
