// A stand-in for the server in db/durability.test.ts: opens DATA_DIR through the app's own client and
// commits one small transaction after another, printing "ack N" only once the commit has returned —
// the moment the site would tell a reader "saved". Run with --conditions=react-server --import tsx.
import { sql } from 'drizzle-orm';
import { openConnection, selectRows } from '@/db/client';

async function main(): Promise<never> {
  const connection = openConnection({ engine: 'pglite', dataDir: process.argv[2]! });
  const { db } = connection;
  await db.execute(sql`create table if not exists durability_probe (id integer primary key, body text not null)`);
  const [settings] = await selectRows<{ synchronous_commit: string }>(db, sql`select current_setting('synchronous_commit') as synchronous_commit`);
  const [{ next } = { next: 0 }] = await selectRows<{ next: number }>(db, sql`select coalesce(max(id), -1)::int + 1 as next from durability_probe`);
  process.stdout.write(`ready synchronous_commit=${settings?.synchronous_commit}\n`);
  for (let id = next; ; id++) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into durability_probe (id, body) values (${id}, ${'x'.repeat(500)})`);
      await tx.execute(sql`update durability_probe set body = body where id = ${id}`);
    });
    process.stdout.write(`ack ${id}\n`);
  }
}

void main();
