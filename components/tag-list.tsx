import type { TagRow } from '@/lib/taxonomy';
import { ActionForm, type FormAction } from './action-form.client';
import { button } from './form-styles';
import { TagForm, TagMergeForm } from './tag-form.client';

/** Tags by name with their story counts; rename or merge any; only an unused one can be deleted. */
export function TagList({ tags, actions }: { tags: TagRow[]; actions: { save: FormAction; merge: FormAction; remove: FormAction } }) {
  if (tags.length === 0) return <p className="font-sans text-muted">No tags match.</p>;
  return (
    <>
      <datalist id="tag-names">
        {tags.map((tag) => (
          <option key={tag.id} value={tag.name} />
        ))}
      </datalist>
      <ul className="flex flex-col divide-y divide-rule border-y border-rule font-sans">
        {tags.map((tag) => (
          <li key={tag.id} className="flex flex-col gap-2 py-3">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-bold">{tag.name}</h3>
              <p className="text-sm text-muted">
                {tag.storyCount > 0 ? (
                  <a href={`/tags/${tag.slug}`} className="underline">
                    /tags/{tag.slug}
                  </a>
                ) : (
                  `/tags/${tag.slug}`
                )}{' '}
                · {tag.storyCount} {tag.storyCount === 1 ? 'story' : 'stories'}
              </p>
            </div>
            <details>
              <summary className="cursor-pointer text-sm font-semibold">
                Edit<span className="sr-only"> {tag.name}</span>
              </summary>
              <div className="mt-3 flex flex-col gap-4">
                <TagForm action={actions.save} tag={tag} label={`Edit ${tag.name}`} />
                <TagMergeForm action={actions.merge} tag={tag} />
                <ActionForm action={actions.remove} label={`Delete ${tag.name}`} className="flex flex-col gap-2">
                  <input type="hidden" name="id" value={tag.id} />
                  <div>
                    <button type="submit" className={button}>
                      Delete<span className="sr-only"> {tag.name}</span>
                    </button>
                  </div>
                </ActionForm>
              </div>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}
