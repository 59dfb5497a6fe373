import Link from 'next/link';
import type { OwnPendingComment, Thread, ThreadComment } from '@/lib/comments';
import { commentParagraphs } from '@/lib/comment-text';
import { DEFAULT_SORT, threadHref, threadSortNames } from '@/lib/thread-links';
import { Pagination } from './pagination';
import { PublishedDate } from './published-date';

/** What a signed-in reader may do under a comment (components/comment-controls.tsx); nothing for anonymous pages. */
type Controls = (comment: ThreadComment) => React.ReactNode;

/** Replies indent this deep; deeper ones continue flat, saying whom they answer. */
const MAX_INDENT = 5;

// A busy story's page carries dozens of comments, each twice (HTML and the RSC payload): the markup
// stays lean, styled by the .comment classes in app/globals.css rather than a utility list per element.
function CommentBody({ body }: { body: string }) {
  return (
    <div className="comment-body">
      {commentParagraphs(body).map((paragraph, index) => (
        <p key={index}>
          {paragraph.map((segment, part) =>
            'href' in segment ? (
              <a key={part} href={segment.href} rel="nofollow ugc noopener">
                {segment.text}
              </a>
            ) : (
              segment.text
            ),
          )}
        </p>
      ))}
    </div>
  );
}

function Comment({ comment, parentName, controls }: { comment: ThreadComment; parentName?: string; controls?: Controls }) {
  const name = comment.author?.name ?? '[deleted]';
  const indent = comment.depth > 0 && comment.depth <= MAX_INDENT;
  return (
    <article id={`comment-${comment.id}`} aria-label={`Comment by ${name}`} className={indent ? 'comment reply' : 'comment'}>
      <header>
        <span>{name}</span>
        {comment.author?.staff && <span className="rounded bg-[var(--ink)] px-1.5 py-0.5 text-xs font-semibold text-[var(--paper)]">Staff</span>}
        {comment.featured && <span className="text-xs font-semibold text-accent">Featured</span>}
        <span>
          <PublishedDate date={comment.createdAt} />
          {comment.editedAt && ' · edited'}
        </span>
        {comment.depth > MAX_INDENT && parentName && <span>replying to {parentName}</span>}
      </header>
      {comment.deleted || comment.body === null ? <p className="comment-body italic text-muted">[deleted]</p> : <CommentBody body={comment.body} />}
      {comment.reactionCount > 0 && (
        <p className="mt-2 font-sans text-xs text-muted">
          {comment.reactionCount} {comment.reactionCount === 1 ? 'person likes' : 'people like'} this
        </p>
      )}
      {controls?.(comment)}
      {comment.replies.map((reply) => (
        <Comment key={reply.id} comment={reply} parentName={name} controls={controls} />
      ))}
    </article>
  );
}

const sortLabels = { newest: 'Newest', oldest: 'Oldest', top: 'Top' } as const;

function SortLinks({ slug, thread }: { slug: string; thread: Thread }) {
  return (
    <nav aria-label="Sort comments" className="mt-6 flex gap-4 font-sans text-sm">
      <span className="text-muted">Sort by</span>
      {threadSortNames.map((sort) => (
        // A plain anchor: the prerendered page knows its sort only through a rewrite (see Pagination's fullLoad).
        <a
          key={sort}
          href={threadHref(slug, { sort })}
          aria-current={sort === thread.sort ? 'true' : undefined}
          className="font-semibold hover:underline aria-[current]:text-accent aria-[current]:underline"
        >
          {sortLabels[sort]}
        </a>
      ))}
    </nav>
  );
}

/** The reader's own comments that wait for a moderator: only they (and staff, in the queue) see them. */
function AwaitingModeration({ comments }: { comments: OwnPendingComment[] }) {
  if (comments.length === 0) return null;
  return (
    <div className="mt-6 rounded border border-rule p-4">
      {comments.map((comment) => (
        <article key={comment.id} id={`comment-${comment.id}`} aria-label="Your comment, awaiting moderation" className="mt-4 first:mt-0">
          <p className="font-sans text-sm font-semibold">
            Your {comment.parentId === null ? 'comment' : 'reply'} is awaiting moderation. Only you can see it until a moderator approves it.
          </p>
          <div className="mt-2 text-muted">
            <CommentBody body={comment.body} />
          </div>
        </article>
      ))}
    </div>
  );
}

/**
 * The discussion under a story, rendered on the server into the page itself: readable without
 * JavaScript and by search engines. `children` is what the reader can do above it (a form, or a
 * sign-in link); `controls` what they can do under each comment; `pending` their held comments.
 */
export function CommentThread({
  thread,
  slug,
  closed,
  children,
  controls,
  pending = [],
}: {
  thread: Thread;
  slug: string;
  closed: boolean;
  children?: React.ReactNode;
  controls?: Controls;
  pending?: OwnPendingComment[];
}) {
  return (
    <section id="comments" aria-labelledby="comments-heading" className="mx-auto mt-16 max-w-2xl border-t-2 border-current pt-6">
      <h2 id="comments-heading" className="font-sans text-xl font-bold">
        Comments <span className="text-muted">({thread.commentCount})</span>
      </h2>
      {closed ? <p className="mt-4 font-sans text-muted">Comments are closed on this story.</p> : children}
      <AwaitingModeration comments={pending} />
      {thread.topLevelCount > 1 && <SortLinks slug={slug} thread={thread} />}
      {thread.comments.length === 0 ? (
        <p className="mt-6 font-sans text-muted">No comments yet.</p>
      ) : (
        thread.comments.map((comment) => <Comment key={comment.id} comment={comment} controls={controls} />)
      )}
      <Pagination
        basePath={`/articles/${slug}`}
        page={thread.page}
        pageCount={thread.pageCount}
        query={thread.sort === DEFAULT_SORT ? {} : { sort: thread.sort }}
        labels={{ previous: 'Previous comments', next: 'More comments' }}
        label="Comment pages"
        fullLoad
      />
    </section>
  );
}

export function SignInToComment({ slug }: { slug: string }) {
  return (
    <p className="mt-4 font-sans">
      <Link prefetch={false} href={`/login?next=${encodeURIComponent(`/articles/${slug}#comments`)}`} className="font-semibold underline">
        Sign in to comment
      </Link>
    </p>
  );
}
