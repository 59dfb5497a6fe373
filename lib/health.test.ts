import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/health/route';
import { installConnection, openConnection } from '@/db/client';
import { engine, freshDatabasePerTest } from '@/test/database';
import { checkDatabase } from './health';

// The route opts out of prerendering with `await connection()`, which needs Next's request scope.
vi.mock('next/server', () => ({ connection: () => Promise.resolve() }));

const database = freshDatabasePerTest();

describe('the health check', () => {
  it('answers 200 {"status":"ok"}, never cached, while the database answers', async () => {
    database();
    expect(await checkDatabase()).toEqual({ ok: true });
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers 503 with the reason when the database is gone', async () => {
    // A database server that is down: nothing listens on port 1.
    const broken = openConnection({ engine: 'postgres', url: 'postgres://masthead@127.0.0.1:1/gone' });
    installConnection(broken);
    try {
      const check = await checkDatabase();
      expect(check.ok).toBe(false);
      const response = await GET();
      expect(response.status).toBe(503);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as { status: string; reason: string };
      expect(body.status).toBe('unavailable');
      expect(body.reason).toBe('database: connect ECONNREFUSED 127.0.0.1:1');
    } finally {
      installConnection(database());
      await broken.close();
    }
  });

  // PostgreSQL only: PGlite runs a statement on the JavaScript thread itself, so while one runs nothing
  // else does — no timer, no request — and the check answers once the statement ends.
  it.runIf(engine === 'postgres')('answers 503 when the database does not answer in time, instead of hanging', async () => {
    const { db } = database();
    // Every pooled connection busy: the health query waits for one.
    const busy = Promise.all([1, 2, 3, 4].map(() => db.execute(sql`select pg_sleep(1.5)`)));
    const started = Date.now();
    const check = await checkDatabase(300);
    expect(Date.now() - started).toBeLessThan(1200);
    expect(check).toEqual({ ok: false, reason: 'no answer within 300 ms' });
    await busy;
  });
});
