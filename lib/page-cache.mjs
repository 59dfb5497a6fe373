// @ts-check
// The production server's page cache (scripts/server.mjs): the last answer Next gave for a public page,
// kept as bytes and sent again without entering Next, the way a CDN in front of it would. Next's own
// route cache still decides what is fresh: only an answer it served from that cache (HIT) or rendered
// for it (MISS) is kept, and only while its Cache-Control `s-maxage` lasts. A change empties it: every
// cache-tag expiry calls `expireAfter` (lib/cache-tags.ts), which empties it at once and again when
// the request that made the change has finished, after Next has applied the expiry. Answers that began
// before an emptying are never kept. Anything per visitor passes straight through: a session or
// preview cookie, a client-router request (RSC headers), a range, a method other than GET/HEAD.

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {{ headers: [string, string | string[]][], body: Buffer, etag: string | undefined, expires: number }} Entry */

const PERSONAL_COOKIES = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=|(?:^|;\s*)(?:__prerender_bypass|__next_preview_data)=/;
const ROUTER_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url', 'next-action', 'range'];
// Per-connection or per-response headers: the cache sends its own.
const NOT_KEPT = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'x-request-id']);
const ENTRY_LIMIT = 2 * 1024 * 1024;

/**
 * @param {{ maxBytes?: number, now?: () => number }} [options]
 */
export function createPageCache({ maxBytes = 32 * 1024 * 1024, now = Date.now } = {}) {
  /** @type {Map<string, Entry>} insertion order is recency: a hit moves its entry to the end */
  const entries = new Map();
  /** Request ids whose change empties the cache again once they finish. */
  const pending = new Set();
  let bytes = 0;
  let generation = 0;

  function clear() {
    entries.clear();
    bytes = 0;
    generation++;
  }

  /** @param {string} key */
  function remove(key) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.body.length;
  }

  /**
   * The cache key for a request that may be answered from the cache, or undefined.
   * @param {Request} req
   */
  function keyFor(req) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
    const url = req.url ?? '/';
    if (url.startsWith('/_next/') || url.startsWith('/api/')) return undefined;
    if (PERSONAL_COOKIES.test(req.headers.cookie ?? '')) return undefined;
    if (ROUTER_HEADERS.some((name) => req.headers[name] !== undefined)) return undefined;
    // Next compresses with gzip or deflate when asked: one entry per encoding it would choose.
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bgzip\b/.test(accepted) ? 'gzip' : /\bdeflate\b/.test(accepted) ? 'deflate' : '';
    return `${encoding} ${url}`;
  }

  /**
   * Answers `req` from the cache; true when it did.
   * @param {Request} req
   * @param {Response} res
   * @param {string} key
   */
  function serve(req, res, key) {
    const entry = entries.get(key);
    if (!entry) return false;
    if (entry.expires <= now()) {
      remove(key);
      return false;
    }
    entries.delete(key);
    entries.set(key, entry);
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    // Kept only from Next's cache (HIT) or a render for it (MISS): now it is a hit either way.
    res.setHeader('x-nextjs-cache', 'HIT');
    res.setHeader('X-Masthead-Cache', 'hit');
    if (entry.etag && req.headers['if-none-match'] === entry.etag) {
      res.removeHeader('Content-Encoding');
      res.writeHead(304);
      res.end();
      return true;
    }
    res.setHeader('Content-Length', entry.body.length);
    res.writeHead(200);
    res.end(req.method === 'HEAD' ? undefined : entry.body);
    return true;
  }

  /**
   * Watches Next's answer to `req` and keeps it when it is a cacheable public page.
   * @param {Request} req
   * @param {Response} res
   * @param {string} key
   */
  function record(req, res, key) {
    if (req.method !== 'GET') return;
    const started = generation;
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let overflow = false;
    /** @param {unknown} chunk @param {unknown} encoding */
    const keep = (chunk, encoding) => {
      if (overflow || chunk == null || typeof chunk === 'function') return;
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8') : Buffer.from(/** @type {Uint8Array} */ (chunk));
      size += buffer.length;
      if (size > ENTRY_LIMIT) overflow = true;
      else chunks.push(buffer);
    };
    const write = res.write;
    const end = res.end;
    res.write = /** @type {any} */ (function (/** @type {any[]} */ ...args) {
      keep(args[0], args[1]);
      return write.apply(this, /** @type {any} */ (args));
    });
    res.end = /** @type {any} */ (function (/** @type {any[]} */ ...args) {
      keep(args[0], args[1]);
      return end.apply(this, /** @type {any} */ (args));
    });
    res.once('finish', () => {
      if (overflow || started !== generation || res.statusCode !== 200) return;
      const headers = res.getHeaders();
      const cacheControl = String(headers['cache-control'] ?? '');
      const maxAge = /^s-maxage=(\d+)/.exec(cacheControl);
      const served = String(headers['x-nextjs-cache'] ?? '');
      if (!maxAge || /private|no-store/.test(cacheControl) || (served !== 'HIT' && served !== 'MISS')) return;
      if (headers['set-cookie'] || headers['x-nextjs-postponed']) return;
      if (!key.startsWith(' ') !== Boolean(headers['content-encoding'])) return; // an encoding we did not key on
      const body = Buffer.concat(chunks);
      /** @type {[string, string | string[]][]} */
      const kept = [];
      for (const [name, value] of Object.entries(headers)) if (value !== undefined && !NOT_KEPT.has(name)) kept.push([name, typeof value === 'number' ? String(value) : value]);
      remove(key);
      entries.set(key, { headers: kept, body, etag: headers.etag === undefined ? undefined : String(headers.etag), expires: now() + Number(maxAge[1]) * 1000 });
      bytes += body.length;
      for (const [oldest] of entries) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
    });
  }

  return {
    keyFor,
    serve,
    record,
    clear,
    /**
     * A change is being made by request `id`: empty the cache now, and again once that request has
     * finished (Next applies cache-tag expiries at the end of the action or route that made them).
     * @param {string | null | undefined} id
     */
    expireAfter(id) {
      clear();
      if (id) pending.add(id);
    },
    /** @param {string} id the request that just finished */
    finished(id) {
      if (pending.delete(id)) clear();
    },
    get size() {
      return { entries: entries.size, bytes };
    },
  };
}

/** @typedef {ReturnType<typeof createPageCache>} PageCache */
