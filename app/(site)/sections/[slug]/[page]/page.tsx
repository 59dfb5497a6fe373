import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Listing } from '@/components/listing';
import { getSectionPage } from '@/lib/articles';
import { parsePage } from '@/lib/pagination';
import { sentinelParams } from '@/lib/static-params';

// Served at /sections/<slug> and /sections/<slug>?page=N through rewrites in next.config.js.
export const generateStaticParams = () => sentinelParams('slug', 'page');

async function load(params: PageProps<'/sections/[slug]/[page]'>['params']) {
  const { slug, page } = await params;
  const number = parsePage(page);
  return number ? getSectionPage(slug, number) : null;
}

export async function generateMetadata({ params }: PageProps<'/sections/[slug]/[page]'>): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  const { subject, articles } = found;
  const path = `/sections/${subject.slug}`;
  return {
    title: articles.page > 1 ? `${subject.name}, page ${articles.page}` : subject.name,
    description: subject.description || undefined,
    alternates: {
      canonical: articles.page > 1 ? `${path}?page=${articles.page}` : path,
      types: { 'application/rss+xml': [{ url: `${path}/feed.xml`, title: subject.name }] },
    },
  };
}

export default async function SectionPage({ params }: PageProps<'/sections/[slug]/[page]'>) {
  const found = await load(params);
  if (!found) notFound();
  const { subject, articles } = found;
  return (
    <Listing
      kicker="Section"
      title={subject.name}
      description={subject.description}
      basePath={`/sections/${subject.slug}`}
      articles={articles}
      feed={`/sections/${subject.slug}/feed.xml`}
    />
  );
}
