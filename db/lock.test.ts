import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from './client';
import { acquireDataDirLock, DataDirLockedError } from './lock';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Another live process, standing in for a running server. */
function otherProcess() {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill())) };
}

describe('the data directory lock', () => {
  it('refuses a directory held by another live process, naming it', async () => {
    const dir = tempDir();
    const other = otherProcess();
    fs.writeFileSync(path.join(dir, 'masthead.lock'), String(other.pid));
    try {
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
      expect(() => acquireDataDirLock(dir)).toThrow(`in use by another Masthead process (pid ${other.pid})`);
    } finally {
      await other.stop();
    }
  });

  it('takes over a lock whose process is gone, and releases it', async () => {
    const dir = tempDir();
    const other = otherProcess();
    await other.stop();
    fs.writeFileSync(path.join(dir, 'masthead.lock'), String(other.pid));
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'masthead.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'masthead.lock'))).toBe(false);
  });

  it('keeps PGlite closed to a second process while the first holds the directory', async () => {
    const dir = tempDir();
    const other = otherProcess();
    fs.writeFileSync(path.join(dir, 'masthead.lock'), String(other.pid));
    try {
      expect(() => openConnection({ engine: 'pglite', dataDir: dir })).toThrow(DataDirLockedError);
      expect(fs.existsSync(path.join(dir, 'pglite'))).toBe(false); // nothing was opened or created
    } finally {
      await other.stop();
    }
  });

  it('refuses a data directory that is not a Masthead database, and frees the lock', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'pglite'));
    fs.writeFileSync(path.join(dir, 'pglite', 'notes.txt'), 'not a database');
    expect(() => openConnection({ engine: 'pglite', dataDir: dir })).toThrow('is not a Masthead database');
    expect(fs.existsSync(path.join(dir, 'masthead.lock'))).toBe(false);
  });

  it('opens, writes and reopens a PGlite directory, releasing the lock on close', async () => {
    const dir = tempDir();
    const first = openConnection({ engine: 'pglite', dataDir: dir });
    await first.db.execute('create table notes (body text)');
    await first.db.execute("insert into notes values ('kept')");
    await first.close();
    expect(fs.existsSync(path.join(dir, 'masthead.lock'))).toBe(false);
    const second = openConnection({ engine: 'pglite', dataDir: dir });
    const { rows } = (await second.db.execute('select body from notes')) as unknown as { rows: Array<{ body: string }> };
    expect(rows).toEqual([{ body: 'kept' }]);
    await second.close();
  });
});
