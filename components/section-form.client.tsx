'use client';

import { useId } from 'react';
import { useFormAction, type FormAction } from './action-form.client';
import { button, field, hint, input, primaryButton } from './form-styles';
import { FormAlert } from './form-alert';

/** A new section, or an existing one's name, address and description. */
export function SectionForm({
  action,
  section,
  label,
}: {
  action: FormAction;
  section?: { id: number; name: string; slug: string; description: string };
  label: string;
}) {
  const { state, formAction, pending, typed, invalid } = useFormAction(action);
  const slugHint = useId();
  return (
    <form action={formAction} aria-label={label} className="flex max-w-2xl flex-col gap-4 font-sans">
      <FormAlert state={state} />
      {section && <input type="hidden" name="id" value={section.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <label className={field}>
          Name
          <input name="name" required maxLength={60} defaultValue={typed('name', section?.name)} aria-invalid={invalid('name')} className={input} />
        </label>
        <div className="flex flex-col gap-1">
          <label className={field}>
            Slug
            <input name="slug" maxLength={80} defaultValue={typed('slug', section?.slug)} aria-describedby={slugHint} aria-invalid={invalid('slug')} className={input} />
          </label>
          <span id={slugHint} className={hint}>
            {section ? 'The section’s address. Changing it moves the page; empty: made from the name.' : 'Optional: made from the name.'}
          </span>
        </div>
      </div>
      <label className={field}>
        Description
        <textarea name="description" rows={2} maxLength={300} defaultValue={typed('description', section?.description)} aria-invalid={invalid('description')} className={input} />
      </label>
      <div>
        <button type="submit" disabled={pending} className={section ? button : primaryButton}>
          {section ? 'Save section' : 'Create section'}
        </button>
      </div>
    </form>
  );
}
