import { renderArticle } from '@/components/article-page';
import { NotFoundPage } from '@/components/not-found-page';
import { sentinelParams } from '@/lib/static-params';
import { isThreadSort } from '@/lib/thread-links';

// `/articles/<slug>?sort=top&page=2`: next.config.js rewrites a thread's sort and page to this route,
// so each page of a thread is prerendered and cached like the story itself.
export { generateMetadata } from '../../../page';

export const generateStaticParams = () => sentinelParams('slug', 'sort', 'page');

export default async function ArticleThreadPage({ params }: PageProps<'/articles/[slug]/comments/[sort]/[page]'>) {
  const { slug, sort, page } = await params;
  if (!isThreadSort(sort) || !/^[1-9]\d{0,5}$/.test(page)) return <NotFoundPage />;
  return renderArticle(slug, { sort, page: Number(page) });
}
