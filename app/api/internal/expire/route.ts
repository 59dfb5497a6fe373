import { z } from 'zod';
import { expireTagsForRoute, isExpiryToken } from '@/lib/cache-tags';

const body = z.object({ tags: z.array(z.string().min(1).max(300)).min(1).max(1000) }).strict();

/** Background work's way to expire cache tags (lib/cache-tags.ts): only this process knows the token. */
export async function POST(request: Request) {
  if (!isExpiryToken(request.headers.get('authorization') ?? '')) return new Response('Not found', { status: 404 });
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'Expected {"tags": ["…"]}.' }, { status: 400 });
  expireTagsForRoute(parsed.data.tags, request.headers.get('x-request-id'));
  return new Response(null, { status: 204 });
}
