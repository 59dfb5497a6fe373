import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

/** What went wrong underneath (drizzle wraps the driver's error in "Failed query: …"), in one line. */
function rootCause(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return current instanceof Error ? (current.message.split('\n')[0] ?? current.name) : 'unknown error';
}

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
    return { ok: false, reason: rootCause(error) };
  } finally {
    clearTimeout(timer);
  }
}
