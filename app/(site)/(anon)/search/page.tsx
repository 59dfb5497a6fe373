import type { Metadata } from 'next';
import { SearchForm, SearchResults } from '@/components/search-results';
import { searchArticles } from '@/lib/search';

export const metadata: Metadata = { title: 'Search', robots: { index: false }, alternates: { canonical: '/search' } };

// Results render in the first response, outside <Suspense>, so search works without JavaScript.
export const instant = false;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  const params = await searchParams;
  const query = first(params.q);
  const page = /^[1-9]\d{0,3}$/.test(first(params.page)) ? Number(first(params.page)) : 1;
  const outcome = await searchArticles(query, page);
  return (
    <div className="mx-auto max-w-3xl py-10">
      <h1 className="mb-8 text-4xl font-bold tracking-tight sm:text-5xl">Search</h1>
      <SearchForm query={query.slice(0, 400)} />
      <SearchResults outcome={outcome} />
    </div>
  );
}
