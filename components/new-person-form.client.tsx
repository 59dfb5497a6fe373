'use client';

import { useId } from 'react';
import type { Role } from '@/db/schema';
import { useFormAction, type FormAction } from './action-form.client';
import { field, hint, input, primaryButton } from './form-styles';
import { PasswordOnce } from './password-once';

/** Create an account: the admin types a password or leaves it empty to have one generated and shown once. */
export function NewPersonForm({ action, roles }: { action: FormAction<{ password: string }>; roles: readonly Role[] }) {
  const { state, formAction, pending, typed, invalid } = useFormAction(action);
  const passwordHint = useId();
  return (
    <form action={formAction} aria-label="New staff account" className="grid max-w-2xl gap-4 font-sans sm:grid-cols-2">
      <div className="sm:col-span-2">
        <PasswordOnce state={state} />
      </div>
      <label className={field}>
        Name
        <input name="name" required maxLength={100} autoComplete="off" defaultValue={typed('name')} aria-invalid={invalid('name')} className={input} />
      </label>
      <label className={field}>
        Email
        <input name="email" type="email" required maxLength={254} autoComplete="off" defaultValue={typed('email')} aria-invalid={invalid('email')} className={input} />
      </label>
      <label className={field}>
        Role
        <select name="role" defaultValue={typed('role', 'contributor')} className={input}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </label>
      <div className="flex flex-col gap-1">
        <label className={field}>
          Password
          <input
            name="password"
            type="password"
            minLength={8}
            maxLength={128}
            autoComplete="new-password"
            aria-describedby={passwordHint}
            aria-invalid={invalid('password')}
            className={input}
          />
        </label>
        <span id={passwordHint} className={hint}>
          Leave empty to generate one. It is shown once, for you to pass on.
        </span>
      </div>
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className={primaryButton}>
          Create account
        </button>
      </div>
    </form>
  );
}
