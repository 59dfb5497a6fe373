'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/action';
import { FormAlert } from './form-alert';
import { primaryButton } from './form-styles';

type RestoreAction<T> = (state: FormState<T>, form: FormData) => Promise<FormState<T>>;

/** Puts an old version's title, dek and text back as a new version; the action opens the editor after. */
export function RestoreRevisionForm<T>({ action, id, version, revision }: { action: RestoreAction<T>; id: number; version: number; revision: number }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as FormState<T>);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <FormAlert state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="revision" value={revision} />
      <button type="submit" disabled={pending} className={`${primaryButton} self-start`}>
        Restore this version
      </button>
    </form>
  );
}
