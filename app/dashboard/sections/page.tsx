import type { Metadata } from 'next';
import { button, field, input } from '@/components/form-styles';
import { Pagination } from '@/components/pagination';
import { SectionForm } from '@/components/section-form.client';
import { SectionList } from '@/components/section-list';
import { TagForm } from '@/components/tag-form.client';
import { TagList } from '@/components/tag-list';
import { requireRole } from '@/lib/guards';
import { listSections, listTags, tagListSchema } from '@/lib/taxonomy';
import { addSection, addTag, combineTag, removeSection, removeTag, reorderSection, saveSection, saveTag } from './actions';

export const metadata: Metadata = { title: 'Sections & tags' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SectionsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireRole('editor', '/dashboard/sections');
  const raw = await searchParams;
  const filter = tagListSchema.parse({ q: first(raw.q), page: first(raw.page) });
  const [sections, tags] = await Promise.all([listSections(), listTags(filter)]);
  return (
    <div className="flex flex-col gap-12">
      <h1 className="text-3xl font-bold">Sections &amp; tags</h1>

      <section aria-labelledby="sections" className="flex flex-col gap-6">
        <h2 id="sections" className="text-2xl font-bold">
          Sections
        </h2>
        <p className="font-sans text-sm text-muted">In the order of the site’s navigation. A section can be deleted once no story is filed under it.</p>
        <SectionList sections={sections} actions={{ save: saveSection, move: reorderSection, remove: removeSection }} />
        <h3 className="text-xl font-bold">New section</h3>
        <SectionForm action={addSection} label="New section" />
      </section>

      <section aria-labelledby="tags" className="flex flex-col gap-6 border-t border-rule pt-8">
        <h2 id="tags" className="text-2xl font-bold">
          Tags
        </h2>
        <form method="get" action="/dashboard/sections" role="search" aria-label="Tags" className="flex flex-wrap items-end gap-3 font-sans">
          <label className={field}>
            Search tags
            <input type="search" name="q" defaultValue={filter.q} maxLength={100} className={input} />
          </label>
          <button type="submit" className={button}>
            Search
          </button>
        </form>
        <p className="font-sans text-sm text-muted">
          {tags.total} {tags.total === 1 ? 'tag' : 'tags'}
        </p>
        <TagList tags={tags.items} actions={{ save: saveTag, merge: combineTag, remove: removeTag }} />
        <Pagination basePath="/dashboard/sections" page={tags.page} pageCount={tags.pageCount} query={filter.q ? { q: filter.q } : {}} labels={{ previous: 'Previous', next: 'Next' }} />
        <h3 className="text-xl font-bold">New tag</h3>
        <TagForm action={addTag} label="New tag" />
      </section>
    </div>
  );
}
