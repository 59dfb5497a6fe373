import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConnection, type Connection } from '@/db/client';
import { users } from '@/db/schema';
import { verifyPassword } from '@/lib/passwords';
import { createTestDatabase, engine } from '@/test/database';

// The real CLI, started the way `npm run masthead` starts it (lib/ needs the react-server condition).
const root = path.resolve(import.meta.dirname, '..');

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function masthead(args: string[], env: Record<string, string | undefined>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const { DATABASE_URL: _url, MASTHEAD_PASSWORD: _password, ...inherited } = process.env;
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/masthead.ts', ...args], {
      cwd: root,
      env: { ...inherited, NODE_ENV: 'test', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** One line on stderr, no stack trace. */
function expectOneLineError(outcome: Outcome, message: RegExp) {
  expect(outcome.code).not.toBe(0);
  expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
  expect(outcome.stderr).toMatch(message);
  expect(outcome.stderr).not.toMatch(/^\s+at /m);
}

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-'));
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.runIf(engine === 'pglite')('masthead CLI: arguments', () => {
  it('refuses bad arguments with one clear line and a non-zero exit', async () => {
    const env = { DATA_DIR: dataDir };
    const [unknown, notANumber, noPassword, badRole] = await Promise.all([
      masthead(['publish-everything'], env),
      masthead(['seed:bulk', '--articles', 'abc'], env),
      masthead(['user:add', '--email', 'sam@example.com', '--name', 'Sam', '--role', 'author'], env),
      masthead(['user:add', '--email', 'sam@example.com', '--name', 'Sam', '--role', 'emperor'], { ...env, MASTHEAD_PASSWORD: 'long enough' }),
    ]);
    expectOneLineError(unknown, /unknown command 'publish-everything'/);
    expectOneLineError(notANumber, /--articles must be a whole number/);
    expectOneLineError(noPassword, /needs a password.*MASTHEAD_PASSWORD/);
    expectOneLineError(badRole, /role must be one of: reader, contributor, author, editor, admin/);
    // Nothing was opened, so nothing was created.
    expect(fs.readdirSync(dataDir)).toEqual([]);
  }, 60_000);

  it('says the server is running when another live process holds the data directory', async () => {
    const server = spawn('sleep', ['60']);
    try {
      const lock = path.join(dataDir, 'masthead.lock');
      fs.writeFileSync(lock, String(server.pid));
      const outcome = await masthead(['migrate'], { DATA_DIR: dataDir });
      expectOneLineError(outcome, /server is running on .* \(pid \d+\).*Stop the server first.*DATABASE_URL/);
      expect(fs.readFileSync(lock, 'utf8')).toBe(String(server.pid));
    } finally {
      server.kill();
    }
  }, 60_000);
});

describe(`masthead CLI on ${engine}`, () => {
  let database: { connection: Connection; url?: string; drop: () => Promise<void> } | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('migrates, adds a user and changes their role', async () => {
    let env: Record<string, string>;
    if (engine === 'postgres') {
      database = await createTestDatabase();
      env = { DATABASE_URL: database.url! };
    } else env = { DATA_DIR: dataDir };
    const password = 'a long and secret passphrase';

    if (engine === 'pglite') {
      const migrated = await masthead(['migrate'], env);
      expect(migrated).toMatchObject({ code: 0, stderr: '' });
      expect(migrated.stdout).toMatch(/up to date/);
    }

    const added = await masthead(['user:add', '--email', 'Sam.Reyes@Example.com', '--name', 'Sam Reyes', '--role', 'author'], {
      ...env,
      MASTHEAD_PASSWORD: password,
    });
    expect(added.stderr).toBe('');
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toMatch(/Added author Sam Reyes <sam\.reyes@example\.com>/);

    const duplicate = await masthead(['user:add', '--email', 'SAM.REYES@example.com', '--name', 'Sam', '--role', 'reader', '--password', password], env);
    expectOneLineError(duplicate, /already exists/);

    const promoted = await masthead(['user:role', '--email', 'sam.reyes@example.com', '--role', 'editor'], env);
    expect(promoted).toMatchObject({ code: 0, stderr: '' });
    expect(promoted.stdout).toMatch(/author → editor/);

    const reset = await masthead(['user:password', '--email', 'sam.reyes@example.com'], env);
    expect(reset).toMatchObject({ code: 0, stderr: '' });
    const generated = /New password for sam\.reyes@example\.com: (\S+)/.exec(reset.stdout)?.[1];
    expect(generated).toBeDefined();
    const restored = await masthead(['user:password', '--email', 'sam.reyes@example.com'], { ...env, MASTHEAD_PASSWORD: password });
    expect(restored).toMatchObject({ code: 0, stderr: '' });

    for (const outcome of [added, duplicate, promoted, restored]) expect(outcome.stdout + outcome.stderr).not.toContain(password);

    const check = database?.connection ?? openConnection({ engine: 'pglite', dataDir });
    try {
      const [sam] = await check.db.select().from(users).where(eq(users.email, 'sam.reyes@example.com'));
      expect(sam).toMatchObject({ name: 'Sam Reyes', slug: 'sam-reyes', role: 'editor', tokenVersion: 3, status: 'active' });
      expect(await verifyPassword(sam!.passwordHash, password)).toBe(true);
      expect(await check.db.$count(users)).toBe(1);
    } finally {
      if (!database) await check.close();
    }
  }, 90_000);
});

describe.runIf(engine === 'pglite')('masthead CLI: backup and restore', () => {
  it('backs up a data directory and restores it into an empty one, refusing a full one without --force', async () => {
    const source = { DATA_DIR: path.join(dataDir, 'source') };
    const target = { DATA_DIR: path.join(dataDir, 'target') };
    const file = path.join(dataDir, 'magazine.backup');
    const added = await masthead(['user:add', '--email', 'sam@example.com', '--name', 'Sam', '--role', 'editor'], { ...source, MASTHEAD_PASSWORD: 'a long passphrase' });
    expect(added).toMatchObject({ code: 0, stderr: '' });
    fs.mkdirSync(path.join(source.DATA_DIR, 'media'));
    fs.writeFileSync(path.join(source.DATA_DIR, 'media', 'picture.webp'), 'not really a picture');

    // With PGlite the server must be stopped: a live lock is refused in one line, and no file is left.
    const server = spawn('sleep', ['60']);
    try {
      fs.writeFileSync(path.join(source.DATA_DIR, 'masthead.lock'), String(server.pid));
      expectOneLineError(await masthead(['backup', '--out', file], source), /server is running on .*Stop the server first/);
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      server.kill();
    }

    const backup = await masthead(['backup', '--out', file], source);
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toMatch(/Backed up \d+ rows in \d+ tables and 1 media files \(schema level \d+\)/);
    expectOneLineError(await masthead(['backup', '--out', file], source), /already exists/);

    const restored = await masthead(['restore', file], target);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toMatch(/^Restored the backup of .*: \d+ rows in \d+ tables and 1 media files/);
    expectOneLineError(await masthead(['restore', file], target), /the database is not empty \(1 audit_log, 1 users, 1 media files\).*--force/);
    const forced = await masthead(['restore', file, '--force'], target);
    expect(forced).toMatchObject({ code: 0, stderr: '' });
    expect(forced.stdout).toMatch(/^Replaced everything with the backup/);
    expectOneLineError(await masthead(['restore', path.join(dataDir, 'missing.backup')], target), /cannot read .*missing\.backup/);

    expect(fs.readFileSync(path.join(target.DATA_DIR, 'media', 'picture.webp'), 'utf8')).toBe('not really a picture');
    const check = openConnection({ engine: 'pglite', dataDir: target.DATA_DIR });
    try {
      const [sam] = await check.db.select().from(users);
      expect(sam).toMatchObject({ email: 'sam@example.com', role: 'editor' });
      expect(await verifyPassword(sam!.passwordHash, 'a long passphrase')).toBe(true);
    } finally {
      await check.close();
    }
  }, 180_000);
});
