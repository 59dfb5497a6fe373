import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { engine } from '@/test/database';
import { openConnection, selectRows } from './client';

const root = path.resolve(import.meta.dirname, '..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts the writer on `dir`; resolves once it is writing, with a way to kill -9 it and the last acknowledged id. */
async function startWriter(dir: string) {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'test/durability-writer.ts', dir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let lastAck = -1;
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      // Only complete lines: "ack 12" cut as "ack 1" would claim less than was acknowledged, never more.
      for (const match of out.matchAll(/^ack (\d+)\n/gm)) lastAck = Math.max(lastAck, Number(match[1]));
      const line = /^ready (.*)\n/m.exec(out);
      if (line) resolve(line[1]!);
    });
    child.once('exit', (code) => reject(new Error(`writer exited (${code}): ${errors}`)));
  });
  const settings = await ready;
  return {
    settings,
    acknowledged: () => lastAck,
    async kill9() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

// The embedded engine's promise: what a committed transaction wrote is on disk (in the operating system's
// hands) when the commit returns, so a killed server loses nothing it acknowledged. PostgreSQL keeps its own.
describe.runIf(engine === 'pglite')('PGlite durability', () => {
  it('keeps every acknowledged commit through kill -9 at random moments, and takes over the dead lock', { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-durability-'));
    dirs.push(dir);
    const rounds: Array<{ acknowledged: number; found: number }> = [];
    for (let round = 0; round < 3; round++) {
      const writer = await startWriter(dir);
      expect(writer.settings).toBe('synchronous_commit=on');
      const floor = writer.acknowledged();
      await expect.poll(writer.acknowledged, { timeout: 30_000 }).toBeGreaterThan(floor + 5);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 400));
      await writer.kill9();
      const acknowledged = writer.acknowledged();

      // The killed writer left its lock behind; opening takes it over and recovers from the WAL.
      expect(fs.existsSync(path.join(dir, 'masthead.lock'))).toBe(true);
      const reopened = openConnection({ engine: 'pglite', dataDir: dir });
      try {
        const [row] = await selectRows<{ count: number; max: number }>(reopened.db, sql`select count(*)::int as count, max(id) as max from durability_probe`);
        // Every acknowledged id is there (ids are consecutive from 0); at most the one in flight besides.
        expect(row!.max).toBeGreaterThanOrEqual(acknowledged);
        expect(row!.count).toBe(row!.max + 1);
        rounds.push({ acknowledged: acknowledged + 1, found: row!.count });
      } finally {
        await reopened.close();
      }
    }
    expect(rounds).toHaveLength(3);
  });
});
