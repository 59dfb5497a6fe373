import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createPageCache } from './page-cache.mjs';
import { sendReadingPagesWithoutScripts, withoutScripts } from './script-free.mjs';

const page = [
  '<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
  '<script src="/_next/static/chunks/b.js" async=""></script></head><body><article><h1>Story</h1>',
  `<p>Every paragraph.</p><p>${'A long story. '.repeat(100)}</p><script type="application/ld+json">{"@type":"NewsArticle"}</script></article>`,
  '<script>self.__next_f.push([1,"payload"])</script><script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>',
].join('');

describe('withoutScripts', () => {
  it('drops every script and script preload, keeping the page and its JSON-LD', () => {
    const html = withoutScripts(page);
    expect(html).not.toMatch(/<script(?! type="application\/ld\+json")/);
    expect(html).not.toContain('as="script"');
    expect(html).toContain('<h1>Story</h1><p>Every paragraph.</p>');
    expect(html).toContain('<script type="application/ld+json">{"@type":"NewsArticle"}</script>');
    expect(html).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"/>');
  });

  it('keeps the scripts of a page whose streamed parts only a script can show', () => {
    const streamed = page.replace('</article>', '</article><div hidden id="S:0"><p>Late part</p></div>');
    expect(withoutScripts(streamed)).toBe(streamed);
  });
});

// The compression Next's router wraps every response in, after scripts/server.mjs has wrapped it.
const compression = createRequire(import.meta.url)('next/dist/compiled/compression') as () => (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

type Answer = { status?: number; headers?: Record<string, string>; chunks?: (string | Buffer)[]; head?: boolean; flush?: boolean };

/** A server shaped like scripts/server.mjs: page cache, then the stripping, then a stand-in for Next with Next's compression. */
async function serverWith(answer: (req: http.IncomingMessage) => Answer) {
  const cache = createPageCache();
  const compress = compression();
  let calls = 0;
  const server = http.createServer((req, res) => {
    const key = cache.keyFor(req);
    if (key !== undefined) {
      if (cache.serve(req, res, key)) return;
      cache.record(req, res, key);
    }
    sendReadingPagesWithoutScripts(req, res);
    calls++;
    const { status = 200, headers = {}, chunks = [page], head = false, flush = true } = answer(req);
    compress(req, res, () => {});
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.statusCode = status;
    if (head) res.writeHead(status);
    else if (flush) res.flushHeaders();
    const body = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk)));
    // In two writes, with a pause between them, as a stream would arrive.
    res.write(body.subarray(0, 10));
    setTimeout(() => res.end(body.subarray(10)), 5);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const port = (server.address() as AddressInfo).port;
  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; bytes: number }>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const body = res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw;
          resolve({ status: res.statusCode!, headers: res.headers, body: body.toString('utf8'), bytes: raw.length });
        });
      });
      request.on('error', reject);
      request.end();
    });
  return { get, calls: () => calls };
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

const reading = { 'X-Masthead-Reading': '1', 'Content-Type': 'text/html; charset=utf-8' };
const cacheable = { ...reading, 'Cache-Control': 's-maxage=2592000', 'x-nextjs-cache': 'HIT' };

describe('reading pages without scripts', () => {
  it('sends a marked page without its scripts, plain or gzipped, and without the mark', async () => {
    const { get } = await serverWith(() => ({ headers: reading }));
    for (const headers of [{}, { 'accept-encoding': 'gzip, deflate, br' }] as Record<string, string>[]) {
      const answer = await get('/articles/story', headers);
      expect(answer.headers['content-encoding']).toBe(headers['accept-encoding'] ? 'gzip' : undefined);
      expect(answer.status).toBe(200);
      expect(answer.body).toBe(withoutScripts(page));
      expect(answer.body).toContain('<p>Every paragraph.</p>');
      expect(answer.headers['x-masthead-reading']).toBeUndefined();
      expect(Number(answer.headers['content-length'])).toBe(answer.bytes);
    }
  });

  it('holds headers given to writeHead too, and keeps a 404 page marked as reading', async () => {
    const { get } = await serverWith(() => ({ status: 404, headers: reading, head: true }));
    const answer = await get('/articles/missing');
    expect(answer.status).toBe(404);
    expect(answer.body).toBe(withoutScripts(page));
  });

  it('leaves unmarked pages, other types and other statuses as Next sent them', async () => {
    const { get } = await serverWith((req) =>
      req.url === '/login'
        ? { headers: { 'Content-Type': 'text/html; charset=utf-8' } }
        : req.url === '/feed.xml'
          ? { headers: { ...reading, 'Content-Type': 'application/rss+xml' }, chunks: ['<rss><script>x</script></rss>'] }
          : { status: 500, headers: reading },
    );
    expect((await get('/login')).body).toBe(page);
    expect((await get('/feed.xml')).body).toBe('<rss><script>x</script></rss>');
    expect((await get('/articles/broken')).body).toBe(page);
  });

  it('lets the page cache keep the page as sent, without scripts', async () => {
    const { get, calls } = await serverWith(() => ({ headers: cacheable }));
    const first = await get('/', { 'accept-encoding': 'gzip' });
    const second = await get('/', { 'accept-encoding': 'gzip' });
    expect(calls()).toBe(1);
    expect(second.headers['x-masthead-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.body).toBe(withoutScripts(page));
  });
});
