import Link from 'next/link';
import { reportReasonLabels, type HoldReason, type ReportReason } from '@/lib/comments';
import { flashFor, type Flash } from '@/lib/flash';
import type { QueueItem, QueueTab } from '@/lib/moderation';
import type { FormAction } from './action-form.client';
import { BanAuthorForm, BulkApproveForm, DecisionButton, FeatureButton } from './moderation-controls.client';

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

export const tabLabels: Record<QueueTab, string> = { pending: 'Pending', reported: 'Reported', spam: 'Spam', all: 'All' };

const emptyTab: Record<QueueTab, string> = {
  pending: 'Nothing is waiting for a moderator.',
  reported: 'No comment is reported.',
  spam: 'No comment is marked as spam.',
  all: 'Nobody has commented yet.',
};

export const holdReasonLabels: Record<HoldReason, string> = {
  premoderation: 'Pre-moderation is on: every reader’s comment waits',
  suspect_words: 'Contains a suspect word',
  links: 'Has two or more links',
  new_reader: 'New reader: fewer than two approved comments',
};

const statusLabels: Record<QueueItem['status'], string> = { pending: 'Pending', published: 'Published', removed: 'Removed', spam: 'Spam' };

export interface QueueActions {
  moderate: FormAction;
  feature: FormAction;
  ban: FormAction;
}

/** The tabs as links (the address says which is open), each with how many comments it holds. */
export function QueueTabs({ current, counts }: { current: QueueTab; counts: Record<QueueTab, number> }) {
  return (
    <nav aria-label="Moderation queue">
      <ul className="flex flex-wrap gap-2 border-b border-rule text-sm font-semibold">
        {(Object.keys(tabLabels) as QueueTab[]).map((tab) => (
          <li key={tab}>
            <Link
              href={tab === 'pending' ? '/dashboard/comments' : `/dashboard/comments?tab=${tab}`}
              aria-current={tab === current ? 'page' : undefined}
              className={`-mb-px inline-block border-b-2 px-3 py-2 ${tab === current ? 'border-current' : 'border-transparent text-muted hover:text-current'}`}
            >
              {tabLabels[tab]} <span className="font-normal">({counts[tab]})</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** What a moderator may still do with a comment in its current state (the server decides again). */
export function offeredDecisions(item: Pick<QueueItem, 'status' | 'reportCount'>) {
  return {
    // Approving a published comment only dismisses its reports: offered when there are some.
    approve: item.status !== 'published' || item.reportCount > 0,
    remove: item.status !== 'removed',
    spam: item.status !== 'spam',
  };
}

/** May this moderator ban this comment's author? Editors ban readers; only an admin bans staff. */
export function mayBan(item: Pick<QueueItem, 'author'>, moderator: { id: number; isAdmin: boolean }): boolean {
  const author = item.author;
  if (!author || author.id === moderator.id || author.status === 'banned') return false;
  return author.role === 'reader' || moderator.isAdmin;
}

const BULK_FORM = 'bulk-approve';

export function ModerationQueue({
  tab,
  items,
  actions,
  moderator,
  flash = null,
}: {
  tab: QueueTab;
  items: QueueItem[];
  actions: QueueActions;
  moderator: { id: number; isAdmin: boolean };
  /** The outcome of a refused submission made without JavaScript, for the form it came from. */
  flash?: Flash | null;
}) {
  const bulk = items.some((item) => offeredDecisions(item).approve);
  return (
    <div className="flex flex-col gap-4">
      {/* Always mounted, so its outcome stays on screen after the approved comments leave the list. */}
      <BulkApproveForm formKey={BULK_FORM} initial={flashFor<undefined>(flash, BULK_FORM)} available={bulk} action={actions.moderate} />
      {items.length === 0 ? (
        <p className="text-muted">{emptyTab[tab]}</p>
      ) : (
        <ol className="flex flex-col gap-4">
          {items.map((item) => (
            <li key={item.id}>
              <QueueEntry item={item} actions={actions} moderator={moderator} bulkForm={bulk ? BULK_FORM : undefined} flash={flash} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function QueueEntry({
  item,
  actions,
  moderator,
  bulkForm,
  flash = null,
}: {
  item: QueueItem;
  actions: QueueActions;
  moderator: { id: number; isAdmin: boolean };
  bulkForm?: string;
  flash?: Flash | null;
}) {
  const offered = offeredDecisions(item);
  const kept = (name: string) => {
    const formKey = `${name}-${item.id}`;
    return { formKey, initial: flashFor<undefined>(flash, formKey) };
  };
  const author = item.author?.name ?? 'a deleted account';
  const headingId = `queue-comment-${item.id}`;
  return (
    <article aria-labelledby={headingId} className="flex flex-col gap-3 rounded border border-rule p-4">
      <header className="flex flex-col gap-1">
        <h2 id={headingId} className="text-base font-semibold">
          Comment by {author} on{' '}
          <Link href={`/articles/${item.article.slug}#comment-${item.id}`} className="underline">
            {item.article.title}
          </Link>
        </h2>
        <p className="text-sm text-muted">
          <span className="font-semibold text-current">{statusLabels[item.status]}</span>
          {item.featured && ' · Featured'}
          {' · '}
          <time dateTime={item.createdAt.toISOString()}>{when.format(item.createdAt)} UTC</time>
          {item.editedAt && ' · edited'}
          {item.depth > 0 && ' · a reply'}
        </p>
        <p className="text-sm text-muted">
          {item.author ? (
            <>
              Author: {item.author.name} ({item.author.role}, {item.author.status}, {item.author.trusted ? 'trusted' : 'not yet trusted'})
            </>
          ) : (
            'Author: account deleted'
          )}
        </p>
      </header>

      {/* Reader text, shown as text: React escapes it, and line breaks are kept by CSS. */}
      <p className="whitespace-pre-wrap break-words">{item.body}</p>

      {item.heldFor.length > 0 && (
        <div className="text-sm">
          <p className="font-semibold">Held because</p>
          <ul className="list-disc pl-5">
            {item.heldFor.map((reason) => (
              <li key={reason}>{holdReasonLabels[reason] ?? reason}</li>
            ))}
          </ul>
        </div>
      )}

      {item.reports.length > 0 && (
        <div className="text-sm">
          <p className="font-semibold">
            {item.reportCount > 0 ? `${item.reportCount} open ${item.reportCount === 1 ? 'report' : 'reports'}` : 'Reports (reviewed)'}
          </p>
          <ul className="list-disc pl-5">
            {item.reports.map((report, index) => (
              <li key={index}>
                {reportReasonLabels[report.reason as ReportReason] ?? report.reason}
                {report.note && <>: “{report.note}”</>}
                <span className="text-muted">
                  {' '}
                  — {report.by ?? 'a deleted account'}, <time dateTime={report.at.toISOString()}>{when.format(report.at)} UTC</time>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="flex flex-wrap items-end gap-3 border-t border-rule pt-3">
        {bulkForm && offered.approve && (
          <label className="flex items-center gap-2 self-center text-sm font-semibold">
            <input type="checkbox" name="ids" value={item.id} form={bulkForm} className="h-4 w-4" />
            Select<span className="sr-only"> the comment by {author} on {item.article.title}</span>
          </label>
        )}
        {offered.approve && <DecisionButton commentId={item.id} decision="approve" label="Approve" action={actions.moderate} {...kept('approve')} />}
        {offered.remove && <DecisionButton commentId={item.id} decision="remove" label="Remove" action={actions.moderate} {...kept('remove')} />}
        {offered.spam && <DecisionButton commentId={item.id} decision="spam" label="Mark as spam" action={actions.moderate} {...kept('spam')} />}
        {(item.status === 'published' || item.featured) && <FeatureButton commentId={item.id} featured={item.featured} action={actions.feature} {...kept('feature')} />}
        {item.author && mayBan(item, moderator) && <BanAuthorForm commentId={item.id} authorName={item.author.name} action={actions.ban} {...kept('ban')} />}
      </div>
    </article>
  );
}
