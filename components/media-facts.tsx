import Link from 'next/link';
import type { LibraryItem } from '@/lib/media';
import { formatBytes } from '@/lib/media-image';
import { PublishedDate } from './published-date';

/** Size, dimensions, credit, uploader and the stories an image appears in. */
export function MediaFacts({ item }: { item: Omit<LibraryItem, 'path' | 'alt' | 'mime'> }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
      <dt className="text-muted">Size</dt>
      <dd>
        {item.width} × {item.height} px{item.bytes > 0 && `, ${formatBytes(item.bytes)}`}
      </dd>
      {item.credit && (
        <>
          <dt className="text-muted">Credit</dt>
          <dd>{item.credit}</dd>
        </>
      )}
      <dt className="text-muted">Added</dt>
      <dd>
        <PublishedDate date={item.createdAt} />
        {item.uploaderName ? ` by ${item.uploaderName}` : ''}
      </dd>
      <dt className="text-muted">Used in</dt>
      <dd>
        {item.usedBy.length === 0 ? (
          'No stories'
        ) : (
          <ul>
            {item.usedBy.map((story) => (
              <li key={story.id}>
                <Link href={`/dashboard/articles/${story.id}`} className="underline">
                  {story.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}
