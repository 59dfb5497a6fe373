import { deleteCommentAction, editCommentAction, postCommentAction, reactAction, reportCommentAction } from '@/app/(site)/comment-actions';
import { EDIT_WINDOW_MS, reportReasonLabels, reportReasons, type ThreadComment } from '@/lib/comments';
import { flashFor, type Flash } from '@/lib/flash';
import type { ThreadSortName } from '@/lib/thread-links';
import { ActionForm } from './action-form.client';
import { CommentTextForm, ReportCommentForm } from './comment-forms.client';

/** Who is reading the thread, for the signed-in variant of an article: what they may do with each comment. */
export interface ThreadViewer {
  id: number;
  articleId: number;
  /** The story takes comments now (open, not auto-closed) and the reader may post. */
  canPost: boolean;
  /** Comments they have reacted to: their "Like" shows pressed. */
  reacted: ReadonlySet<number>;
  sort: ThreadSortName;
  /** The thread page they are on, to come back to after a delete or a reaction. */
  back: string;
  now: number;
  /** A refused submission made without JavaScript, to show again in its form. */
  flash: Flash | null;
}

const link = 'cursor-pointer font-semibold text-muted hover:text-[var(--ink)] hover:underline';

/** A control that opens a form in place: `<details>` works without JavaScript. */
function Disclosure({ label, open, children }: { label: string; open: boolean; children: React.ReactNode }) {
  return (
    <details open={open} className="open:basis-full">
      <summary role="button" className={`${link} list-none`}>
        {label}
      </summary>
      {children}
    </details>
  );
}

function Hidden({ fields }: { fields: Record<string, string | number> }) {
  return Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/** The row under a comment: like, reply, and for one's own, edit (first ten minutes) and delete; report for others'. */
export function CommentControls({ comment, viewer }: { comment: ThreadComment; viewer: ThreadViewer }) {
  if (comment.deleted || comment.body === null) return null;
  const own = comment.author?.id === viewer.id;
  const editable = own && viewer.now - comment.createdAt.getTime() < EDIT_WINDOW_MS;
  const ref = { commentId: comment.id, back: viewer.back };
  const keys = { reply: `reply-${comment.id}`, edit: `edit-${comment.id}`, report: `report-${comment.id}` };
  const kept = (key: string) => ({ formKey: key, initial: flashFor<undefined>(viewer.flash, key) });
  return (
    <div className="mt-2 flex flex-wrap items-start gap-x-4 gap-y-2 font-sans text-sm">
      {!own && (
        <ActionForm action={reactAction}>
          <Hidden fields={ref} />
          <button type="submit" aria-pressed={viewer.reacted.has(comment.id)} className={`${link} aria-pressed:text-accent`}>
            {viewer.reacted.has(comment.id) ? 'Liked' : 'Like'}
          </button>
        </ActionForm>
      )}
      {viewer.canPost && (
        <Disclosure label="Reply" open={!!kept(keys.reply).initial}>
          <CommentTextForm
            action={postCommentAction}
            {...kept(keys.reply)}
            fields={{ articleId: viewer.articleId, parentId: comment.id, sort: viewer.sort }}
            label="Your reply"
            submitLabel="Post reply"
          />
        </Disclosure>
      )}
      {editable && (
        <Disclosure label="Edit" open={!!kept(keys.edit).initial}>
          <CommentTextForm
            action={editCommentAction}
            {...kept(keys.edit)}
            fields={{ commentId: comment.id, sort: viewer.sort }}
            label="Edit your comment"
            submitLabel="Save changes"
            text={comment.body}
          />
        </Disclosure>
      )}
      {own && (
        <ActionForm action={deleteCommentAction}>
          <Hidden fields={ref} />
          <button type="submit" className={link}>
            Delete
          </button>
        </ActionForm>
      )}
      {!own && (
        <Disclosure label="Report" open={!!kept(keys.report).initial}>
          <ReportCommentForm
            action={reportCommentAction}
            {...kept(keys.report)}
            commentId={comment.id}
            reasons={reportReasons.map((value) => ({ value, label: reportReasonLabels[value] }))}
          />
        </Disclosure>
      )}
    </div>
  );
}

/** The box above the thread where a signed-in reader writes a new comment. */
export function NewComment({ viewer }: { viewer: ThreadViewer }) {
  const formKey = 'new-comment';
  return (
    <CommentTextForm
      action={postCommentAction}
      formKey={formKey}
      initial={flashFor<undefined>(viewer.flash, formKey)}
      fields={{ articleId: viewer.articleId, sort: viewer.sort }}
      label="Your comment"
      submitLabel="Post comment"
    />
  );
}
