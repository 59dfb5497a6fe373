import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { MediaDeleteForm } from '@/components/media-delete-form.client';
import { MediaDetailsForm } from '@/components/media-details-form.client';
import { MediaFacts } from '@/components/media-facts';
import { requireRole } from '@/lib/guards';
import { canManageMedia, getLibraryItem } from '@/lib/media';
import { deleteMedia, updateMediaDetails } from '../actions';

export const metadata: Metadata = { title: 'Image' };

export default async function MediaItemPage({ params }: PageProps<'/dashboard/media/[id]'>) {
  const { id } = await params;
  const user = await requireRole('contributor', `/dashboard/media/${id}`);
  const item = /^[1-9]\d{0,8}$/.test(id) ? await getLibraryItem(Number(id)) : null;
  if (!item) notFound();
  const canManage = canManageMedia(user, item);
  return (
    <div className="flex flex-col gap-8 font-sans">
      <p className="text-sm">
        <Link href="/dashboard/media" className="font-semibold hover:underline">
          ← Media
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{canManage ? 'Edit image' : 'Image'}</h1>
      <div className="grid gap-8 lg:grid-cols-[3fr_2fr]">
        <Image
          src={item.path}
          alt={item.alt}
          width={item.width}
          height={item.height}
          sizes="(min-width: 1024px) 48rem, 100vw"
          className="h-auto max-h-[70vh] w-full rounded object-contain"
        />
        <div className="flex flex-col gap-6">
          {canManage ? (
            <MediaDetailsForm action={updateMediaDetails} id={item.id} alt={item.alt} credit={item.credit} />
          ) : (
            <p>{item.alt}</p>
          )}
          <MediaFacts item={item} />
          <p className="text-sm">
            Address: <code className="break-all">{item.path}</code>
          </p>
          {canManage && <MediaDeleteForm action={deleteMedia} id={item.id} alt={item.alt} back="library" />}
        </div>
      </div>
    </div>
  );
}
