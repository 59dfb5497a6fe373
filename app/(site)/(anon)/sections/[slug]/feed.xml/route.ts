import { connection } from 'next/server';
import { feedResponse, renderFeed } from '@/lib/feeds';

export async function GET(_request: Request, { params }: RouteContext<'/sections/[slug]/feed.xml'>) {
  await connection();
  return feedResponse(await renderFeed((await params).slug));
}
