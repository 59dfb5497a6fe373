import Link from 'next/link';
import type { ModerationLogEntry } from '@/lib/moderation';
import { holdReasonLabels } from './moderation-queue';

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC' });

const decisions: Record<string, string> = {
  'comment.approve': 'Approved',
  'comment.remove': 'Removed',
  'comment.spam': 'Marked as spam',
  'comment.feature': 'Featured',
  'comment.unfeature': 'Unfeatured',
  'comment.ban_author': 'Banned the author',
  'comment.hold': 'Held by the rules',
};

const statusWords: Record<string, string> = { pending: 'pending', published: 'published', removed: 'removed', spam: 'spam' };

/** The particulars of a decision, in words: where it came from, how long a ban lasts, why a hold. */
export function decisionDetail(entry: Pick<ModerationLogEntry, 'action' | 'detail'>): string {
  const { detail } = entry;
  const parts: string[] = [];
  if (typeof detail.from === 'string') parts.push(`was ${statusWords[detail.from] ?? detail.from}`);
  if (typeof detail.dismissedReports === 'number') parts.push(`${detail.dismissedReports} ${detail.dismissedReports === 1 ? 'report' : 'reports'} dismissed`);
  if (entry.action === 'comment.ban_author') parts.push(typeof detail.days === 'number' ? `for ${detail.days} ${detail.days === 1 ? 'day' : 'days'}` : 'permanently');
  if (Array.isArray(detail.reasons)) parts.push(detail.reasons.map((reason) => holdReasonLabels[reason as keyof typeof holdReasonLabels] ?? String(reason)).join('; '));
  return parts.join(', ');
}

/** Every moderation decision, newest first: when, who, what, on which comment. */
export function ModerationLogTable({ entries }: { entries: ModerationLogEntry[] }) {
  if (entries.length === 0) return <p className="text-muted">No decision has been recorded yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <thead>
          <tr className="border-b border-rule text-left">
            {['When (UTC)', 'Who', 'Decision', 'Comment', 'Detail'].map((heading) => (
              <th key={heading} scope="col" className="py-2 pr-4">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-b border-rule align-top">
              <td className="py-2 pr-4 whitespace-nowrap">
                <time dateTime={entry.at.toISOString()}>{when.format(entry.at)}</time>
              </td>
              <td className="py-2 pr-4">{entry.actor ? entry.actor.name : <span className="text-muted">the rules</span>}</td>
              <td className="py-2 pr-4">{decisions[entry.action] ?? entry.action}</td>
              <td className="py-2 pr-4">
                {entry.comment ? (
                  <>
                    <span className="break-words">“{entry.comment.excerpt}”</span>
                    <br />
                    <span className="text-muted">on </span>
                    <Link href={`/articles/${entry.comment.articleSlug}#comment-${entry.comment.id}`} className="underline">
                      {entry.comment.articleTitle}
                    </Link>
                  </>
                ) : (
                  <span className="text-muted">a comment since deleted</span>
                )}
              </td>
              <td className="py-2">{decisionDetail(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
