import Link from 'next/link';
import { MATCH_END, MATCH_START, type SearchOutcome } from '@/lib/search';
import { Highlighted } from './highlighted';
import { Pagination } from './pagination';
import { PublishedDate } from './published-date';

export function SearchForm({ query }: { query: string }) {
  return (
    <form action="/search" role="search" className="flex gap-2 font-sans">
      <label htmlFor="search-q" className="sr-only">
        Search
      </label>
      <input
        id="search-q"
        type="search"
        name="q"
        defaultValue={query}
        maxLength={400}
        placeholder="Search stories, e.g. &quot;Postal Service&quot; -tour"
        className="min-w-0 flex-1 rounded border border-rule bg-transparent px-4 py-3 text-lg"
      />
      <button type="submit" className="rounded bg-[var(--ink)] px-5 py-3 font-semibold text-[var(--paper)]">
        Search
      </button>
    </form>
  );
}

export function SearchResults({ outcome }: { outcome: SearchOutcome }) {
  if (outcome.kind === 'empty') {
    return (
      <p className="mt-8 text-lg text-muted">
        Type a few words to search every story. Use quotes for an exact phrase (&quot;Postal Service&quot;) and a minus to leave a word out
        (-tour).
      </p>
    );
  }
  if (outcome.kind === 'invalid') {
    return (
      <p role="alert" className="mt-8 text-lg">
        {outcome.message}
      </p>
    );
  }
  if (outcome.total === 0) {
    return (
      <p className="mt-8 text-lg" role="status">
        No stories match <strong>{outcome.query}</strong>. Try fewer or different words.
      </p>
    );
  }
  return (
    <section aria-label="Search results" className="mt-8">
      <p role="status" className="font-sans text-sm text-muted">
        {outcome.total} {outcome.total === 1 ? 'story matches' : 'stories match'} <strong>{outcome.query}</strong>
        {outcome.page > 1 && ` · page ${outcome.page} of ${outcome.pageCount}`}
      </p>
      <ol className="mt-6 divide-y divide-[var(--rule)]">
        {outcome.hits.map((hit) => (
          <li key={hit.id} className="py-6">
            {hit.sectionName && <p className="kicker">{hit.sectionName}</p>}
            <h2 className="mt-1 text-2xl font-bold">
              <Link prefetch={false} href={`/articles/${hit.slug}`} className="hover:underline">
                <Highlighted text={hit.title} start={MATCH_START} end={MATCH_END} />
              </Link>
            </h2>
            {hit.dek && (
              <p className="mt-1 text-muted">
                <Highlighted text={hit.dek} start={MATCH_START} end={MATCH_END} />
              </p>
            )}
            <p className="mt-2">
              <Highlighted text={hit.snippet} start={MATCH_START} end={MATCH_END} />
            </p>
            <p className="mt-2 font-sans text-xs text-muted">
              <PublishedDate date={hit.publishedAt} />
            </p>
          </li>
        ))}
      </ol>
      <Pagination basePath="/search" page={outcome.page} pageCount={outcome.pageCount} query={{ q: outcome.query }} />
    </section>
  );
}
