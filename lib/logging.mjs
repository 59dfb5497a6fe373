// @ts-check
// Structured JSON logs (pino), shared by the plain-Node production server (scripts/server.mjs, which
// loads before Next and so cannot import TypeScript or `server-only`) and the app (lib/logger.ts).
// Nothing secret may reach a log line: passwords, tokens, cookies and SQL parameters are censored here,
// once, for every caller.
import { format } from 'node:util';
import pino from 'pino';

const CENSOR = '[redacted]';

/** Keys whose values are never logged, whatever their case, at any of the first four levels of a logged object. */
const SECRET_KEYS = new Set(
  ['password', 'passwordHash', 'password_hash', 'current', 'newPassword', 'token', 'accessToken', 'refreshToken', 'sessionToken', 'secret', 'authorization', 'cookie', 'cookies', 'set-cookie'].map(
    (key) => key.toLowerCase(),
  ),
);

/**
 * `value` with every secret key's value replaced by a marker; copies only what it changes, so the
 * caller's objects stay as they were. A hand-written walk: pino's wildcard `redact` paths cost ~60 µs a
 * line each level deep, which `npm start` would pay on every request.
 * @param {unknown} value
 * @param {number} depth
 * @returns {unknown}
 */
function censor(value, depth = 0) {
  if (depth > 3 || value === null || typeof value !== 'object' || value instanceof Error) return value;
  /** @type {Record<string, unknown> | unknown[] | undefined} */
  let copy;
  const source = /** @type {Record<string, unknown>} */ (value);
  for (const key of Object.keys(source)) {
    const original = source[key];
    const next = SECRET_KEYS.has(key.toLowerCase()) ? CENSOR : censor(original, depth + 1);
    if (next !== original) {
      copy ??= Array.isArray(value) ? [...value] : { ...source };
      /** @type {Record<string, unknown>} */ (copy)[key] = next;
    }
  }
  return copy ?? value;
}

/**
 * Secrets that can hide inside free text (an error message, a header dump, a URL).
 * @type {Array<[RegExp, string]>}
 */
const SECRET_TEXT = [
  // Session and CSRF cookies of Auth.js, over http and https, in a Cookie or Set-Cookie line.
  [/((?:__Secure-|__Host-)?authjs\.[\w.-]+=)[^;\s"']+/gi, `$1${CENSOR}`],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]+/g, `$1 ${CENSOR}`],
  // key=value and "key":"value" pairs named like a secret (query strings, form dumps, JSON).
  [/\b((?:password|passwd|token|secret|api[_-]?key)\w*)(=|":\s*")(?!\[redacted\])[^&\s"';]*/gi, `$1$2${CENSOR}`],
  // Drizzle's "Failed query: … params: a,b,c" carries the values written: emails, hashes, text.
  [/(\nparams: ).*/g, `$1${CENSOR}`],
];

/**
 * `text` with the secrets it may carry replaced by a marker.
 * @param {unknown} text
 */
export function scrub(text) {
  let out = String(text);
  for (const [pattern, replacement] of SECRET_TEXT) out = out.replace(pattern, replacement);
  return out;
}

/**
 * pino's error serializer (type, message, stack, cause chain), with the text scrubbed.
 * @param {Error} error
 */
function errorSerializer(error) {
  const serialized = pino.stdSerializers.err(error);
  if (!serialized || typeof serialized !== 'object') return serialized;
  /** @param {any} value */
  const clean = (value) => {
    if (!value || typeof value !== 'object') return value;
    for (const field of ['message', 'stack']) if (typeof value[field] === 'string') value[field] = scrub(value[field]);
    // Driver errors can carry the query and its parameters as fields too.
    for (const field of ['query', 'params', 'parameters']) if (field in value) value[field] = CENSOR;
    if (value.cause) clean(value.cause);
    return value;
  };
  return clean(serialized);
}

/** Routes whose next path segment is a secret token, whatever it looks like. */
const TOKEN_ROUTES = new Set(['reset-password']);

/**
 * A path fit for a log line: no query string (it may hold a reset or sign-in token) and no path segment
 * that looks like a token (a long run of letters and digits that is not a hyphenated slug).
 * @param {string | undefined} url
 */
export function loggedPath(url) {
  const path = String(url ?? '').split(/[?#]/, 1)[0] || '/';
  if (path.startsWith('/_next/')) return path; // build assets: hashed names, not secrets
  const segments = path.split('/');
  return segments
    .map((segment, i) =>
      TOKEN_ROUTES.has(segments[i - 1] ?? '') || (segment.length >= 24 && !/^[a-z0-9]{1,20}(-[a-z0-9]{1,20})*(\.[a-z0-9]+)?$/.test(segment)) ? CENSOR : segment,
    )
    .join('/');
}

function defaultLevel() {
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  // Vitest: tests that provoke errors on purpose must not fill the output.
  return process.env.NODE_ENV === 'test' || process.env.VITEST ? 'silent' : 'info';
}

/** Marks an error already logged with its request (lib/logger.ts), so Next's own report of it is dropped. */
export const LOGGED = Symbol.for('masthead.logged');

/**
 * The logger. `destination` is for tests (any writable stream); by default errors and worse go to
 * stderr and the rest (one line per request) to stdout, so a test runner that hides stdout still shows
 * what went wrong.
 * @param {{ level?: string, destination?: import('pino').DestinationStream }} [options]
 */
export function createLogger({ level = defaultLevel(), destination } = {}) {
  /** @type {import('pino').LoggerOptions} */
  const options = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { log: (object) => /** @type {Record<string, unknown>} */ (censor(object)) },
    serializers: { err: errorSerializer, error: errorSerializer },
    hooks: {
      // Free-text messages are scrubbed too: `log.error('… ' + something)` cannot leak a cookie.
      logMethod(args, method) {
        for (let i = 0; i < args.length; i++) if (typeof args[i] === 'string') args[i] = scrub(args[i]);
        return method.apply(this, args);
      },
    },
  };
  const streams = pino.multistream(
    [
      // Request lines: written in the background, whatever piled up in one write (a syscall per line
      // cost more than the line itself under load); pino flushes them when the process exits.
      { level: 'trace', stream: pino.destination({ dest: 1, sync: false }) },
      // Errors: written at once, so the last one before a crash is never lost.
      { level: 'error', stream: pino.destination({ dest: 2, sync: true }) },
    ],
    { dedupe: true },
  );
  return pino(options, destination ?? streams);
}

/**
 * Sends what Next and libraries write with console.error/console.warn through `log`: one JSON line,
 * scrubbed like the rest, instead of free text (Next prints " ⨯ Error: …" with the stack). An error
 * that onRequestError logs with its request is not logged twice. console.log stays as it is: the demo
 * login lines are for people.
 * @param {import('pino').Logger} log
 */
export function routeConsoleTo(log) {
  for (const method of /** @type {const} */ (['error', 'warn'])) {
    console[method] = (...args) => {
      const error = args.find((arg) => arg instanceof Error);
      // Logged with its request already, or about to be: Next hands a render error (it carries a digest)
      // to instrumentation.ts onRequestError right after printing it.
      if (error && (LOGGED in error || 'digest' in error)) return;
      const text = format(...args.filter((arg) => arg !== error && !(typeof arg === 'string' && /^\s*[⨯⚠]\s*$/.test(arg)))).trim();
      log[method](error ? { err: error } : {}, text || (error ? error.message : ''));
    };
  }
}
