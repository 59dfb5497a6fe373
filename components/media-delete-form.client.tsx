'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/action';
import { FormAlert } from './form-alert';

type DeleteAction = (state: FormState, form: FormData) => Promise<FormState>;

/** "Delete" for one image; the server refuses while a story uses it, and this says why. */
export function MediaDeleteForm({ action, id, alt, back }: { action: DeleteAction; id: number; alt: string; back?: 'library' }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as FormState);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={id} />
      {back && <input type="hidden" name="back" value={back} />}
      <div>
        <button type="submit" disabled={pending} className="rounded border border-rule px-3 py-1 text-sm font-semibold hover:border-current disabled:opacity-60">
          Delete<span className="sr-only"> “{alt}”</span>
        </button>
      </div>
      <FormAlert state={state} />
    </form>
  );
}
