// `npm run bench`: Masthead's performance report, measured against a bare prerendered Next page served by
// the same machine in the same run. Loopback only. Prints a table and writes bench/results/latest.md.
//
//   npm run bench                      full run (≈ 12–14 min on 2 cores, builds included)
//   npm run bench -- --quick           3 s rounds, small bulk dataset, no PostgreSQL: for checking the bench itself
//   options: --port N (first of 4 ports, default 3290), --rounds N, --duration S, --no-lighthouse,
//            --no-load (skip the 200-connection load scenario), --bulk-articles N --bulk-comments M,
//            --no-postgres (skip the 100k-story / 1M-comment dataset on PostgreSQL, which the full run
//            includes when BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432, answers),
//            --postgres (include it in a --quick run too)
//
// Servers are started with `node scripts/start.mjs` (what `npm start` runs: it builds when the sources
// changed) on a temporary DATA_DIR, each in its own process group, and stopped by that group.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const baselineDir = path.join(root, 'bench', 'baseline');
const resultsFile = path.join(root, 'bench', 'results', 'latest.md');
const LEAD = 'kendall-schmidt-heffron-drive';
const PASSWORD = 'bench-password-1234';

const { values: opts } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    postgres: { type: 'boolean', default: false },
    'no-postgres': { type: 'boolean', default: false },
    port: { type: 'string', default: '3290' },
    rounds: { type: 'string' },
    duration: { type: 'string' },
    lighthouse: { type: 'boolean', default: true },
    'no-lighthouse': { type: 'boolean', default: false },
    load: { type: 'boolean', default: true },
    'no-load': { type: 'boolean', default: false },
    'bulk-articles': { type: 'string' },
    'bulk-comments': { type: 'string' },
    'load-duration': { type: 'string' },
  },
});

const quick = opts.quick;
const ROUNDS = Number(opts.rounds ?? 3);
const DURATION = Number(opts.duration ?? (quick ? 3 : 10));
const CONNECTIONS = 50;
const BULK = { articles: Number(opts['bulk-articles'] ?? (quick ? 1_000 : 10_000)), comments: Number(opts['bulk-comments'] ?? (quick ? 10_000 : 100_000)) };
const PG_BULK = { articles: 100_000, comments: 1_000_000 };
const LOAD_SECONDS = Number(opts['load-duration'] ?? (quick ? 10 : 60));
const basePort = Number(opts.port);
const ports = { masthead: basePort, baseline: basePort + 1 };
const started = Date.now();

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-'));
const children = new Set<ChildProcess>();

// ---------------------------------------------------------------------------------------------------------
// Processes

function log(message: string) {
  const elapsed = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  console.error(`[bench ${elapsed}s] ${message}`);
}

/** Runs a command to completion; its output goes to a log file in the work directory (and is returned). */
function run(command: string, args: string[], env: Record<string, string> = {}, logName = 'commands.log', cwd = root): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const file = fs.createWriteStream(path.join(work, logName), { flags: 'a' });
    child.stdout.on('data', (chunk: Buffer) => ((output += chunk), file.write(chunk)));
    child.stderr.on('data', (chunk: Buffer) => file.write(chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      file.end();
      if (code === 0) resolve(output);
      else reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code} (see ${path.join(work, logName)})`));
    });
  });
}

/** The masthead CLI, run the way `npm run masthead` runs it. */
function masthead(args: string[], env: Record<string, string>): Promise<string> {
  return run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/masthead.ts', ...args], env);
}

interface Server {
  name: string;
  base: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts a long-running process in its own process group, logging to a file, and waits until `ready` answers. */
async function startServer(name: string, args: string[], env: Record<string, string>, port: number, readyPath: string, timeoutMs: number, cwd = root): Promise<Server> {
  const logFile = fs.openSync(path.join(work, `${name}.log`), 'a');
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', logFile, logFile],
    detached: true,
  });
  children.add(child);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {}
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {}
      }, 15_000);
      await exit;
      clearTimeout(timer);
    }
    children.delete(child);
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${name} exited before it was ready (see ${path.join(work, `${name}.log`)})`);
    try {
      const response = await fetch(base + readyPath, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return { name, base, pid: child.pid!, stop };
    } catch {}
    await sleep(500);
  }
  await stop();
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s`);
}

function startMasthead(dataDir: string, databaseUrl?: string): Promise<Server> {
  const env: Record<string, string> = { PORT: String(ports.masthead), HOSTNAME: '127.0.0.1', DATA_DIR: dataDir, MASTHEAD_DEMO_PASSWORD: PASSWORD, NODE_ENV: 'production' };
  // The load scenario's readers each name their own address (X-Forwarded-For), as behind a proxy.
  env.TRUST_PROXY = '1';
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  // The first start builds (a few minutes on 2 cores); later ones only start.
  return startServer('masthead', ['scripts/start.mjs'], env, ports.masthead, '/api/health', 15 * 60_000);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Stops what is still running; the work directory (databases, logs) goes only after a successful run. */
async function cleanup(keep = false) {
  await Promise.all([...children].map((child) => (child.pid ? stopGroup(child) : null)));
  if (keep) console.error(`The servers' logs and databases are kept in ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      resolve();
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
    }, 10_000).unref();
  });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping the servers`);
    void cleanup().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------------------
// Memory: the sum of VmRSS over a process and all its descendants, sampled while load runs.

function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(parents.get(all[i]!) ?? []));
  return all;
}

function treeRssMB(pid: number): number {
  let kb = 0;
  for (const p of descendants(pid)) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += Number(match?.[1] ?? 0);
    } catch {}
  }
  return kb / 1024;
}

class RssSampler {
  peak = 0;
  private timer?: NodeJS.Timeout;
  constructor(private pid: number) {}
  start() {
    this.peak = Math.max(this.peak, treeRssMB(this.pid));
    this.timer = setInterval(() => (this.peak = Math.max(this.peak, treeRssMB(this.pid))), 250);
    return this;
  }
  stop() {
    clearInterval(this.timer);
    return this.peak;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Load

interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** autocannon's instance (an event emitter) and its result. */
function cannon(options: autocannon.Options): { instance: autocannon.Instance; done: Promise<autocannon.Result> } {
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
  return { instance, done };
}

/** autocannon at `connections` for `seconds`; latencies are collected per response for exact percentiles. */
async function load(url: string, { seconds = DURATION, connections = CONNECTIONS, headers = {} as Record<string, string> } = {}): Promise<LoadResult> {
  const latencies: number[] = [];
  const { instance, done } = cannon({ url, connections, duration: seconds, headers, timeout: 30 });
  instance.on('response', (_client, _status, _bytes, time) => latencies.push(time));
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    rps: result.requests.total / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** The same page for a few seconds at low concurrency, so the measured rounds find a warm cache and JIT. */
async function warm(url: string, headers: Record<string, string> = {}) {
  for (let i = 0; i < 3; i++) await fetch(url, { headers }).then((r) => r.arrayBuffer());
  await load(url, { seconds: quick ? 1 : 2, connections: 10, headers });
}

function mergeRounds(rounds: LoadResult[]): LoadResult & { rounds: number[] } {
  // Rounds are summed for requests and errors; rates and percentiles are the median round's.
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    requests: rounds.reduce((s, r) => s + r.requests, 0),
    rps: median(rounds.map((r) => r.rps)),
    p50: median(rounds.map((r) => r.p50)),
    p95: median(rounds.map((r) => r.p95)),
    p99: median(rounds.map((r) => r.p99)),
    non2xx: rounds.reduce((s, r) => s + r.non2xx, 0),
    errors: rounds.reduce((s, r) => s + r.errors, 0),
    timeouts: rounds.reduce((s, r) => s + r.timeouts, 0),
    rounds: rounds.map((r) => r.rps),
  };
}

/** Sequential requests (one connection): how long one answer takes when nothing queues in front of it. */
async function sequential(urls: string[], count: number): Promise<{ p50: number; p95: number; p99: number; non2xx: number }> {
  const times: number[] = [];
  let non2xx = 0;
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const response = await fetch(urls[i % urls.length]!);
    await response.arrayBuffer();
    times.push(performance.now() - t0);
    if (response.status < 200 || response.status > 299) non2xx++;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), non2xx };
}

// ---------------------------------------------------------------------------------------------------------
// Signing in, and posting a comment through the real no-JS form

/** Cookie jar of one simulated visitor: name → value. */
type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
function remember(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}

const decode = (value: string) =>
  value.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (_, e: string) => ({ quot: '"', amp: '&', lt: '<', gt: '>', '#x27': "'", '#39': "'" })[e] ?? '');

interface Form {
  action: string;
  fields: Array<[string, string]>;
}

/**
 * A form as a browser without JavaScript sees it: the first <form> whose inner HTML passes `test`, with
 * the hidden fields React renders for progressive enhancement ($ACTION_REF_…, $ACTION_…:0, $ACTION_KEY…).
 */
function findForm(html: string, pageUrl: string, test: (inner: string) => boolean): Form | null {
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, attrs, inner] = match;
    if (!test(inner!)) continue;
    const action = /\baction="([^"]*)"/.exec(attrs!)?.[1];
    const fields: Array<[string, string]> = [];
    for (const input of inner!.matchAll(/<input\b([^>]*)>/g)) {
      const a = input[1]!;
      if (!/type="hidden"/.test(a)) continue;
      const name = /\bname="([^"]*)"/.exec(a)?.[1];
      if (name) fields.push([decode(name), decode(/\bvalue="([^"]*)"/.exec(a)?.[1] ?? '')]);
    }
    return { action: new URL(decode(action || ''), pageUrl).toString(), fields };
  }
  return null;
}

/** POSTs a form as multipart/form-data, hidden fields first, as a browser without JavaScript does. */
async function submit(form: Form, values: Record<string, string>, headers: Record<string, string>, origin: string) {
  const data = new FormData();
  for (const [name, value] of form.fields) if (!(name in values)) data.append(name, value);
  for (const [name, value] of Object.entries(values)) data.append(name, value);
  const response = await fetch(form.action, { method: 'POST', redirect: 'manual', headers: { ...headers, origin }, body: data });
  await response.arrayBuffer();
  return response;
}

/** A new reader through the sign-up page's form (which signs them in): returns their cookie jar. */
async function signUp(base: string, name: string, email: string, password: string, ip: string): Promise<Jar> {
  const jar: Jar = new Map();
  const page = await fetch(`${base}/signup`, { headers: { 'x-forwarded-for': ip } });
  remember(jar, page);
  const form = findForm(await page.text(), `${base}/signup`, (inner) => /name="email"/.test(inner) && /name="password"/.test(inner));
  if (!form) throw new Error('No sign-up form on /signup.');
  const response = await submit(form, { name, email, password }, { cookie: cookieHeader(jar), 'x-forwarded-for': ip }, base);
  remember(jar, response);
  if (![...jar.keys()].some((key) => key.endsWith('authjs.session-token'))) throw new Error(`Signing up ${email} failed (HTTP ${response.status}).`);
  return jar;
}

/** Signs in through the sign-in page's form (the server action a browser without JS posts to). */
async function signInForm(base: string, email: string, password: string, ip: string): Promise<Jar> {
  const jar: Jar = new Map();
  const page = await fetch(`${base}/login?next=/`, { headers: { 'x-forwarded-for': ip } });
  remember(jar, page);
  const form = findForm(await page.text(), `${base}/login`, (inner) => /name="email"/.test(inner) && /name="password"/.test(inner));
  if (!form) throw new Error('No sign-in form on /login.');
  const response = await submit(form, { email, password }, { cookie: cookieHeader(jar), 'x-forwarded-for': ip }, base);
  remember(jar, response);
  if (![...jar.keys()].some((key) => key.endsWith('authjs.session-token'))) throw new Error(`Signing in as ${email} failed (HTTP ${response.status}).`);
  return jar;
}

const isCommentForm = (inner: string) => /<textarea\b[^>]*\bname="body"/.test(inner) && !/name="parentId"/.test(inner) && !/name="commentId"/.test(inner);

interface PostOutcome {
  acknowledged: boolean;
  status: number;
  ms: number;
  location?: string;
}

/** GET the signed-in article page, then POST its comment form exactly as a browser without JavaScript would. */
async function postComment(base: string, jar: Jar, slug: string, body: string, ip: string): Promise<PostOutcome> {
  const headers = { cookie: cookieHeader(jar), 'x-forwarded-for': ip };
  const pageUrl = `${base}/articles/${slug}`;
  const form = findForm(await (await fetch(pageUrl, { headers })).text(), pageUrl, isCommentForm);
  if (!form) throw new Error(`No comment form on /articles/${slug} for a signed-in reader.`);
  const t0 = performance.now();
  const response = await submit(form, { body }, headers, base);
  const ms = performance.now() - t0;
  const location = response.headers.get('location') ?? undefined;
  // Success is a 303 to the new comment's anchor; a refusal without JS is a 303 back to the form.
  return { acknowledged: response.status === 303 && /#comment-\d+$/.test(location ?? ''), status: response.status, ms, location };
}

// ---------------------------------------------------------------------------------------------------------
// JavaScript shipped, Lighthouse

async function scriptBytes(pageUrl: string, headers: Record<string, string> = {}) {
  const html = await (await fetch(pageUrl, { headers })).text();
  const srcs = [...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => decode(m[1]!)))];
  const chunks: Array<{ src: string; raw: number; gzip: number }> = [];
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer());
    chunks.push({ src: src.replace(/^\/_next\/static\/chunks\//, ''), raw: body.length, gzip: gzipSync(body).length });
  }
  return { html, chunks, gzip: chunks.reduce((s, c) => s + c.gzip, 0), raw: chunks.reduce((s, c) => s + c.raw, 0) };
}

async function lighthouseScores(urls: Array<[string, string]>): Promise<Array<{ page: string; scores: Record<string, number> }>> {
  const chromeLauncher = await import('chrome-launcher');
  const { default: lighthouse } = await import('lighthouse');
  const results: Array<{ page: string; scores: Record<string, number> }> = [];
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox'] });
  try {
    for (const [page, url] of urls) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
      const categories = result?.lhr.categories ?? {};
      results.push({ page, scores: Object.fromEntries(Object.entries(categories).map(([key, c]) => [key, Math.round((c.score ?? 0) * 100)])) });
      // What cost the points outside performance, and the performance metrics, so a miss can be acted on.
      const audits = result?.lhr.audits ?? {};
      const failing = Object.entries(categories)
        .filter(([key]) => key !== 'performance')
        .flatMap(([, c]) => c.auditRefs.filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1).map((ref) => audits[ref.id]!.title));
      const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
        .map((id) => `${audits[id]?.title ?? id} ${audits[id]?.displayValue ?? '–'}`)
        .join(', ');
      notes.push(`Lighthouse ${page}: ${metrics}${failing.length ? `; failing audits: ${failing.join('; ')}` : ''}.`);
    }
  } finally {
    await chrome.kill();
  }
  return results;
}

// ---------------------------------------------------------------------------------------------------------
// Building

function hashTree(dir: string, hash = createHash('sha256')) {
  for (const name of fs.readdirSync(dir).sort()) {
    if (name === '.next' || name === 'node_modules') continue;
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) hashTree(full, hash);
    else hash.update(name).update(fs.readFileSync(full));
  }
  return hash;
}

/** The baseline page carries the demo lead story's text, taken from the demo seed so the two never drift apart. */
async function buildBaseline() {
  const { demoStories } = await import('../db/seed/stories');
  const lead = demoStories.find((story) => story.slug === LEAD)!;
  const blocks = lead.body.flatMap((block): Array<{ text?: string; quote?: string }> =>
    typeof block === 'string' ? [{ text: block }] : 'pullQuote' in block ? [{ quote: block.pullQuote }] : 'quote' in block ? [{ quote: block.quote }] : [],
  );
  const story = { title: lead.title, dek: lead.dek, section: lead.section, blocks };
  fs.writeFileSync(path.join(baselineDir, 'app', 'story.json'), JSON.stringify(story, null, 2));
  const stamp = path.join(baselineDir, '.next', 'bench-source-hash');
  const hash = hashTree(baselineDir).update(fs.readFileSync(path.join(root, 'package-lock.json'))).digest('hex');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) return log('baseline: already built');
  log('baseline: building bench/baseline');
  // From its own directory: run from the repository root, Next would pick up Masthead's proxy.ts and instrumentation.ts.
  await run(process.execPath, [nextBin, 'build'], {}, 'baseline-build.log', baselineDir);
  fs.writeFileSync(stamp, hash);
}

// ---------------------------------------------------------------------------------------------------------
// Report

const rows: string[][] = [];
const targets: Array<{ target: string; figure: string; met: boolean | null }> = [];
const notes: string[] = [];
const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '–');
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');

function row(what: string, r: LoadResult, extra = '') {
  rows.push([what, f0(r.rps), f1(r.p50), f1(r.p99), f0(r.non2xx + r.errors), extra]);
}

function target(text: string, figure: string, met: boolean | null) {
  targets.push({ target: text, figure, met });
}

function table(header: string[], body: string[][]) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Scenarios

interface Dataset {
  label: string;
  /** The demo editor's login, printed by seed:bulk when it seeded the demo magazine. */
  editor: { email: string; password: string };
  dataDir: string;
  databaseUrl?: string;
  busySlug: string;
  seedSeconds: number;
}

/** A fresh database: the demo magazine, one story with exactly 1,000 comments, then `bulk` on top. */
async function prepareDataset(label: string, bulk: { articles: number; comments: number } | null, databaseUrl?: string): Promise<Dataset> {
  const dataDir = path.join(work, `data-${label.replace(/\W+/g, '-')}`);
  fs.mkdirSync(dataDir, { recursive: true });
  const env: Record<string, string> = { DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  const t0 = Date.now();
  // On an empty database seed:bulk seeds the demo magazine first. One story, a fixed seed and the same
  // starting ids: the same 1,000-comment thread (and slug) in every dataset.
  const thread = await masthead(['seed:bulk', '--articles', '1', '--comments', '1000', '--seed', '1'], env);
  const busySlug = /busiest story: (\S+)/.exec(thread)?.[1];
  if (!busySlug) throw new Error('seed:bulk did not name the 1,000-comment story');
  const login = /demo login: editor (\S+) (\S+)/.exec(thread);
  if (!login) throw new Error('seed:bulk did not print the demo editor login');
  if (bulk) {
    log(`${label}: seed:bulk --articles ${bulk.articles} --comments ${bulk.comments}`);
    await masthead(['seed:bulk', '--articles', String(bulk.articles), '--comments', String(bulk.comments), '--seed', '2'], env);
  }
  const seedSeconds = (Date.now() - t0) / 1000;
  log(`${label}: seeded in ${seedSeconds.toFixed(0)} s`);
  return { label, dataDir, databaseUrl, busySlug, seedSeconds, editor: { email: login[1]!, password: login[2]! } };
}

const pagesOf = (d: Dataset) => ({
  home: '/',
  section: '/sections/music',
  search: '/search?q=music',
  article: `/articles/${LEAD}`,
  'article, 1,000 comments': `/articles/${d.busySlug}`,
});
type PageName = keyof ReturnType<typeof pagesOf>;

const searchQueries = ['music', 'heffron drive', 'vinyl', 'festival', 'city', 'film', 'record label', 'style', 'summer', '"side project"'];

/** Each listed page for one round on this dataset; returns p99s and the peak memory. */
async function measurePages(server: Server, d: Dataset) {
  const results = {} as Record<PageName, LoadResult>;
  const rss = new RssSampler(server.pid).start();
  for (const [name, pagePath] of Object.entries(pagesOf(d)) as Array<[PageName, string]>) {
    await warm(server.base + pagePath);
    results[name] = await load(server.base + pagePath);
    row(`${name} (${d.label})`, results[name], pagePath);
  }
  const search = await sequential(
    searchQueries.map((q) => `${server.base}/search?q=${encodeURIComponent(q)}`),
    quick ? 50 : 200,
  );
  rows.push([`search, 1 connection, ${searchQueries.length} queries (${d.label})`, '', f1(search.p50), f1(search.p99), f0(search.non2xx), `p95 ${f1(search.p95)} ms`]);
  return { results, search, rss: rss.stop() };
}

async function main() {
  log(`work directory ${work}; ports ${ports.masthead}–${ports.baseline}; ${quick ? 'quick' : 'full'} run`);
  const loadavgBefore = os.loadavg();

  // 1. Builds: the baseline, then Masthead (start.mjs builds when its sources changed).
  await buildBaseline();
  const small = await prepareDataset('demo', null);
  log('masthead: starting on the demo dataset (builds first when needed)');
  const buildStart = Date.now();
  let server = await startMasthead(small.dataDir);
  log(`masthead: ready after ${((Date.now() - buildStart) / 1000).toFixed(0)} s`);
  const baseline = await startServer('baseline', [nextBin, 'start', '-p', String(ports.baseline), '-H', '127.0.0.1'], {}, ports.baseline, '/', 60_000, baselineDir);

  // 2. Baseline vs anonymous article vs home, alternating rounds so all three see the same machine.
  const urls = { baseline: `${baseline.base}/`, article: `${server.base}/articles/${LEAD}`, home: `${server.base}/` };
  for (const url of Object.values(urls)) await warm(url);
  const rounds: Record<keyof typeof urls, LoadResult[]> = { baseline: [], article: [], home: [] };
  const rss = new RssSampler(server.pid).start();
  for (let i = 0; i < ROUNDS; i++) {
    for (const key of Object.keys(urls) as Array<keyof typeof urls>) {
      log(`round ${i + 1}/${ROUNDS}: ${key}`);
      rounds[key].push(await load(urls[key]));
    }
  }
  const anonPeak = rss.stop();
  const base = mergeRounds(rounds.baseline);
  const article = mergeRounds(rounds.article);
  const home = mergeRounds(rounds.home);
  rows.push(['**baseline** (bare prerendered Next page)', f0(base.rps), f1(base.p50), f1(base.p99), f0(base.non2xx + base.errors), `rounds ${base.rounds.map(f0).join(' / ')}`]);
  row('**article, anonymous**', article, `rounds ${article.rounds.map(f0).join(' / ')}; ×${f2(article.rps / base.rps)} req/s, ×${f2(article.p99 / base.p99)} p99 of baseline`);
  row('**home, anonymous**', home, `rounds ${home.rounds.map(f0).join(' / ')}; ×${f2(home.rps / base.rps)} req/s of baseline`);
  target('anonymous article ≥ 0.9× baseline req/s', `×${f2(article.rps / base.rps)}`, article.rps / base.rps >= 0.9);
  target('anonymous article p99 ≤ 1.5× baseline p99', `${f1(article.p99)} ms vs ${f1(base.p99)} ms (×${f2(article.p99 / base.p99)})`, article.p99 <= 1.5 * base.p99);
  target('home ≥ 0.8× baseline req/s', `×${f2(home.rps / base.rps)}`, home.rps / base.rps >= 0.8);

  // 3. Signed-in article (per-visitor variant), for information.
  const readerJar = await signUp(server.base, 'Bench Reader', 'bench-reader@bench.example', PASSWORD, '10.1.0.1');
  const signedHeaders = { cookie: cookieHeader(readerJar) };
  await warm(urls.article, signedHeaders);
  const signed = await load(urls.article, { headers: signedHeaders });
  row('article, signed in (information)', signed, `×${f2(signed.rps / base.rps)} req/s of baseline`);

  // 4. JavaScript shipped: what an anonymous reader downloads, and the signed-in variant's app for information.
  const ours = await scriptBytes(urls.article);
  const signedScripts = await scriptBytes(urls.article, signedHeaders);
  const theirs = await scriptBytes(urls.baseline);
  const leadParagraph = (await import('../db/seed/stories')).demoStories[0]!.body[0] as string;
  const readable = ours.html.includes(leadParagraph.slice(0, 80).replace(/"/g, '&quot;')) || ours.html.includes(leadParagraph.slice(0, 60));
  const extraKiB = (ours.gzip - theirs.gzip) / 1024;
  target('article JS ≤ baseline + 15 KiB gzip (anonymous reader)', `${f1(ours.gzip / 1024)} KiB vs ${f1(theirs.gzip / 1024)} KiB (${extraKiB < 0 ? '−' : '+'}${f1(Math.abs(extraKiB))} KiB)`, extraKiB <= 15);
  target('reading needs no JavaScript (story text in the HTML)', readable ? 'text in the first response' : 'text missing from the HTML', readable);

  // 5. Freshness: a new comment through the real form, then anonymous requests until one shows it. By the
  // demo editor: a staff comment is published at once, a new reader's is held for moderation.
  let freshness = 'not measured';
  try {
    const editorJar = await signInForm(server.base, small.editor.email, small.editor.password, '10.1.0.2');
    const marker = `Bench freshness ${Date.now().toString(36)}`;
    const posted = await postComment(server.base, editorJar, LEAD, `${marker}: a comment written by the bench.`, '10.1.0.2');
    if (!posted.acknowledged) throw new Error(`the form answered ${posted.status}`);
    const acked = performance.now();
    let requests = 0;
    for (;;) {
      requests++;
      const html = await (await fetch(urls.article)).text();
      if (html.includes(marker)) break;
      if (performance.now() - acked > 30_000) throw new Error('not visible after 30 s');
    }
    const ms = performance.now() - acked;
    freshness = `comment visible on anonymous request #${requests}, ${f0(ms)} ms after the 303 (post took ${f0(posted.ms)} ms)`;
    target('a new comment is visible on the next request', freshness, requests === 1);
  } catch (error) {
    freshness = `could not measure: ${(error as Error).message}`;
    target('a new comment is visible on the next request', freshness, null);
  }

  // 6. Lighthouse, mobile, before the heavy load runs.
  const lighthouseRows: string[][] = [];
  if (opts.lighthouse && !opts['no-lighthouse']) {
    log('lighthouse: home and article (mobile)');
    try {
      for (const { page, scores } of await lighthouseScores([
        ['home', `${server.base}/`],
        ['article', urls.article],
        ['baseline', urls.baseline],
      ])) {
        lighthouseRows.push([page, ...['performance', 'accessibility', 'best-practices', 'seo'].map((k) => String(scores[k] ?? '–'))]);
        if (page !== 'baseline') {
          target(`Lighthouse ${page}: performance ≥ 98`, String(scores.performance), (scores.performance ?? 0) >= 98);
          const rest = ['accessibility', 'best-practices', 'seo'].map((k) => scores[k] ?? 0);
          target(`Lighthouse ${page}: accessibility, best practices, SEO 100`, rest.join(' / '), rest.every((s) => s === 100));
        }
      }
    } catch (error) {
      notes.push(`Lighthouse failed: ${(error as Error).message}`);
    }
  }

  // 7. Pages on the small dataset.
  log('pages on the demo dataset');
  const smallPages = await measurePages(server, small);
  const smallPeak = Math.max(anonPeak, smallPages.rss);
  target(
    'article with 1,000 comments p99 ≤ 1.5× article without (demo)',
    `${f1(smallPages.results['article, 1,000 comments'].p99)} vs ${f1(smallPages.results.article.p99)} ms`,
    smallPages.results['article, 1,000 comments'].p99 <= 1.5 * smallPages.results.article.p99,
  );

  // 8. The load scenario of issue #8 on the demo dataset.
  let loadPeak = 0;
  const loadRows: string[][] = [];
  if (opts.load && !opts['no-load']) loadPeak = await loadScenario(server, small, loadRows);
  await server.stop();

  // 9. The big dataset on PGlite.
  log(`big dataset on PGlite: ${BULK.articles} stories, ${BULK.comments} comments`);
  const big = await prepareDataset(`PGlite ${BULK.articles / 1000}k/${BULK.comments / 1000}k`, BULK);
  server = await startMasthead(big.dataDir);
  const bigPages = await measurePages(server, big);
  await server.stop();
  compare(smallPages, bigPages, big);
  target('server RSS under load ≤ 600 MB (PGlite)', `peak ${f0(Math.max(smallPeak, bigPages.rss, loadPeak))} MB`, Math.max(smallPeak, bigPages.rss, loadPeak) <= 600);

  // 10. The big dataset on PostgreSQL, when a server answers (a full run, or --postgres).
  const postgresServer = new URL(process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432');
  const pgUrl = (database: string) => Object.assign(new URL(postgresServer), { pathname: `/${database}` }).toString();
  const client = (opts.postgres || !quick) && !opts['no-postgres'] ? new pg.Client({ connectionString: pgUrl('postgres') }) : undefined;
  const reachable = client ? await client.connect().then(() => true, (error: Error) => (notes.push(`PostgreSQL at ${postgresServer.host} did not answer (${error.message}): its big dataset is not part of this run.`), false)) : false;
  if (client && reachable) {
    const url = pgUrl('masthead_bench');
    await client.query('drop database if exists masthead_bench with (force)');
    await client.query('create database masthead_bench');
    try {
      log(`big dataset on PostgreSQL: ${PG_BULK.articles} stories, ${PG_BULK.comments} comments`);
      const smallPg = await prepareDataset('PostgreSQL demo', null, url);
      server = await startMasthead(smallPg.dataDir, url);
      const smallPgPages = await measurePages(server, smallPg);
      await server.stop();
      await client.query('drop database masthead_bench with (force)');
      await client.query('create database masthead_bench');
      const bigPg = await prepareDataset(`PostgreSQL ${PG_BULK.articles / 1000}k/${PG_BULK.comments / 1_000_000}M`, PG_BULK, url);
      server = await startMasthead(bigPg.dataDir, url);
      const bigPgPages = await measurePages(server, bigPg);
      await server.stop();
      compare(smallPgPages, bigPgPages, bigPg);
    } finally {
      await client.query('drop database if exists masthead_bench with (force)');
      await client.end();
    }
  } else if (!client) {
    notes.push(`The PostgreSQL big dataset (${PG_BULK.articles / 1000}k stories / ${PG_BULK.comments / 1_000_000}M comments) is not part of this run (--quick or --no-postgres).`);
  }
  await baseline.stop();

  // Report.
  const loadavgAfter = os.loadavg();
  const minutes = (Date.now() - started) / 60_000;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const report = [
    `# Masthead bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${os.cpus().length} × ${cpu}, ${f0(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}. ` +
      `Load average before ${loadavgBefore.map(f2).join(' ')}, after ${loadavgAfter.map(f2).join(' ')} (other work on the machine shows here). ` +
      `${quick ? 'Quick run (short rounds: figures are indicative only). ' : ''}` +
      `autocannon, ${CONNECTIONS} connections, ${DURATION} s rounds, loopback; ${ROUNDS} alternating rounds for baseline/article/home (median round shown). ` +
      `Took ${f1(minutes)} min.`,
    '',
    '## Targets',
    '',
    table(
      ['target', 'measured', 'met'],
      targets.map((t) => [t.target, t.figure, t.met === null ? 'not measured' : t.met ? '**met**' : '**not met**']),
    ),
    '',
    '## Throughput and latency',
    '',
    table(['page', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx + errors', 'notes'], rows),
    '',
    '## JavaScript on the article page (gzip)',
    '',
    table(
      ['page', 'chunks', 'raw KiB', 'gzip KiB'],
      [
        ['Masthead article, anonymous reader', String(ours.chunks.length), f1(ours.raw / 1024), f1(ours.gzip / 1024)],
        ['Masthead article, signed in (the app: comment form, account menu)', String(signedScripts.chunks.length), f1(signedScripts.raw / 1024), f1(signedScripts.gzip / 1024)],
        ['baseline', String(theirs.chunks.length), f1(theirs.raw / 1024), f1(theirs.gzip / 1024)],
      ],
    ),
    '',
    `HTML of the anonymous article page: ${f1(Buffer.byteLength(ours.html) / 1024)} KiB (${f1(gzipSync(ours.html).length / 1024)} KiB gzip); signed in: ${f1(Buffer.byteLength(signedScripts.html) / 1024)} KiB.`,
    '',
    '<details><summary>Per chunk</summary>',
    '',
    table(['chunk (signed in)', 'Masthead gzip B', 'in baseline too'], signedScripts.chunks.map((c) => [c.src, f0(c.gzip), theirs.chunks.some((t) => t.gzip === c.gzip) ? 'same size' : ''])),
    '',
    table(['baseline chunk', 'gzip B'], theirs.chunks.map((c) => [c.src, f0(c.gzip)])),
    '',
    '</details>',
    '',
    '## Memory, freshness, datasets',
    '',
    `- Server RSS (start.mjs and its children, sampled every 250 ms): peak ${f0(anonPeak)} MB in the alternating rounds, ${f0(smallPeak)} MB on the demo dataset, ${f0(bigPages.rss)} MB on the big PGlite dataset${loadPeak ? `, ${f0(loadPeak)} MB in the load scenario` : ''}.`,
    `- Freshness: ${freshness}.`,
    `- Seeding: demo dataset ${f0(small.seedSeconds)} s; ${big.label} ${f0(big.seedSeconds)} s. The 1,000-comment story is \`${small.busySlug}\` (generated with a fixed seed, the same in both datasets).`,
    '',
    ...(lighthouseRows.length ? ['## Lighthouse (mobile, Debian chromium)', '', table(['page', 'performance', 'accessibility', 'best practices', 'SEO'], lighthouseRows), ''] : []),
    ...(loadRows.length ? ['## Load scenario (issue #8): 200 connections on public pages while readers comment', '', table(['figure', 'value'], loadRows), ''] : []),
    ...(notes.length ? ['## Notes', '', ...notes.map((n) => `- ${n}`), ''] : []),
  ].join('\n');
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  fs.writeFileSync(resultsFile, report);
  console.log(report);
  log(`written to ${path.relative(root, resultsFile)}`);
}

type Measured = Awaited<ReturnType<typeof measurePages>>;

function compare(small: Measured, big: Measured, d: Dataset) {
  for (const name of Object.keys(small.results) as PageName[]) {
    const ratio = big.results[name].p99 / small.results[name].p99;
    target(`${name}: p99 ${d.label} / demo ≤ 1.5`, `${f1(big.results[name].p99)} / ${f1(small.results[name].p99)} ms = ×${f2(ratio)}`, ratio <= 1.5);
  }
  target(`search p95 < 50 ms (${d.label}, 1 connection)`, `${f1(big.search.p95)} ms`, big.search.p95 < 50);
  target(
    `article with 1,000 comments p99 ≤ 1.5× article without (${d.label})`,
    `${f1(big.results['article, 1,000 comments'].p99)} vs ${f1(big.results.article.p99)} ms`,
    big.results['article, 1,000 comments'].p99 <= 1.5 * big.results.article.p99,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Issue #8's load scenario

/**
 * 200 connections on public pages for LOAD_SECONDS while signed-in readers post comments through the real
 * no-JS form. Flood control allows one comment per 10 s and 30 per hour per reader, and 30 per hour per
 * address: each reader posts from its own X-Forwarded-For address, every ~10 s.
 */
async function loadScenario(server: Server, d: Dataset, out: string[][]): Promise<number> {
  const readerCount = quick ? 10 : 30;
  log(`load scenario: ${readerCount} readers sign up`);
  const readers = await Promise.all(
    Array.from({ length: readerCount }, async (_, i) => {
      const ip = `10.20.${Math.floor(i / 250)}.${(i % 250) + 1}`;
      return { ip, jar: await signUp(server.base, `Load Reader ${i}`, `load-reader-${i}@bench.example`, PASSWORD, ip) };
    }),
  );

  log(`load scenario: 200 connections for ${LOAD_SECONDS} s while they comment`);
  const rss = new RssSampler(server.pid).start();
  const publicPaths = ['/', `/articles/${LEAD}`, '/sections/music', `/articles/${d.busySlug}`, '/sections/screen', '/search?q=music'];
  const traffic = cannon({
    url: server.base,
    connections: 200,
    duration: LOAD_SECONDS,
    timeout: 30,
    requests: publicPaths.map((p) => ({ method: 'GET' as const, path: p })),
  });
  const statuses = new Map<number, number>();
  traffic.instance.on('response', (_client, status) => statuses.set(status, (statuses.get(status) ?? 0) + 1));
  // Connection-level failures by cause (timeouts, resets): they are not HTTP answers, but they count.
  const failures = new Map<string, number>();
  traffic.instance.on('reqError', (error: Error & { code?: string }) => {
    const cause = error.code ?? error.message;
    failures.set(cause, (failures.get(cause) ?? 0) + 1);
  });

  const posts: PostOutcome[] = [];
  const deadline = Date.now() + LOAD_SECONDS * 1000;
  const slugs = [LEAD, d.busySlug];
  await Promise.all(
    readers.map(async (reader, i) => {
      // Spread over the first 10 s, then one comment every ~10.5 s: just over the flood limit's interval.
      await sleep((i / readers.length) * 10_000);
      for (let n = 0; Date.now() < deadline - 1_000; n++) {
        try {
          posts.push(await postComment(server.base, reader.jar, slugs[n % slugs.length]!, `Load comment ${n} from reader ${i}: the bench reads along.`, reader.ip));
        } catch (error) {
          posts.push({ acknowledged: false, status: 0, ms: NaN, location: (error as Error).message });
        }
        await sleep(10_500);
      }
    }),
  );
  const result = await traffic.done;
  const peak = rss.stop();
  await server.stop();

  // Every acknowledgement names its comment (the redirect's #anchor): look each one up in the database.
  const ackedIds = posts.filter((p) => p.acknowledged).map((p) => Number(/#comment-(\d+)$/.exec(p.location!)![1]));
  const stored = await storedComments(d, ackedIds);
  const times = posts.filter((p) => Number.isFinite(p.ms)).map((p) => p.ms).sort((a, b) => a - b);
  const serverErrors = [...statuses].filter(([s]) => s >= 500).reduce((s, [, n]) => s + n, 0) + posts.filter((p) => p.status >= 500).length;
  out.push(
    ['public requests (6 pages in turn)', `${f0(result.requests.total)} (${f0(result.requests.total / LOAD_SECONDS)} req/s), p50 ${f1(result.latency.p50)} ms, p99 ${f1(result.latency.p99)} ms`],
    ['responses ≥ 500', f0(serverErrors)],
    ['status codes', [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${f0(n)}`).join(', ')],
    ['requests without an answer (30 s timeout or connection error)', failures.size ? [...failures].map(([cause, n]) => `${cause}: ${f0(n)}`).join(', ') : '0'],
    ['comments posted / acknowledged (303) / found in the database', `${posts.length} / ${ackedIds.length} / ${stored}`],
    ['comment action p50 / p99 (the POST alone)', `${f0(percentile(times, 50))} / ${f0(percentile(times, 99))} ms`],
    ['server RSS peak', `${f0(peak)} MB`],
  );
  const refused = posts.filter((p) => !p.acknowledged);
  if (refused.length) notes.push(`Load scenario: ${refused.length} posts not acknowledged, e.g. ${refused.slice(0, 3).map((p) => `${p.status} ${p.location ?? ''}`).join('; ')}.`);
  target('load: 0 responses ≥ 500 (200 connections + comments)', f0(serverErrors), serverErrors === 0);
  target('load: every acknowledged comment stored', `${ackedIds.length} acknowledged, ${stored} found`, ackedIds.length > 0 && stored === ackedIds.length);
  target('load: comment action p99 < 1 s', `${f0(percentile(times, 99))} ms`, percentile(times, 99) < 1000);
  target('load: server RSS bounded (≤ 600 MB)', `${f0(peak)} MB`, peak <= 600);
  return peak;
}

/** How many of these comment ids are in the database (any status: held comments are stored too). */
async function storedComments(d: Dataset, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const query = 'select count(*)::int as n from comments where id = any($1::int[])';
  if (d.databaseUrl) {
    const client = new pg.Client({ connectionString: d.databaseUrl });
    await client.connect();
    try {
      return Number((await client.query(query, [ids])).rows[0].n);
    } finally {
      await client.end();
    }
  }
  // PGlite belongs to one process at a time: the server is stopped by now.
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(path.join(d.dataDir, 'pglite'));
  try {
    return Number((await db.query<{ n: number }>(query, [ids])).rows[0]?.n ?? 0);
  } finally {
    await db.close();
  }
}

main()
  .then(() => cleanup())
  .catch(async (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await cleanup(true);
    process.exit(1);
  });
