import Link from 'next/link';
import type { Thread, ThreadComment } from '@/lib/comments';
import { commentParagraphs } from '@/lib/comment-text';
import { PublishedDate } from './published-date';

/** Replies indent this deep; deeper ones continue flat, saying whom they answer. */
const MAX_INDENT = 5;

function CommentBody({ body }: { body: string }) {
  return (
    <div className="flex flex-col gap-3 whitespace-pre-line">
      {commentParagraphs(body).map((paragraph, index) => (
        <p key={index}>
          {paragraph.map((segment, part) =>
            'href' in segment ? (
              <a key={part} href={segment.href} rel="nofollow ugc noopener" className="underline">
                {segment.text}
              </a>
            ) : (
              <span key={part}>{segment.text}</span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}

function Comment({ comment, parentName }: { comment: ThreadComment; parentName?: string }) {
  const name = comment.author?.name ?? '[deleted]';
  const indent = comment.depth > 0 && comment.depth <= MAX_INDENT;
  return (
    <article id={`comment-${comment.id}`} aria-label={`Comment by ${name}`} className={indent ? 'mt-6 border-l-2 border-rule pl-4 sm:pl-6' : 'mt-6'}>
      <header className="flex flex-wrap items-baseline gap-x-2 font-sans text-sm">
        <span className="font-semibold">{name}</span>
        {comment.author?.staff && <span className="rounded bg-[var(--ink)] px-1.5 py-0.5 text-xs font-semibold text-[var(--paper)]">Staff</span>}
        {comment.featured && <span className="text-xs font-semibold text-accent">Featured</span>}
        <span className="text-muted">
          <PublishedDate date={comment.createdAt} />
          {comment.editedAt && ' · edited'}
        </span>
        {comment.depth > MAX_INDENT && parentName && <span className="text-muted">replying to {parentName}</span>}
      </header>
      <div className="mt-2">{comment.deleted || comment.body === null ? <p className="text-muted italic">[deleted]</p> : <CommentBody body={comment.body} />}</div>
      {comment.reactionCount > 0 && (
        <p className="mt-2 font-sans text-xs text-muted">
          {comment.reactionCount} {comment.reactionCount === 1 ? 'person likes' : 'people like'} this
        </p>
      )}
      {comment.replies.map((reply) => (
        <Comment key={reply.id} comment={reply} parentName={name} />
      ))}
    </article>
  );
}

/**
 * The discussion under a story, rendered on the server into the page itself: readable without
 * JavaScript and by search engines. `children` is what readers can do (a form, or a sign-in link).
 */
export function CommentThread({ thread, closed, children }: { thread: Thread; closed: boolean; children?: React.ReactNode }) {
  return (
    <section id="comments" aria-labelledby="comments-heading" className="mx-auto mt-16 max-w-2xl border-t-2 border-current pt-6">
      <h2 id="comments-heading" className="font-sans text-xl font-bold">
        Comments <span className="text-muted">({thread.commentCount})</span>
      </h2>
      {closed ? <p className="mt-4 font-sans text-muted">Comments are closed on this story.</p> : children}
      {thread.comments.length === 0 ? (
        <p className="mt-6 font-sans text-muted">No comments yet.</p>
      ) : (
        thread.comments.map((comment) => <Comment key={comment.id} comment={comment} />)
      )}
    </section>
  );
}

export function SignInToComment({ slug }: { slug: string }) {
  return (
    <p className="mt-4 font-sans">
      <Link href={`/login?next=${encodeURIComponent(`/articles/${slug}#comments`)}`} className="font-semibold underline">
        Sign in to comment
      </Link>
    </p>
  );
}
