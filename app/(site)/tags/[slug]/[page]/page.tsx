import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Listing } from '@/components/listing';
import { getTagPage } from '@/lib/articles';
import { parsePage } from '@/lib/pagination';
import { sentinelParams } from '@/lib/static-params';

// Served at /tags/<slug> and /tags/<slug>?page=N through rewrites in next.config.js.
export const generateStaticParams = () => sentinelParams('slug', 'page');

async function load(params: PageProps<'/tags/[slug]/[page]'>['params']) {
  const { slug, page } = await params;
  const number = parsePage(page);
  return number ? getTagPage(slug, number) : null;
}

export async function generateMetadata({ params }: PageProps<'/tags/[slug]/[page]'>): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const { subject, articles } = found;
  const path = `/tags/${subject.slug}`;
  return {
    title: articles.page > 1 ? `${subject.name}, page ${articles.page}` : subject.name,
    description: `Stories tagged ${subject.name}.`,
    alternates: { canonical: articles.page > 1 ? `${path}?page=${articles.page}` : path },
  };
}

export default async function TagPage({ params }: PageProps<'/tags/[slug]/[page]'>) {
  const found = await load(params);
  if (!found) notFound();
  const { subject, articles } = found;
  return <Listing kicker="Tag" title={subject.name} basePath={`/tags/${subject.slug}`} articles={articles} />;
}
