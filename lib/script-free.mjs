// @ts-check
// Reading pages go out without JavaScript (scripts/server.mjs). Everything an anonymous reader does on
// them — read, follow a link, page through a thread, search — is plain HTML; Next's runtime and the
// page's inline RSC payload would only hydrate what is already there: about 190 KiB of gzipped script
// and most of a phone's main-thread time, for nothing the reader sees. next.config.js marks those pages
// (public routes without a session cookie) with `X-Masthead-Reading`; their HTML loses its scripts and
// script preloads on the way out, JSON-LD stays. Signed-in visitors get the per-visitor variant, which
// is not marked and keeps the app (forms that answer in place, the editor, the account menu).

import zlib from 'node:zlib';

export const READING_HEADER = 'x-masthead-reading';

const SCRIPT = /<script\b(?![^>]*\btype="application\/ld\+json")[^>]*>[\s\S]*?<\/script>/gi;
const SCRIPT_PRELOAD = /<link\b[^>]*\bas="script"[^>]*>|<link\b[^>]*\brel="modulepreload"[^>]*>/gi;
// A Suspense boundary that finished after the shell is streamed into a hidden element that only a
// script moves into place: such a page keeps its scripts (reading pages are prerendered whole).
const STREAMED_SEGMENT = /<div hidden id="S:/;

/**
 * The page without its scripts, or the page as it was when it needs them.
 * @param {string} html
 */
export function withoutScripts(html) {
  if (STREAMED_SEGMENT.test(html)) return html;
  return html.replace(SCRIPT, '').replace(SCRIPT_PRELOAD, '');
}

/**
 * The headers object among writeHead's arguments (status, [message], [headers]), keyed in lower case.
 * @param {unknown[]} head
 * @returns {Record<string, unknown>}
 */
function headersIn(head) {
  const headers = head.slice(1).find((arg) => typeof arg === 'object' && arg !== null && !Array.isArray(arg));
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}

/** @type {Record<string, { decode: (b: Buffer) => Buffer, encode: (b: Buffer) => Buffer }>} */
const CODECS = {
  '': { decode: (b) => b, encode: (b) => b },
  gzip: { decode: zlib.gunzipSync, encode: (b) => zlib.gzipSync(b, { level: 6 }) },
  deflate: { decode: zlib.inflateSync, encode: (b) => zlib.deflateSync(b, { level: 6 }) },
};

/**
 * Makes `res` hold back a marked HTML page until it is complete, then send it without scripts.
 * Anything else passes through untouched, streamed as Next sends it. Call it before Next (and its
 * compression) wrap the response: they keep calling these wrappers, which call what was there before
 * (the page cache's recorder sees what is sent).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
export function sendReadingPagesWithoutScripts(req, res) {
  if (req.method !== 'GET') return;
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  /** @type {boolean | undefined} undecided until Next starts its answer */
  let holding;
  /** @type {Buffer[]} */
  const chunks = [];

  /** @param {unknown[]} [head] the arguments of a writeHead call */
  function decide(head = []) {
    if (holding !== undefined) return holding;
    const status = typeof head[0] === 'number' ? head[0] : res.statusCode;
    const headers = headersIn(head);
    const marked = res.getHeader(READING_HEADER) !== undefined || READING_HEADER in headers;
    const type = String(res.getHeader('content-type') ?? headers['content-type'] ?? '');
    holding = marked && (status === 200 || status === 404) && (type === '' || type.startsWith('text/html'));
    if (!holding) res.removeHeader(READING_HEADER);
    return holding;
  }

  /** @param {unknown} chunk @param {unknown} encoding */
  function keep(chunk, encoding) {
    if (chunk == null || typeof chunk === 'function') return;
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? /** @type {BufferEncoding} */ (encoding) : 'utf8') : Buffer.from(/** @type {Uint8Array} */ (chunk)));
  }

  /** @param {unknown[]} head */
  function holdHead(head) {
    if (typeof head[0] === 'number') res.statusCode = head[0];
    for (const [name, value] of Object.entries(headersIn(head))) res.setHeader(name, /** @type {any} */ (value));
    return res;
  }

  /** @param {unknown} done */
  function sendHeld(done) {
    res.removeHeader(READING_HEADER);
    const sent = Buffer.concat(chunks);
    const codec = CODECS[String(res.getHeader('content-encoding') ?? '')];
    const body = codec && sent.length > 0 ? codec.encode(Buffer.from(withoutScripts(codec.decode(sent).toString('utf8')))) : sent;
    res.setHeader('Content-Length', body.length);
    original.writeHead.call(res, res.statusCode);
    return original.end.call(res, body, /** @type {any} */ (typeof done === 'function' ? done : undefined));
  }

  Object.assign(res, {
    writeHead(/** @type {unknown[]} */ ...head) {
      return decide(head) ? holdHead(head) : original.writeHead.apply(res, /** @type {any} */ (head));
    },
    flushHeaders() {
      if (!decide()) original.flushHeaders.call(res);
    },
    write(/** @type {unknown[]} */ ...args) {
      if (!decide()) return original.write.apply(res, /** @type {any} */ (args));
      keep(args[0], args[1]);
      const done = args.find((arg) => typeof arg === 'function');
      if (typeof done === 'function') process.nextTick(done);
      return true;
    },
    end(/** @type {unknown[]} */ ...args) {
      if (!decide()) return original.end.apply(res, /** @type {any} */ (args));
      keep(args[0], args[1]);
      return sendHeld(args.find((arg) => typeof arg === 'function'));
    },
  });
}
