import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPageCache, type PageCache } from './page-cache.mjs';

type Answer = { status?: number; headers?: Record<string, string>; body?: string; hold?: Promise<void> };

/** A server shaped like scripts/server.mjs: the cache in front, a stand-in for Next behind it. */
async function serverWith(cache: PageCache, next: (req: http.IncomingMessage) => Answer) {
  let calls = 0;
  let counter = 0;
  const server = http.createServer((req, res) => {
    const id = `req-${++counter}`;
    res.setHeader('X-Request-Id', id);
    res.once('close', () => cache.finished(id));
    const key = cache.keyFor(req);
    if (key !== undefined) {
      if (cache.serve(req, res, key)) return;
      cache.record(req, res, key);
    }
    calls++;
    const answer = next(req);
    void (async () => {
      await answer.hold;
      for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
      res.statusCode = answer.status ?? 200;
      res.write((answer.body ?? 'page').slice(0, 2));
      res.end((answer.body ?? 'page').slice(2));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      request.on('error', reject);
      request.end();
    });
  servers.push(server);
  return { get, calls: () => calls };
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const cacheable = { 'cache-control': 's-maxage=2592000, stale-while-revalidate=28944000', 'x-nextjs-cache': 'HIT', etag: '"v1"', 'content-type': 'text/html; charset=utf-8' };

describe('page cache', () => {
  it('answers a public page from memory once Next has served it from its cache, with the same headers and body', async () => {
    const { get, calls } = await serverWith(createPageCache(), () => ({ headers: cacheable, body: '<h1>Story</h1>' }));
    const first = await get('/articles/story');
    const second = await get('/articles/story');
    expect(calls()).toBe(1);
    expect(second.body).toBe('<h1>Story</h1>');
    expect(second.headers['x-masthead-cache']).toBe('hit');
    expect(first.headers['x-masthead-cache']).toBeUndefined();
    expect(second.headers.etag).toBe('"v1"');
    expect(second.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(second.headers['x-request-id']).not.toBe(first.headers['x-request-id']);
    expect(Number(second.headers['content-length'])).toBe(Buffer.byteLength('<h1>Story</h1>'));
    expect((await get('/articles/story', { 'if-none-match': '"v1"' })).status).toBe(304);
    expect((await get('/articles/story', {}, 'HEAD')).headers['x-masthead-cache']).toBe('hit');
  });

  it.each([
    ['per-visitor', { ...cacheable, 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate' }],
    ['stale', { ...cacheable, 'x-nextjs-cache': 'STALE' }],
    ['not from Next’s cache', { 'cache-control': 'public, max-age=300' }],
    ['setting a cookie', { ...cacheable, 'set-cookie': 'a=b' }],
    ['with a dynamic part', { ...cacheable, 'x-nextjs-postponed': '1' }],
  ])('never keeps an answer that is %s', async (_, headers) => {
    const { get, calls } = await serverWith(createPageCache(), () => ({ headers }));
    await get('/');
    await get('/');
    expect(calls()).toBe(2);
  });

  it('never keeps an error page', async () => {
    const { get, calls } = await serverWith(createPageCache(), () => ({ status: 404, headers: cacheable }));
    await get('/articles/gone');
    await get('/articles/gone');
    expect(calls()).toBe(2);
  });

  it.each([
    ['a signed-in reader', { cookie: 'theme=dark; authjs.session-token=abc' }],
    ['a signed-in reader over HTTPS', { cookie: '__Secure-authjs.session-token=abc' }],
    ['a draft preview', { cookie: '__prerender_bypass=1' }],
    ['the client router', { rsc: '1' }],
    ['a range', { range: 'bytes=0-10' }],
  ])('lets %s through to Next', async (_, headers) => {
    const { get, calls } = await serverWith(createPageCache(), () => ({ headers: cacheable }));
    await get('/');
    await get('/', headers);
    await get('/', headers);
    expect(calls()).toBe(3);
  });

  it('keeps one answer per encoding, and none for an encoding it did not ask for', async () => {
    const { get, calls } = await serverWith(createPageCache(), () => ({ headers: cacheable, body: 'plain' }));
    await get('/');
    expect((await get('/', { 'accept-encoding': 'gzip, br' })).headers['x-masthead-cache']).toBeUndefined();
    expect((await get('/', { 'accept-encoding': 'gzip, br' })).headers['x-masthead-cache']).toBeUndefined(); // Next answered uncompressed
    expect((await get('/')).headers['x-masthead-cache']).toBe('hit');
    expect(calls()).toBe(3);
  });

  it('forgets everything when a change is made, and again once the request that made it finishes', async () => {
    const cache = createPageCache();
    let release!: () => void;
    let version = 1;
    let holdNext = false;
    const { get, calls } = await serverWith(cache, () => ({ headers: cacheable, body: `v${version}`, hold: holdNext ? new Promise<void>((resolve) => (release = resolve)) : undefined }));
    await get('/');
    expect((await get('/')).body).toBe('v1');

    // A render that began before the change must not be kept, even if it ends after it.
    holdNext = true;
    cache.clear();
    const slow = get('/');
    await new Promise((resolve) => setTimeout(resolve, 20));
    holdNext = false;
    version = 2;
    cache.expireAfter('req-action');
    release();
    expect((await slow).body).toBe('v1');
    expect((await get('/')).body).toBe('v2');
    expect(calls()).toBe(3);
    // Kept between the action's expiry and its end, then forgotten when it finishes.
    version = 3;
    cache.finished('req-action');
    expect((await get('/')).body).toBe('v3');
    cache.finished('req-action'); // only once
    expect((await get('/')).headers['x-masthead-cache']).toBe('hit');
  });

  it('forgets an answer when its s-maxage has passed', async () => {
    let clock = 1_000_000;
    const { get, calls } = await serverWith(createPageCache({ now: () => clock }), () => ({ headers: { ...cacheable, 'cache-control': 's-maxage=60' } }));
    await get('/');
    clock += 59_000;
    await get('/');
    clock += 2_000;
    await get('/');
    expect(calls()).toBe(2);
  });

  it('stays within its size, dropping the least recently used page first', async () => {
    const cache = createPageCache({ maxBytes: 25 });
    const { get, calls } = await serverWith(cache, (req) => ({ headers: cacheable, body: `${req.url}`.padEnd(10, '.') }));
    await get('/a');
    await get('/b');
    await get('/a'); // /a is now the most recent
    await get('/c'); // 30 bytes: /b goes
    expect(cache.size).toEqual({ entries: 2, bytes: 20 });
    expect((await get('/a')).headers['x-masthead-cache']).toBe('hit');
    expect((await get('/b')).headers['x-masthead-cache']).toBeUndefined();
    expect(calls()).toBe(4);
  });
});
