import { renderArticle } from '@/components/article-page';
import { NotFoundPage } from '@/components/not-found-page';
import { currentUser } from '@/lib/session';
import { DEFAULT_SORT, isThreadSort } from '@/lib/thread-links';

export { generateMetadata } from '../../../(anon)/articles/[slug]/page';

/** The story for a signed-in reader: rendered per request, so the thread's sort and page come as a query. */
export default async function SignedInArticlePage({ params, searchParams }: PageProps<'/me/articles/[slug]'>) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const sort = query.sort ?? DEFAULT_SORT;
  const page = query.page ?? '1';
  if (!isThreadSort(sort) || typeof page !== 'string' || !/^[1-9]\d{0,5}$/.test(page)) return <NotFoundPage />;
  return renderArticle(slug, { reader: await currentUser(), sort, page: Number(page) });
}
