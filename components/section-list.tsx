import type { SectionRow } from '@/lib/taxonomy';
import { ActionForm, type FormAction } from './action-form.client';
import { button } from './form-styles';
import { SectionForm } from './section-form.client';

/** The sections in navigation order, each with its story count and what an editor can do to it. */
export function SectionList({
  sections,
  actions,
}: {
  sections: SectionRow[];
  actions: { save: FormAction; move: FormAction; remove: FormAction };
}) {
  if (sections.length === 0) return <p className="font-sans text-muted">No sections yet.</p>;
  return (
    <ol className="flex flex-col gap-4 font-sans">
      {sections.map((section, index) => (
        <li key={section.id} className="flex flex-col gap-3 rounded border border-rule p-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="text-lg font-bold">{section.name}</h3>
            <p className="text-sm text-muted">
              <a href={`/sections/${section.slug}`} className="underline">
                /sections/{section.slug}
              </a>{' '}
              · {section.storyCount} {section.storyCount === 1 ? 'story' : 'stories'}
            </p>
          </div>
          {section.description && <p className="text-sm">{section.description}</p>}
          <div className="flex flex-wrap items-start gap-3">
            <ActionForm action={actions.move} label={`Move ${section.name}`} className="flex flex-col gap-2">
              <input type="hidden" name="id" value={section.id} />
              <div className="flex gap-2">
                <button type="submit" name="direction" value="up" disabled={index === 0} className={button}>
                  Move up<span className="sr-only"> {section.name}</span>
                </button>
                <button type="submit" name="direction" value="down" disabled={index === sections.length - 1} className={button}>
                  Move down<span className="sr-only"> {section.name}</span>
                </button>
              </div>
            </ActionForm>
            <ActionForm action={actions.remove} label={`Delete ${section.name}`} className="flex flex-col gap-2">
              <input type="hidden" name="id" value={section.id} />
              <div>
                <button type="submit" className={button}>
                  Delete<span className="sr-only"> {section.name}</span>
                </button>
              </div>
            </ActionForm>
          </div>
          <details>
            <summary className="cursor-pointer text-sm font-semibold">
              Edit<span className="sr-only"> {section.name}</span>
            </summary>
            <div className="mt-3">
              <SectionForm action={actions.save} section={section} label={`Edit ${section.name}`} />
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
