import type { Metadata } from 'next';
import { MediaLibrary } from '@/components/media-library';
import { MediaUploadForm } from '@/components/media-upload-form.client';
import { requireRole } from '@/lib/guards';
import { canManageMedia, listLibrary, MAX_UPLOAD_BYTES } from '@/lib/media';
import { deleteMedia, uploadMedia } from './actions';

export const metadata: Metadata = { title: 'Media' };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';

export default async function MediaPage({ searchParams }: PageProps<'/dashboard/media'>) {
  const user = await requireRole('contributor', '/dashboard/media');
  const params = await searchParams;
  const page = /^[1-9]\d{0,5}$/.test(first(params.page)) ? Number(first(params.page)) : 1;
  const query = first(params.q).trim().slice(0, 100);
  const library = await listLibrary({ page, query });
  return (
    <div className="flex flex-col gap-10">
      <h1 className="text-3xl font-bold">Media</h1>
      {first(params.deleted) === '1' && (
        <p role="status" className="rounded border border-rule px-4 py-3 font-sans text-sm">
          The image was deleted.
        </p>
      )}
      <MediaUploadForm action={uploadMedia} maxBytes={MAX_UPLOAD_BYTES} />
      <MediaLibrary library={library} query={query} canManage={(item) => canManageMedia(user, item)} deleteAction={deleteMedia} />
    </div>
  );
}
