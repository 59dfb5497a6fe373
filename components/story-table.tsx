import Link from 'next/link';
import type { ArticleStatus } from '@/db/schema';
import { statusLabels } from '@/lib/workflow';

export interface StoryRow {
  id: number;
  title: string;
  status: ArticleStatus;
  sectionName: string | null;
  authors: string[];
  updatedAt: Date;
  publishAt: Date | null;
}

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** The dashboard's stories: each title opens the editor. */
export function StoryTable({ stories, caption }: { stories: StoryRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-rule text-left">
            {['Title', 'Status', 'Section', 'Authors', 'Updated (UTC)'].map((heading) => (
              <th key={heading} scope="col" className="py-2 pr-4 font-semibold">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {stories.map((story) => (
            <tr key={story.id} className="border-b border-rule align-top">
              <th scope="row" className="py-2 pr-4 text-left font-normal">
                <Link href={`/dashboard/articles/${story.id}`} className="font-semibold hover:underline">
                  {story.title}
                </Link>
              </th>
              <td className="py-2 pr-4 whitespace-nowrap">
                {statusLabels[story.status]}
                {story.status === 'scheduled' && story.publishAt && (
                  <span className="block text-xs text-muted">
                    for <time dateTime={story.publishAt.toISOString()}>{when.format(story.publishAt)}</time>
                  </span>
                )}
              </td>
              <td className="py-2 pr-4">{story.sectionName ?? <span className="text-muted">None</span>}</td>
              <td className="py-2 pr-4">{story.authors.join(', ')}</td>
              <td className="py-2 whitespace-nowrap">
                <time dateTime={story.updatedAt.toISOString()}>{when.format(story.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
