import { connection } from 'next/server';
import { feedResponse, renderFeed } from '@/lib/feeds';

// Rendered per request from cached data: a build-time copy would be empty.
export async function GET() {
  await connection();
  return feedResponse(await renderFeed());
}
