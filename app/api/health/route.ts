import { connection } from 'next/server';
import { checkDatabase } from '@/lib/health';

export async function GET() {
  await connection();
  const database = await checkDatabase();
  if (!database.ok) {
    return Response.json({ status: 'unavailable', reason: `database: ${database.reason}` }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
