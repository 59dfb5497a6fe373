import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SearchForm, SearchResults } from '@/components/search-results';
import { searchArticles } from '@/lib/search';

export const metadata: Metadata = { title: 'Search', robots: { index: false }, alternates: { canonical: '/search' } };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

async function Results({ searchParams }: { searchParams: PageProps<'/search'>['searchParams'] }) {
  const params = await searchParams;
  const query = first(params.q);
  const page = /^[1-9]\d{0,3}$/.test(first(params.page)) ? Number(first(params.page)) : 1;
  const outcome = await searchArticles(query, page);
  return (
    <>
      <SearchForm query={query.slice(0, 400)} />
      <SearchResults outcome={outcome} />
    </>
  );
}

export default function SearchPage({ searchParams }: PageProps<'/search'>) {
  return (
    <div className="mx-auto max-w-3xl py-10">
      <h1 className="mb-8 text-4xl font-bold tracking-tight sm:text-5xl">Search</h1>
      <Suspense fallback={<SearchForm query="" />}>
        <Results searchParams={searchParams} />
      </Suspense>
    </div>
  );
}
