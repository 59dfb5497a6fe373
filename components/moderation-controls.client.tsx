'use client';

import type { ReactNode } from 'react';
import type { FormState } from '@/lib/action';
import { useFormAction, type FormAction } from './action-form.client';
import { FormAlert } from './form-alert';
import { button, field, input, primaryButton } from './form-styles';

// The queue's buttons. Each is a small form of its own (hidden fields and one button), so each works
// without JavaScript and announces its own outcome; the server re-checks role, object and input.
// `formKey` is the form's element id and its `_form` field: a refused submission without JavaScript
// comes back to this form with its message (lib/flash.ts), `initial` being that kept outcome.

export interface Kept {
  formKey: string;
  initial?: FormState;
}

const row = 'flex flex-wrap items-end gap-2';

function OneButtonForm({ action, formKey, initial, label, children }: Kept & { action: FormAction; label: string; children: ReactNode }) {
  const { state, formAction, pending } = useFormAction(action, initial);
  return (
    <form id={formKey} action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="_form" value={formKey} />
      <FormAlert state={state} />
      {children}
      <div>
        <button type="submit" disabled={pending} className={button}>
          {label}
        </button>
      </div>
    </form>
  );
}

export function DecisionButton({ commentId, decision, label, action, ...kept }: Kept & { commentId: number; decision: 'approve' | 'remove' | 'spam'; label: string; action: FormAction }) {
  return (
    <OneButtonForm action={action} label={label} {...kept}>
      <input type="hidden" name="decision" value={decision} />
      <input type="hidden" name="ids" value={commentId} />
    </OneButtonForm>
  );
}

export function FeatureButton({ commentId, featured, action, ...kept }: Kept & { commentId: number; featured: boolean; action: FormAction }) {
  return (
    <OneButtonForm action={action} label={featured ? 'Unfeature' : 'Feature'} {...kept}>
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="featured" value={String(!featured)} />
    </OneButtonForm>
  );
}

export function BanAuthorForm({ commentId, authorName, action, formKey, initial }: Kept & { commentId: number; authorName: string; action: FormAction }) {
  const { state, formAction, pending, typed } = useFormAction(action, initial);
  return (
    <form id={formKey} action={formAction} aria-label={`Ban ${authorName}`} className="flex flex-col gap-2">
      <input type="hidden" name="_form" value={formKey} />
      <FormAlert state={state} />
      <input type="hidden" name="commentId" value={commentId} />
      <div className={row}>
        <label className={field}>
          Duration
          <select name="duration" defaultValue={typed('duration', '7')} className={input}>
            <option value="1">1 day</option>
            <option value="7">7 days</option>
            <option value="30">30 days</option>
            <option value="permanent">Permanent</option>
          </select>
        </label>
        <button type="submit" disabled={pending} className={button}>
          Ban author
        </button>
      </div>
    </form>
  );
}

/**
 * "Approve selected": the items' checkboxes belong to this form through their `form` attribute, so they
 * can sit beside each comment while the form (which cannot nest the items' own forms) stays in one place.
 * With nothing left to select it only keeps its last outcome on screen (and is no landmark).
 */
export function BulkApproveForm({ available, action, formKey, initial }: Kept & { available: boolean; action: FormAction }) {
  const { state, formAction, pending } = useFormAction(action, initial);
  return (
    <form id={formKey} action={formAction} aria-label={available ? 'Bulk approval' : undefined} className="flex flex-col gap-2">
      <input type="hidden" name="_form" value={formKey} />
      <FormAlert state={state} />
      {available && (
        <>
          <input type="hidden" name="decision" value="approve" />
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" disabled={pending} className={primaryButton}>
              Approve selected
            </button>
            <span className="text-xs text-muted">Tick “Select” on the comments to approve, then “Approve selected”.</span>
          </div>
        </>
      )}
    </form>
  );
}
