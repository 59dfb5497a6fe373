import { renderArticle } from '@/components/article-page';

export { generateMetadata } from '../../../(anon)/articles/[slug]/page';

export default async function SignedInArticlePage({ params }: PageProps<'/me/articles/[slug]'>) {
  return renderArticle((await params).slug, { signedIn: true });
}
