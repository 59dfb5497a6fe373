import type { Metadata } from 'next';
import { renderArticle } from '@/components/article-page';
import { notFoundMetadata } from '@/components/not-found-page';
import { getPublishedArticle } from '@/lib/articles';
import { articleMetadata } from '@/lib/seo';
import { sentinelParams } from '@/lib/static-params';

export const generateStaticParams = () => sentinelParams('slug');

export async function generateMetadata({ params }: PageProps<'/articles/[slug]'>): Promise<Metadata> {
  const article = await getPublishedArticle((await params).slug);
  return article ? articleMetadata(article) : notFoundMetadata;
}

export default async function ArticlePage({ params }: PageProps<'/articles/[slug]'>) {
  return renderArticle((await params).slug);
}
