import type { Metadata } from 'next';
import { NotFoundPage, notFoundMetadata } from '@/components/not-found-page';
import { ArticleView } from '@/components/article-view';
import { JsonLd } from '@/components/json-ld';
import { getPublishedArticle, getRelatedArticles } from '@/lib/articles';
import { articleJsonLd, articleMetadata } from '@/lib/seo';
import { sentinelParams } from '@/lib/static-params';

export const generateStaticParams = () => sentinelParams('slug');

export async function generateMetadata({ params }: PageProps<'/articles/[slug]'>): Promise<Metadata> {
  const article = await getPublishedArticle((await params).slug);
  return article ? articleMetadata(article) : notFoundMetadata;
}

export default async function ArticlePage({ params }: PageProps<'/articles/[slug]'>) {
  const article = await getPublishedArticle((await params).slug);
  if (!article) return <NotFoundPage />;
  const related = await getRelatedArticles(article.id, article.section?.slug ?? null);
  return (
    <>
      <JsonLd data={articleJsonLd(article)} />
      <ArticleView article={article} related={related} />
    </>
  );
}
