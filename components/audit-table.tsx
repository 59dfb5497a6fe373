import Link from 'next/link';
import type { AuditEntry } from '@/lib/audit';
import { actionLabel, detailLines } from './audit-words';

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC' });

/** One row per recorded change: when, who, what, to what, and the particulars. */
export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <p className="font-sans text-muted">Nothing recorded matches these filters.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse font-sans text-sm">
        <thead>
          <tr className="border-b border-rule text-left">
            {['When (UTC)', 'Who', 'Action', 'Target', 'Detail'].map((heading) => (
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
              <td className="py-2 pr-4">
                {entry.actor ? entry.actor.name : <span className="text-muted">command line or system</span>}
                {entry.detail.via === 'cli' && entry.actor && <span className="text-muted"> (command line)</span>}
              </td>
              <td className="py-2 pr-4">
                {actionLabel(entry.action)}
                <br />
                <code className="text-xs text-muted">{entry.action}</code>
              </td>
              <td className="py-2 pr-4">
                {entry.target.href ? (
                  <Link href={entry.target.href} className="underline">
                    {entry.target.label}
                  </Link>
                ) : (
                  entry.target.label
                )}
                <span className="text-muted"> ({entry.target.type})</span>
              </td>
              <td className="py-2">
                <ul>
                  {detailLines(entry.detail).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
