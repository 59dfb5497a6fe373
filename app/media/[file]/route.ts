import { connection } from 'next/server';
import { readStoredMedia } from '@/lib/media';

// Uploaded images, straight from DATA_DIR/media. Names are random and never reused, so a response can
// be cached for a year by browsers, CDNs and next/image alike.
export async function GET(_request: Request, { params }: RouteContext<'/media/[file]'>) {
  await connection();
  const stored = await readStoredMedia((await params).file);
  if (!stored) {
    return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
  return new Response(stored.body, {
    headers: {
      'content-type': stored.type,
      'content-length': String(stored.size),
      'cache-control': 'public, max-age=31536000, immutable',
    },
  });
}
