'use client';

import { useId } from 'react';
import type { FormState } from '@/lib/action';
import { useFormAction, type FormAction } from './action-form.client';
import { FormAlert } from './form-alert';
import { button, field, input, primaryButton } from './form-styles';

const textarea = `${input} min-h-28 font-serif`;

/** Which form this is (its element id and `_form` field), and an outcome kept from a no-JS submission. */
interface Kept {
  formKey: string;
  initial?: FormState;
}

/**
 * Writing in a thread: a new comment, a reply (`fields` name the story, the parent, the sort) or an
 * edit of one's own (`text` is what it says now). Plain text; a refusal keeps what was typed.
 */
export function CommentTextForm({
  action,
  formKey,
  initial,
  fields,
  label,
  submitLabel,
  text = '',
}: {
  action: FormAction;
  fields: Record<string, string | number | undefined>;
  label: string;
  submitLabel: string;
  text?: string;
} & Kept) {
  const { state, formAction, pending, typed, invalid } = useFormAction(action, initial);
  const id = useId();
  return (
    <form id={formKey} action={formAction} className="mt-3 flex scroll-mt-24 flex-col gap-3 font-sans">
      <input type="hidden" name="_form" value={formKey} />
      {Object.entries(fields).map(([name, value]) => value !== undefined && <input key={name} type="hidden" name={name} value={value} />)}
      <FormAlert state={state} />
      <label htmlFor={id} className={field}>
        {label}
      </label>
      <textarea id={id} name="body" rows={4} defaultValue={typed('body', text)} aria-invalid={invalid('body')} aria-describedby={`${id}-hint`} className={textarea} />
      <p id={`${id}-hint`} className="text-xs text-muted">
        Plain text, up to 5,000 characters. Links become clickable.
      </p>
      <div>
        <button type="submit" disabled={pending} className={primaryButton}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

/** Tells the moderators about a comment: a reason from the list, and a note if the reader wants. */
export function ReportCommentForm({
  action,
  formKey,
  initial,
  commentId,
  reasons,
}: { action: FormAction; commentId: number; reasons: Array<{ value: string; label: string }> } & Kept) {
  const { state, formAction, pending, typed } = useFormAction(action, initial);
  const id = useId();
  if (state.status === 'ok') return <FormAlert state={state} />;
  return (
    <form id={formKey} action={formAction} className="mt-3 flex scroll-mt-24 flex-col gap-3 font-sans">
      <input type="hidden" name="_form" value={formKey} />
      <input type="hidden" name="commentId" value={commentId} />
      <FormAlert state={state} />
      <label htmlFor={`${id}-reason`} className={field}>
        Reason
      </label>
      <select id={`${id}-reason`} name="reason" defaultValue={typed('reason', '')} className={input}>
        <option value="" disabled>
          Choose a reason
        </option>
        {reasons.map((reason) => (
          <option key={reason.value} value={reason.value}>
            {reason.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`} className={field}>
        Note for the moderators (optional)
      </label>
      <textarea id={`${id}-note`} name="note" rows={2} defaultValue={typed('note')} className={`${input} font-sans`} />
      <div>
        <button type="submit" disabled={pending} className={button}>
          Send report
        </button>
      </div>
    </form>
  );
}
