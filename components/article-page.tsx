import { getPublishedArticle, getRelatedArticles } from '@/lib/articles';
import { commentingState, getOwnPendingComments, getReactedCommentIds, getThread, type Thread } from '@/lib/comments';
import { takeFlash } from '@/lib/flash';
import { articleJsonLd } from '@/lib/seo';
import type { CurrentUser } from '@/lib/session';
import { getSetting } from '@/lib/settings';
import { DEFAULT_SORT, threadHref, type ThreadSortName } from '@/lib/thread-links';
import { ArticleView } from './article-view';
import { CommentControls, NewComment, type ThreadViewer } from './comment-controls';
import { CommentThread, SignInToComment } from './comment-thread';
import { JsonLd } from './json-ld';
import { NotFoundPage } from './not-found-page';

type PublishedArticle = NonNullable<Awaited<ReturnType<typeof getPublishedArticle>>>;

/**
 * The story, its thread and what follows. Anonymous pages (`reader` undefined) are prerendered: the
 * thread with a sign-in link. The signed-in variant passes the reader (null if their session has
 * ended): the same page plus the comment form, the controls under each comment and their held comments.
 */
export async function renderArticle(
  slug: string,
  { reader, sort = DEFAULT_SORT, page = 1 }: { reader?: CurrentUser | null; sort?: ThreadSortName; page?: number } = {},
) {
  const article = await getPublishedArticle(slug);
  if (!article) return <NotFoundPage />;
  const [related, thread] = await Promise.all([
    getRelatedArticles(article.id, article.section?.slug ?? null),
    article.commentsMode === 'off' ? null : getThread(article.id, { sort, page }),
  ]);
  // A thread page past the last one does not exist.
  if (article.commentsMode !== 'off' && !thread) return <NotFoundPage />;
  return (
    <>
      <JsonLd data={articleJsonLd(article)} />
      <ArticleView article={article} related={related}>
        {thread && (reader ? await readerThread(article, thread, reader) : anonymousThread(article, thread))}
      </ArticleView>
    </>
  );
}

function anonymousThread(article: PublishedArticle, thread: Thread) {
  return (
    <CommentThread thread={thread} slug={article.slug} closed={article.commentsMode === 'closed'}>
      <SignInToComment slug={article.slug} />
    </CommentThread>
  );
}

async function readerThread(article: PublishedArticle, thread: Thread, reader: CurrentUser) {
  const now = new Date();
  const [autoCloseDays, reacted, pending, flash] = await Promise.all([
    getSetting('comments.autoCloseDays'),
    getReactedCommentIds(reader.id, article.id),
    getOwnPendingComments(reader.id, article.id),
    takeFlash(),
  ]);
  const open = commentingState(article, autoCloseDays, now) === 'open';
  const viewer: ThreadViewer = {
    id: reader.id,
    articleId: article.id,
    canPost: open,
    reacted: new Set(reacted),
    sort: thread.sort,
    back: threadHref(article.slug, { sort: thread.sort, page: thread.page }, ''),
    now: now.getTime(),
    flash,
  };
  return (
    <CommentThread thread={thread} slug={article.slug} closed={!open} pending={pending} controls={(comment) => <CommentControls comment={comment} viewer={viewer} />}>
      <NewComment viewer={viewer} />
    </CommentThread>
  );
}
