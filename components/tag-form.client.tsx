'use client';

import { useFormAction, type FormAction } from './action-form.client';
import { button, field, input, primaryButton } from './form-styles';
import { FormAlert } from './form-alert';

/** A new tag, or an existing one's name and address. */
export function TagForm({ action, tag, label }: { action: FormAction; tag?: { id: number; name: string; slug: string }; label: string }) {
  const { state, formAction, pending, typed, invalid } = useFormAction(action);
  return (
    <form action={formAction} aria-label={label} className="flex flex-col gap-3 font-sans">
      <FormAlert state={state} />
      {tag && <input type="hidden" name="id" value={tag.id} />}
      <div className="flex flex-wrap items-end gap-3">
        <label className={field}>
          Name
          <input name="name" required maxLength={60} defaultValue={typed('name', tag?.name)} aria-invalid={invalid('name')} className={input} />
        </label>
        <label className={field}>
          Slug
          <input name="slug" maxLength={80} defaultValue={typed('slug', tag?.slug)} placeholder={tag ? undefined : 'from the name'} aria-invalid={invalid('slug')} className={input} />
        </label>
        <button type="submit" disabled={pending} className={tag ? button : primaryButton}>
          {tag ? 'Save tag' : 'Create tag'}
        </button>
      </div>
    </form>
  );
}

/** Moves a tag's stories onto another tag, named by name or slug, and deletes it. */
export function TagMergeForm({ action, tag }: { action: FormAction; tag: { id: number; name: string } }) {
  const { state, formAction, pending, typed, invalid } = useFormAction(action);
  return (
    <form action={formAction} aria-label={`Merge ${tag.name}`} className="flex flex-col gap-3 font-sans">
      <FormAlert state={state} />
      <input type="hidden" name="id" value={tag.id} />
      <div className="flex flex-wrap items-end gap-3">
        <label className={field}>
          Merge into
          <input name="into" required maxLength={100} list="tag-names" defaultValue={typed('into')} aria-invalid={invalid('into')} className={input} />
        </label>
        <button type="submit" disabled={pending} className={button}>
          Merge
        </button>
      </div>
    </form>
  );
}
