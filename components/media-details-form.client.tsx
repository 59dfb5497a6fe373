'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/action';
import { FormAlert } from './form-alert';

type DetailsAction = (state: FormState, form: FormData) => Promise<FormState>;

const field = 'w-full rounded border border-rule bg-transparent px-3 py-2 text-base';

/** An image's alt text and credit, changed in place. */
export function MediaDetailsForm({ action, id, alt, credit }: { action: DetailsAction; id: number; alt: string; credit: string }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as FormState);
  const typed = state.status === 'error' ? state.values : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-4 font-sans">
      <FormAlert state={state} />
      <input type="hidden" name="id" value={id} />
      <label className="flex flex-col gap-1 text-sm font-semibold">
        Alt text
        <textarea name="alt" required maxLength={500} rows={3} defaultValue={typed?.alt ?? alt} className={field} />
      </label>
      <label className="flex flex-col gap-1 text-sm font-semibold">
        Credit
        <input name="credit" maxLength={200} defaultValue={typed?.credit ?? credit} className={field} />
      </label>
      <div>
        <button type="submit" disabled={pending} className="rounded bg-[var(--ink)] px-4 py-2 font-semibold text-[var(--paper)] disabled:opacity-60">
          Save
        </button>
      </div>
    </form>
  );
}
