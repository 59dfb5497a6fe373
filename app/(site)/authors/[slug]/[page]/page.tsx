import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Listing } from '@/components/listing';
import { getAuthorPage } from '@/lib/articles';
import { parsePage } from '@/lib/pagination';
import { sentinelParams } from '@/lib/static-params';

// Served at /authors/<slug> and /authors/<slug>?page=N through rewrites in next.config.js.
export const generateStaticParams = () => sentinelParams('slug', 'page');

async function load(params: PageProps<'/authors/[slug]/[page]'>['params']) {
  const { slug, page } = await params;
  const number = parsePage(page);
  return number ? getAuthorPage(slug, number) : null;
}

export async function generateMetadata({ params }: PageProps<'/authors/[slug]/[page]'>): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const { subject, articles } = found;
  const path = `/authors/${subject.slug}`;
  return {
    title: articles.page > 1 ? `${subject.name}, page ${articles.page}` : subject.name,
    description: subject.bio || `Stories by ${subject.name}.`,
    alternates: { canonical: articles.page > 1 ? `${path}?page=${articles.page}` : path },
  };
}

export default async function AuthorPage({ params }: PageProps<'/authors/[slug]/[page]'>) {
  const found = await load(params);
  if (!found) notFound();
  const { subject, articles } = found;
  return <Listing kicker="Author" title={subject.name} description={subject.bio} basePath={`/authors/${subject.slug}`} articles={articles} />;
}
