import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

/** Whether the database answers a trivial query within `timeoutMs`; the reason when it does not. */
export async function checkDatabase(timeoutMs = 2000): Promise<{ ok: true } | { ok: false; reason: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([getDb().execute(sql`select 1`), timeout]);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : 'unknown error' };
  } finally {
    clearTimeout(timer);
  }
}
