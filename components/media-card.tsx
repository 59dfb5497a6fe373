import Image from 'next/image';
import Link from 'next/link';
import type { FormState } from '@/lib/action';
import type { LibraryItem } from '@/lib/media';
import { MediaDeleteForm } from './media-delete-form.client';
import { MediaFacts } from './media-facts';

/** One image in the library: the picture, what it is, where it is used, and what you may do with it. */
export function MediaCard({
  item,
  canManage,
  deleteAction,
}: {
  item: LibraryItem;
  canManage: boolean;
  deleteAction: (state: FormState, form: FormData) => Promise<FormState>;
}) {
  return (
    <li className="flex flex-col gap-3 rounded border border-rule p-3">
      <Image
        src={item.path}
        alt={item.alt}
        width={item.width}
        height={item.height}
        sizes="(min-width: 1024px) 18rem, (min-width: 640px) 45vw, 100vw"
        className="aspect-[4/3] w-full rounded bg-rule/40 object-contain"
      />
      <p className="line-clamp-3 text-sm font-semibold">{item.alt}</p>
      <MediaFacts item={item} />
      <div className="mt-auto flex flex-wrap items-start gap-3 text-sm">
        <Link href={`/dashboard/media/${item.id}`} className="rounded border border-rule px-3 py-1 font-semibold hover:border-current">
          {canManage ? 'Edit' : 'Details'}
          <span className="sr-only"> “{item.alt}”</span>
        </Link>
        {canManage && <MediaDeleteForm action={deleteAction} id={item.id} alt={item.alt} />}
      </div>
    </li>
  );
}
