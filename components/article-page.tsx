import { getPublishedArticle, getRelatedArticles } from '@/lib/articles';
import { getThread } from '@/lib/comments';
import { articleJsonLd } from '@/lib/seo';
import { ArticleView } from './article-view';
import { CommentThread, SignInToComment } from './comment-thread';
import { JsonLd } from './json-ld';
import { NotFoundPage } from './not-found-page';

/** The story, its thread and what follows; `signedIn` pages (the /me variant) get no sign-in prompt. */
export async function renderArticle(slug: string, { signedIn }: { signedIn: boolean }) {
  const article = await getPublishedArticle(slug);
  if (!article) return <NotFoundPage />;
  const [related, thread] = await Promise.all([
    getRelatedArticles(article.id, article.section?.slug ?? null),
    article.commentsMode === 'off' ? null : getThread(article.id, { sort: 'oldest', page: 1 }),
  ]);
  return (
    <>
      <JsonLd data={articleJsonLd(article)} />
      <ArticleView article={article} related={related}>
        {thread && (
          <CommentThread thread={thread} closed={article.commentsMode === 'closed'}>
            {!signedIn && <SignInToComment slug={article.slug} />}
          </CommentThread>
        )}
      </ArticleView>
    </>
  );
}

