'use client';

import { useId } from 'react';
import type { FormState } from '@/lib/action';
import type { ThreadSortName } from '@/lib/thread-links';
import { useFormAction, type FormAction } from './action-form.client';
import { FormAlert } from './form-alert';
import { button, field, input, primaryButton } from './form-styles';

const textarea = `${input} min-h-28 font-serif`;

/** Which form this is (its element id and `_form` field), and an outcome kept from a no-JS submission. */
interface Kept {
  formKey: string;
  initial?: FormState;
}

/** A new comment, or a reply to one: plain text; the server keeps it (and what was typed) on a refusal. */
export function CommentForm({
  action,
  formKey,
  initial,
  articleId,
  parentId,
  sort,
  label,
  submitLabel,
}: {
  action: FormAction;
  articleId: number;
  parentId?: number;
  sort: ThreadSortName;
  label: string;
  submitLabel: string;
} & Kept) {
  const { state, formAction, pending, typed, invalid } = useFormAction(action, initial);
  const id = useId();
  return (
    <form id={formKey} action={formAction} className="mt-3 flex scroll-mt-24 flex-col gap-3 font-sans">
      <input type="hidden" name="_form" value={formKey} />
      <input type="hidden" name="articleId" value={articleId} />
      {parentId !== undefined && <input type="hidden" name="parentId" value={parentId} />}
      <input type="hidden" name="sort" value={sort} />
      <FormAlert state={state} />
      <label htmlFor={id} className={field}>
        {label}
      </label>
      <textarea id={id} name="body" rows={4} defaultValue={typed('body')} aria-invalid={invalid('body')} aria-describedby={`${id}-hint`} className={textarea} />
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

/** One's own comment, rewritten within ten minutes of posting. */
export function EditCommentForm({
  action,
  formKey,
  initial,
  commentId,
  body,
  sort,
}: { action: FormAction; commentId: number; body: string; sort: ThreadSortName } & Kept) {
  const { state, formAction, pending, typed, invalid } = useFormAction(action, initial);
  const id = useId();
  return (
    <form id={formKey} action={formAction} className="mt-3 flex scroll-mt-24 flex-col gap-3 font-sans">
      <input type="hidden" name="_form" value={formKey} />
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="sort" value={sort} />
      <FormAlert state={state} />
      <label htmlFor={id} className={field}>
        Edit your comment
      </label>
      <textarea id={id} name="body" rows={4} defaultValue={typed('body', body)} aria-invalid={invalid('body')} className={textarea} />
      <div>
        <button type="submit" disabled={pending} className={primaryButton}>
          Save changes
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
