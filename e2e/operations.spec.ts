import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';

// The server as operators run it: `npm start` (scripts/start.mjs, reusing the build the shared server
// made), on its own port and data directory, killed and restarted at will. This project runs after all
// the others, so its servers never compete with the shared one for the machine or for `.next`.

const root = path.resolve(__dirname, '..');
const defaultPort = Number(process.env.E2E_PORT ?? 3100) + 1;
const origin = `http://127.0.0.1:${defaultPort}`;
const DEMO_PASSWORD = 'operations-demo-password';

test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

class Server {
  readonly output: string[] = [];
  private child?: ChildProcess;
  private exited?: Promise<number | null>;

  constructor(
    readonly dataDir: string,
    private readonly env: Record<string, string> = {},
    private readonly command: [string, ...string[]] = [process.execPath, 'scripts/start.mjs'],
    readonly port = defaultPort,
  ) {}

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts `npm start` in a process group of its own; resolves with the ms until /api/health says 200. */
  async start(): Promise<number> {
    const begun = performance.now();
    const [program, ...args] = this.command;
    this.child = spawn(program, args, {
      cwd: root,
      detached: true, // a process group of its own, to kill whole
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(this.port),
        HOSTNAME: '127.0.0.1',
        SITE_URL: this.origin,
        DATA_DIR: this.dataDir,
        DATABASE_URL: '',
        NODE_ENV: 'production',
        MASTHEAD_DEMO_PASSWORD: DEMO_PASSWORD,
        TRUST_PROXY: '1', // clients name their address, as in playwright.config.ts
        ...this.env,
      },
    });
    for (const stream of [this.child.stdout!, this.child.stderr!]) stream.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    const child = this.child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let done = false;
    void this.exited.then(() => (done = true));
    while (!done) {
      if ((await health(this.origin)) === 200) return performance.now() - begun;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`The server exited before it was healthy:\n${this.log()}`);
  }

  get pid(): number {
    return this.child!.pid!;
  }

  log(): string {
    return this.output.join('');
  }

  /** kill -9 of the server's whole process group: no handler runs, nothing is flushed or closed. */
  async kill9(): Promise<void> {
    process.kill(-this.pid, 'SIGKILL');
    await this.exited;
  }

  /** A signal to the server process alone (as `docker stop` or systemd sends it); resolves with the exit code. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    process.kill(this.pid, signal);
    return this.exited!;
  }

  /** A clean-up that never throws: whatever is left of the group goes. */
  dispose(): void {
    try {
      process.kill(-this.pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

async function health(site = origin): Promise<number> {
  try {
    return (await fetch(`${site}/api/health`, { signal: AbortSignal.timeout(2000) })).status;
  } catch {
    return 0;
  }
}

function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-ops-'));
}

/**
 * Submits a page's form the way a browser without JavaScript does: every field the form holds (the
 * hidden `$ACTION_…` ones that name the server action too), with `values` typed in, posted as
 * multipart to the page's URL. Redirects are not followed: a 303 is the answer.
 */
async function submitForm(context: BrowserContext, pagePath: string, button: string, values: Record<string, string>, headers: Record<string, string> = {}) {
  const { url, fields } = await formFields(context, pagePath, button);
  const body = new FormData();
  for (const [name, value] of fields) if (!(name in values)) body.append(name, value);
  for (const [name, value] of Object.entries(values)) body.append(name, value);
  return context.request.post(url, { multipart: body, maxRedirects: 0, headers: { origin, ...headers } });
}

/** The fields of the form with this submit button, as the browser would send them, and where it posts. */
async function formFields(context: BrowserContext, pagePath: string, button: string) {
  const page = await context.newPage();
  try {
    await page.goto(pagePath);
    const form = page.locator('form', { has: page.getByRole('button', { name: button, exact: true }) });
    const fields = await form.evaluate((element: HTMLFormElement) =>
      [...new FormData(element).entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
    return { url: page.url(), fields };
  } finally {
    await page.close();
  }
}

/** The version a details save put in the name ("Crash 1-4 v2" → 2). */
const version = (name: string | undefined) => Number(/ v(\d+)$/.exec(name ?? '')?.[1] ?? 0);

interface Acknowledged {
  signUps: string[]; // emails
  comments: string[]; // bodies
  likes: string[]; // emails of readers whose "Like" was answered
  names: Map<string, string>; // email → the last name the site said it saved
  saves: number;
}

const STORY = '/articles/kendall-schmidt-heffron-drive';

/**
 * Visitors one after another until the kill: each signs up (the real form, no JavaScript), comments on
 * the lead story, likes the editor's comment there, then saves their details again and again. Only
 * what the server answered as done counts as acknowledged; a request the kill cut short is neither, and
 * may or may not have landed.
 */
function burst(browser: Browser, round: number, acknowledged: Acknowledged, workers = 3) {
  let killing = false;
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (!killing) {
      const n = next++;
      const email = `crash-${round}-${n}-${Date.now().toString(36)}@example.com`;
      const context = await browser.newContext({ javaScriptEnabled: false, baseURL: origin });
      try {
        // Each visitor from an address of their own: sign-up and comment limits count per address.
        const address = { 'x-forwarded-for': `10.${round}.${n >> 8}.${n & 255}` };
        const signUp = await submitForm(context, '/signup', 'Create account', { name: `Crash ${round}-${n}`, email, password: 'a long and private phrase' }, address);
        expect(signUp.status()).toBe(303); // created and signed in
        acknowledged.signUps.push(email);

        const body = `Crash comment ${round}-${n}: the harbour at dawn.`;
        const posted = await submitForm(context, STORY, 'Post comment', { body }, address);
        expect(posted.status()).toBe(303); // stored (held for moderation: a new reader), sent on
        acknowledged.comments.push(body);

        const liked = await submitForm(context, STORY, 'Like', {}, address);
        expect(liked.status()).toBe(303);
        acknowledged.likes.push(email);

        for (let version = 1; version <= 3 && !killing; version++) {
          const name = `Crash ${round}-${n} v${version}`;
          const saved = await submitForm(context, '/account', 'Save details', { name, email }, address);
          expect(saved.status()).toBe(200);
          expect(await saved.text()).toContain('Your details are saved.');
          acknowledged.names.set(email, name);
          acknowledged.saves++;
        }
      } catch (error) {
        if (!killing) errors.push(error); // once the kill is under way, cut-off requests are expected
      } finally {
        await context.close().catch(() => undefined);
      }
    }
  };
  const running = Promise.all(Array.from({ length: workers }, worker));
  return {
    /** The first failure before the kill: the burst is broken, no use waiting for it. */
    failure() {
      return errors[0];
    },
    /** From now on no new visitor starts, and a failed request is the kill's doing. */
    killing() {
      killing = true;
    },
    async done() {
      await running;
      if (errors.length) throw errors[0];
    },
  };
}

/** A published comment on the lead story for readers to like: the demo editor's (staff are not held). */
async function editorComments(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: origin });
  try {
    const signIn = await submitForm(context, '/login', 'Sign in', { email: 'editor@masthead.example', password: DEMO_PASSWORD });
    expect(signIn.status()).toBe(303);
    const posted = await submitForm(context, STORY, 'Post comment', { body: 'From the desk: tell us what you saw.' });
    expect(posted.status()).toBe(303);
  } finally {
    await context.close();
  }
}

/** Reads the stopped server's database directly: what the crash test's visitors left. */
async function readStored(dataDir: string) {
  const db = new PGlite(path.join(dataDir, 'pglite'));
  try {
    const users = await db.query<{ email: string; name: string }>(`select email, name from users where email like 'crash-%'`);
    const comments = await db.query<{ body: string }>(`select body from comments where body like 'Crash comment %'`);
    const likes = await db.query<{ email: string }>(`select u.email from comment_reactions r join users u on u.id = r.user_id where u.email like 'crash-%'`);
    return {
      names: new Map(users.rows.map((row) => [row.email, row.name])),
      comments: new Set(comments.rows.map((row) => row.body)),
      likes: new Set(likes.rows.map((row) => row.email)),
    };
  } finally {
    await db.close();
  }
}

test.describe('operations', () => {
  const servers: Server[] = [];
  const dirs: string[] = [];
  test.afterEach(() => {
    for (const server of servers.splice(0)) server.dispose();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every acknowledged write survives kill -9 of the server at a random moment', async ({ browser }, testInfo) => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const acknowledged: Acknowledged = { signUps: [], comments: [], likes: [], names: new Map(), saves: 0 };
    const restarts: number[] = [];
    let server = new Server(dataDir);
    servers.push(server);
    const firstStart = await server.start();
    await editorComments(browser);

    for (let round = 1; round <= 3; round++) {
      const load = burst(browser, round, acknowledged);
      // Wait until writes of every kind are being acknowledged, then kill at a random moment of the burst.
      const before = { signUps: acknowledged.signUps.length, likes: acknowledged.likes.length, saves: acknowledged.saves };
      await expect
        .poll(
          () => {
            if (load.failure()) throw load.failure();
            return acknowledged.signUps.length - before.signUps >= 2 && acknowledged.likes.length - before.likes >= 2 && acknowledged.saves - before.saves >= 2;
          },
          { timeout: 60_000 },
        )
        .toBe(true);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3000));
      load.killing();
      await server.kill9();
      await load.done();

      // The killed server's lock is left behind, naming a process that is gone: the restart clears it.
      const lock = path.join(dataDir, 'masthead.lock');
      expect(fs.readFileSync(lock, 'utf8')).toBe(String(server.pid));
      server = new Server(dataDir);
      servers.push(server);
      restarts.push(await server.start());
      expect(fs.readFileSync(lock, 'utf8')).toBe(String(server.pid));
    }

    // A clean stop, then read the database itself.
    expect(await server.stop('SIGTERM')).toBe(0);
    const stored = await readStored(dataDir);
    const lost = {
      signUps: acknowledged.signUps.filter((email) => !stored.names.has(email)),
      comments: acknowledged.comments.filter((body) => !stored.comments.has(body)),
      likes: acknowledged.likes.filter((email) => !stored.likes.has(email)),
      // A details save: the stored name is the last acknowledged one, or a later one the kill cut short.
      saves: [...acknowledged.names].filter(([email, name]) => version(stored.names.get(email)) < version(name)),
    };
    expect(lost, 'acknowledged writes missing after kill -9').toEqual({ signUps: [], comments: [], likes: [], saves: [] });
    // Every restart after kill -9 is healthy within seconds (about 2 s on an idle 2-core machine; the
    // bound leaves room for a CI machine busy with other jobs).
    for (const ms of restarts) expect(ms).toBeLessThan(30_000);
    const figures = {
      firstStartMs: Math.round(firstStart),
      restartAfterKillMs: restarts.map(Math.round),
      // acknowledged → found after the kills; saves: readers whose last acknowledged save is stored
      signUps: `${acknowledged.signUps.length} → ${acknowledged.signUps.length - lost.signUps.length}`,
      comments: `${acknowledged.comments.length} → ${acknowledged.comments.length - lost.comments.length}`,
      likes: `${acknowledged.likes.length} → ${acknowledged.likes.length - lost.likes.length}`,
      saves: `${acknowledged.saves} saves by ${acknowledged.names.size} readers → ${acknowledged.names.size - lost.saves.length} last saves stored`,
    };
    testInfo.annotations.push({ type: 'figures', description: JSON.stringify(figures) });
    console.log(`kill -9: ${JSON.stringify(figures)}`);
  });

  test('npm start passes SIGTERM through to the server, which stops cleanly', async () => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const server = new Server(dataDir, {}, ['npm', 'start']);
    servers.push(server);
    await server.start();
    expect(fs.existsSync(path.join(dataDir, 'masthead.lock'))).toBe(true);
    expect(await server.stop('SIGTERM')).toBe(0); // npm's own exit code: the server's
    expect(server.log()).toContain('"msg":"stopped"');
    expect(fs.existsSync(path.join(dataDir, 'masthead.lock'))).toBe(false);
    expect(await health()).toBe(0); // nothing left serving
  });

  test('SIGTERM finishes the requests in flight, closes the database and exits 0', async ({ browser }) => {
    const dataDir = tempDataDir();
    dirs.push(dataDir);
    const server = new Server(dataDir, { SHUTDOWN_TIMEOUT_MS: '3000' });
    servers.push(server);
    await server.start();

    // A second server on the same data directory is refused in one line while the first one lives.
    const second = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: root,
      env: { ...process.env, PORT: String(defaultPort + 1), HOSTNAME: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let secondError = '';
    second.stderr!.on('data', (chunk: Buffer) => (secondError += chunk.toString()));
    const secondCode = await new Promise((resolve) => second.once('exit', resolve));
    expect(secondCode).toBe(1);
    expect(secondError.trim()).toBe(
      `Masthead cannot start: ${dataDir} is in use by another Masthead process (pid ${server.pid}). Stop it first, or set DATA_DIR to another folder.`,
    );

    // A sign-up whose body is still arriving when SIGTERM comes: a request in flight, and a write.
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: origin });
    const { fields } = await formFields(context, '/signup', 'Create account');
    const hidden = fields.filter(([name]) => !['name', 'email', 'password'].includes(name));
    expect(hidden.some(([name]) => name.startsWith('$ACTION_'))).toBe(true);
    const password = 'slow-and-private-phrase-7f3a';
    const email = `slow-${Date.now().toString(36)}@example.com`;
    const boundary = '----masthead-slow';
    const parts = [...hidden, ['name', 'Slow Reader'], ['email', email], ['password', password]]
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('');
    const body = Buffer.from(`${parts}--${boundary}--\r\n`);
    const slow = http.request(`${origin}/signup`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length, origin, 'x-forwarded-for': '10.200.0.1' },
    });
    const answer = new Promise<{ status: number; requestId: string }>((resolve, reject) => {
      slow.on('response', (response) => {
        response.resume();
        resolve({ status: response.statusCode!, requestId: String(response.headers['x-request-id']) });
      });
      slow.on('error', reject);
    });
    slow.write(body.subarray(0, 100));
    // And one whose body never ends: the drain is bounded (SHUTDOWN_TIMEOUT_MS here, 10 s by default).
    const stuck = http.request(`${origin}/signup`, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length, origin } });
    stuck.on('error', () => undefined);
    stuck.write(body.subarray(0, 100));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const stopping = performance.now();
    const exitCode = server.stop('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // It no longer accepts connections…
    expect(await health()).toBe(0);
    // …but the request in flight completes: the sign-up is done and acknowledged.
    slow.end(body.subarray(100));
    const { status, requestId } = await answer;
    expect(status).toBe(303);
    expect(await exitCode).toBe(0);
    const stoppedAfter = performance.now() - stopping;
    expect(stoppedAfter).toBeGreaterThan(2500); // waited for the stuck request…
    expect(stoppedAfter).toBeLessThan(8000); // …until the deadline, not for ever
    // The database was closed: its lock is gone, and the sign-up is in it.
    expect(fs.existsSync(path.join(dataDir, 'masthead.lock'))).toBe(false);
    const db = new PGlite(path.join(dataDir, 'pglite'));
    const { rows } = await db.query<{ name: string }>('select name from users where email = $1', [email]);
    await db.close();
    expect(rows).toEqual([{ name: 'Slow Reader' }]);
    await context.close();

    // The logs: one JSON line per request with its id, method, path (no query), status and duration; the
    // stop in order; and no password or session cookie anywhere.
    const lines = server
      .log()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const signUpLine = lines.find((line) => line.reqId === requestId);
    expect(signUpLine).toMatchObject({ msg: 'request', method: 'POST', path: '/signup', status: 303 });
    expect(typeof signUpLine!.ms).toBe('number');
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['stopping: no new connections, finishing requests in flight', 'stopped']));
    expect(lines.some((line) => line.msg === 'requests still running at the deadline: closing their connections')).toBe(true);
    expect(server.log()).not.toContain(password);
    // The demo logins stay plain lines on stdout, exactly as operators and tests read them.
    expect(server.log()).toMatch(new RegExp(`^demo login: admin admin@masthead\\.example ${DEMO_PASSWORD}$`, 'm'));
    expect(server.log()).not.toMatch(/authjs\.session-token=(?!\[redacted\])/);
  });

  test('two instances on one PostgreSQL and Redis: a comment posted on one shows on the other at once', async ({ browser }) => {
    const databaseUrl = process.env.TEST_DATABASE_URL;
    test.skip(!databaseUrl, 'needs TEST_DATABASE_URL (a PostgreSQL server), as CI sets it');
    const name = `masthead_instances_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(databaseUrl!);
      url.pathname = `/${name}`;
      const env = { DATABASE_URL: url.toString(), REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', AUTH_SECRET: 'instances-test-secret-0123456789abcdef' };
      const [one, two] = [new Server(tempDataDir(), env, undefined, defaultPort + 2), new Server(tempDataDir(), env, undefined, defaultPort + 3)];
      servers.push(one, two);
      dirs.push(one.dataDir, two.dataDir);
      await one.start(); // migrates and seeds; the second finds it done
      await two.start();

      // The second instance serves the story from its caches: twice, so its page cache holds it too.
      const read = async () => (await fetch(`${two.origin}${STORY}`)).text();
      expect(await read()).not.toContain('Posted on the first instance');
      const cached = await fetch(`${two.origin}${STORY}`);
      expect(cached.headers.get('x-masthead-cache')).toBe('hit');
      await cached.arrayBuffer();

      // The demo editor comments on the first (staff comments are published at once).
      const context = await browser.newContext({ javaScriptEnabled: false, baseURL: one.origin });
      const site = { origin: one.origin };
      expect((await submitForm(context, '/login', 'Sign in', { email: 'editor@masthead.example', password: DEMO_PASSWORD }, site)).status()).toBe(303);
      const body = `Posted on the first instance ${Date.now().toString(36)}`;
      expect((await submitForm(context, STORY, 'Post comment', { body }, site)).status()).toBe(303);
      await context.close();

      // The second heard of it over Redis and expired the story in its own caches.
      await expect.poll(read, { timeout: 5_000, intervals: [100] }).toContain(body);
    } finally {
      for (const server of servers.splice(0)) server.dispose();
      await new Promise((resolve) => setTimeout(resolve, 500)); // their connections close
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
