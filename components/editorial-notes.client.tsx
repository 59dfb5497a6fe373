'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useId } from 'react';
import type { FormState } from '@/lib/action';
import { FormAlert } from './form-alert';
import { field, hint, input, button } from './form-styles';

export interface EditorialNote {
  id: number;
  body: string;
  authorName: string | null;
  /** Already formatted on the server. */
  when: string;
  at: string;
}

type AddNote = (state: FormState, form: FormData) => Promise<FormState>;

/** Staff-only notes on a story, oldest first, and a form to add one. Readers never see them. */
export function EditorialNotes({ articleId, notes, addNote }: { articleId: number; notes: EditorialNote[]; addNote: AddNote }) {
  const [state, formAction, pending] = useActionState(addNote, { status: 'idle' } as FormState);
  const router = useRouter();
  const headingId = useId();
  // The list comes from the server: after a note is added, ask for it again (the editor keeps its state).
  useEffect(() => {
    if (state.status === 'ok') router.refresh();
  }, [state, router]);
  const typed = state.status === 'error' ? state.values?.body : undefined;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4 rounded border border-rule p-4">
      <h2 id={headingId} className="text-lg font-bold">
        Editorial notes
      </h2>
      {notes.length === 0 ? (
        <p className="text-sm text-muted">No notes yet. Notes are for staff only: readers never see them.</p>
      ) : (
        <ol className="flex max-h-96 flex-col gap-3 overflow-y-auto text-sm">
          {notes.map((note) => (
            <li key={note.id} className="border-l-2 border-rule pl-3">
              <p className="whitespace-pre-wrap">{note.body}</p>
              <p className="mt-1 text-xs text-muted">
                {note.authorName ?? 'Former staff'} · <time dateTime={note.at}>{note.when}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
      <form action={formAction} className="flex flex-col gap-2">
        <FormAlert state={state} />
        <input type="hidden" name="articleId" value={articleId} />
        <div className={field}>
          <label htmlFor={`${headingId}-note`}>Note</label>
          <textarea id={`${headingId}-note`} name="body" rows={3} required maxLength={4000} defaultValue={typed} aria-describedby={`${headingId}-hint`} className={input} />
          <span id={`${headingId}-hint`} className={hint}>
            For the people working on this story: questions, sources to check, changes to make.
          </span>
        </div>
        <button type="submit" disabled={pending} className={`${button} self-start`}>
          Add note
        </button>
      </form>
    </section>
  );
}
