// The production server (`npm start` runs it after building): Next's own request handler on node:http,
// plus what `next start` lacks — a JSON log line per request with a request id, a page cache in front of
// Next for anonymous readers (lib/page-cache.mjs), their reading pages without scripts
// (lib/script-free.mjs), admission control that lets writes ahead of page views
// (lib/render-gate.mjs), and a graceful stop.
// On SIGTERM/SIGINT it stops accepting connections, lets in-flight requests finish (at most
// SHUTDOWN_TIMEOUT_MS, 10 s by default), closes the database and exits 0.
// Env: PORT (3000), HOSTNAME (all interfaces), DATA_DIR / DATABASE_URL as for the app, LOG_LEVEL.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { createLogger, loggedPath, routeConsoleTo } from '../lib/logging.mjs';
import { createPageCache } from '../lib/page-cache.mjs';
import { createRenderGate } from '../lib/render-gate.mjs';
import { sendReadingPagesWithoutScripts } from '../lib/script-free.mjs';

// What `next start` does first: a production build needs production React.
process.env.NODE_ENV = 'production';
process.env.NEXT_TELEMETRY_DISABLED = '1';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const drainMs = Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000);
// The page cache's size (lib/page-cache.mjs); 0 turns it off.
const pageCacheMb = Number(process.env.PAGE_CACHE_MB ?? 32);
// How many requests may be inside Next at once (lib/render-gate.mjs).
const renderConcurrency = Number(process.env.RENDER_CONCURRENCY ?? 8);
// Behind a reverse proxy (TRUST_PROXY=1) the client's address is the last X-Forwarded-For entry, the one
// the proxy added; otherwise it is the socket's, whatever a client sends (rate limits count per address).
const trustProxy = /^(1|true|yes)$/i.test(process.env.TRUST_PROXY ?? '');
for (const [name, value, min, max] of /** @type {const} */ ([['PORT', port, 1, 65535], ['SHUTDOWN_TIMEOUT_MS', drainMs, 1, 600_000], ['PAGE_CACHE_MB', pageCacheMb, 0, 4096], ['RENDER_CONCURRENCY', renderConcurrency, 1, 1000]])) {
  if (!Number.isInteger(value) || value < min || value > max) {
    process.stderr.write(`Masthead cannot start: ${name} must be a whole number from ${min} to ${max}.\n`);
    process.exit(1);
  }
}

/** @type {typeof globalThis & { __mastheadLogger?: import('pino').Logger, __mastheadShutdown?: () => Promise<void>, __mastheadManagedShutdown?: boolean, __mastheadPageCache?: import('../lib/page-cache.mjs').PageCache, __mastheadOrigin?: string }} */
const shared = globalThis;
// The app's lib/logger.ts picks this instance up: one stream, one redaction config.
const log = (shared.__mastheadLogger = createLogger());
routeConsoleTo(log);
// lib/startup.ts leaves the database to us: it is closed after the last request, not on the signal.
shared.__mastheadManagedShutdown = true;
// lib/cache-tags.ts empties it on every change.
const renderGate = createRenderGate({ limit: renderConcurrency });
const pageCache = pageCacheMb > 0 ? (shared.__mastheadPageCache = createPageCache({ maxBytes: pageCacheMb * 1024 * 1024 })) : undefined;

const started = performance.now();
const { default: next } = await import('next');

const server = http.createServer();
const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port, httpServer: server });
const handle = app.getRequestHandler();

/** Whether the path percent-decodes. Next meets one that does not with a 500 (it looks for a /400 page an App Router build lacks). */
function decodablePath(/** @type {string | undefined} */ url) {
  try {
    decodeURIComponent((url ?? '/').split('?')[0] ?? '/');
    return true;
  } catch {
    return false;
  }
}

let inFlight = 0;
let stopping = false;
/** @type {(() => void) | undefined} */
let onIdle;

server.on('request', (req, res) => {
  const start = performance.now();
  // Ours, never the client's: a forged id could not be told from a real one in the logs.
  const id = randomUUID();
  req.headers['x-request-id'] = id; // instrumentation.ts onRequestError logs it with the error
  res.setHeader('X-Request-Id', id);
  if (!trustProxy) {
    req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    delete req.headers['x-real-ip'];
  }
  if (stopping) res.setHeader('Connection', 'close');
  // Next adds 'close' listeners of its own to a response (abort signals, after(), streaming); with our
  // two, some responses passed Node's leak warning at 10, logged as an error on every such request.
  res.setMaxListeners(20);
  inFlight++;
  // The status that went out: a streamed page may set statusCode again after its headers were sent.
  let status = 0;
  const writeHead = res.writeHead;
  res.writeHead = function (/** @type {any[]} */ ...args) {
    status ||= args[0];
    return writeHead.apply(this, /** @type {any} */ (args));
  };
  res.once('close', () => {
    inFlight--;
    pageCache?.finished(id);
    const ms = Math.round((performance.now() - start) * 10) / 10;
    const line = { reqId: id, method: req.method, path: loggedPath(req.url), status: status || res.statusCode, ms };
    if (!res.writableFinished) log.warn({ ...line, aborted: true }, 'request aborted');
    else if (line.status >= 500) log.error(line, 'request');
    else log.info(line, 'request');
    if (inFlight === 0) onIdle?.();
  });
  if (!decodablePath(req.url)) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'" });
    res.end('Bad request: that address is not valid.');
    return;
  }
  const cacheKey = pageCache?.keyFor(req);
  if (cacheKey !== undefined && pageCache) {
    if (pageCache.serve(req, res, cacheKey)) return;
    pageCache.record(req, res, cacheKey);
  }
  sendReadingPagesWithoutScripts(req, res);
  const dispatch = () =>
    handle(req, res).catch((/** @type {unknown} */ error) => {
      // Next renders its own error pages; this is a failure of the handler itself.
      log.error({ reqId: id, err: error }, 'request handler failed');
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('Something went wrong on our side. Please try again.');
      } else res.destroy();
    });
  // Build assets and the health check are cheap and must answer even when renders queue; the image
  // optimizer works on libuv's threads, not the event loop, and would only hold places renders need.
  const url = req.url ?? '/';
  if (url.startsWith('/_next/static/') || url.startsWith('/_next/image') || url === '/api/health' || url === '/api/internal/expire') {
    void dispatch();
    return;
  }
  res.once('close', renderGate.enter(req.method !== 'GET' && req.method !== 'HEAD', dispatch));
});

async function shutdown(/** @type {NodeJS.Signals} */ signal) {
  if (stopping) return; // a terminal's Ctrl-C reaches npm and us both: one stop is enough
  stopping = true;
  const begun = performance.now();
  log.info({ signal, inFlight }, 'stopping: no new connections, finishing requests in flight');
  server.close();
  server.closeIdleConnections();
  if (inFlight > 0) {
    const drained = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), drainMs);
      onIdle = () => (clearTimeout(timer), resolve(true));
    });
    if (!drained) log.warn({ inFlight, afterMs: drainMs }, 'requests still running at the deadline: closing their connections');
  }
  server.closeAllConnections();
  let code = 0;
  try {
    await app.close(); // runs Next's pending after() callbacks, which may still write
    await shared.__mastheadShutdown?.(); // the scheduler stops, the database closes and its lock goes
  } catch (error) {
    log.error({ err: error }, 'could not close cleanly');
    code = 1;
  }
  log.info({ ms: Math.round(performance.now() - begun) }, 'stopped');
  log.flush();
  process.exit(code);
}
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP'])) process.on(signal, () => void shutdown(signal));

server.on('error', (error) => {
  // EADDRINUSE and the like: one plain line for the person starting it, then stop.
  process.stderr.write(`Masthead cannot start: ${error.message}\n`);
  process.exit(1);
});

await app.prepare();
await new Promise((resolve) => server.listen(port, hostname, () => resolve(undefined)));
const shown = hostname && hostname !== '0.0.0.0' && hostname !== '::' ? hostname : 'localhost';
const url = `http://${shown}:${port}`;
// Where the app reaches its own route handlers (lib/cache-tags.ts expires tags from background work so).
shared.__mastheadOrigin = hostname && hostname !== '0.0.0.0' && hostname !== '::' ? url : `http://127.0.0.1:${port}`;
// Next runs instrumentation.ts register() (migrations, the demo seed and its logins) before the first
// request it serves, so ask for our own health: "ready" then means the database answers. A database
// that cannot be opened (held by a live process, unreadable) ends the process there, with one line.
const health = await fetch(`${url}/api/health`).then(
  async (response) => ({ status: response.status, body: await response.text() }),
  (/** @type {Error} */ error) => ({ status: 0, body: error.message }),
);
const startupMs = Math.round(performance.now() - started);
if (health.status === 200) log.info({ url, startupMs }, `Masthead is ready on ${url}`);
else log.error({ url, startupMs, health }, `Masthead is listening on ${url} but is not healthy`);
