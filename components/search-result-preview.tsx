import type { SearchPreview } from '@/lib/search-preview';

/** How the story may look in a search engine's results: address, blue title, grey description. */
export function SearchResultPreview({ preview }: { preview: SearchPreview }) {
  return (
    <figure aria-labelledby="search-preview-caption" className="rounded border border-rule bg-white p-4 font-[Arial,sans-serif] text-[#202124]">
      <figcaption id="search-preview-caption" className="mb-2 font-sans text-xs font-semibold tracking-wide text-[#4d5156] uppercase">
        Search result preview
      </figcaption>
      <p className="truncate text-sm text-[#202124]">{preview.breadcrumb}</p>
      <p className="mt-1 text-xl leading-snug text-[#1a0dab]">{preview.title}</p>
      <p className="mt-1 text-sm leading-normal text-[#4d5156]">{preview.description || 'Add a dek or an SEO description: search engines show it under the title.'}</p>
      {(preview.titleCut || preview.descriptionCut) && (
        <p className="mt-2 font-sans text-xs text-[#4d5156]">
          {preview.titleCut && preview.descriptionCut ? 'The title and description are' : preview.titleCut ? 'The title is' : 'The description is'} likely to be cut short.
        </p>
      )}
    </figure>
  );
}
