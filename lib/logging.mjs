// @ts-check
// Structured JSON logs (pino), shared by the plain-Node production server (scripts/server.mjs, which
// loads before Next and so cannot import TypeScript or `server-only`) and the app (lib/logger.ts).
// Nothing secret may reach a log line: passwords, tokens, cookies and SQL parameters are censored here,
// once, for every caller.
import pino from 'pino';

const CENSOR = '[redacted]';

/** Keys whose values are never logged, at any of the first three levels of a logged object. */
const SECRET_KEYS = [
  'password',
  'passwordHash',
  'password_hash',
  'current',
  'newPassword',
  'token',
  'accessToken',
  'refreshToken',
  'sessionToken',
  'secret',
  'authorization',
  'cookie',
  'cookies',
  'set-cookie',
];

/** @param {string} name */
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `["${name}"]`);
const redactPaths = SECRET_KEYS.flatMap((name) => [key(name).replace(/^\./, ''), `*${key(name)}`, `*.*${key(name)}`]);

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

/**
 * The logger. `destination` is for tests (any writable stream); the default writes JSON lines to stdout.
 * @param {{ level?: string, destination?: import('pino').DestinationStream }} [options]
 */
export function createLogger({ level = defaultLevel(), destination } = {}) {
  /** @type {import('pino').LoggerOptions} */
  const options = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: CENSOR },
    serializers: { err: errorSerializer, error: errorSerializer },
    hooks: {
      // Free-text messages are scrubbed too: `log.error('… ' + something)` cannot leak a cookie.
      logMethod(args, method) {
        for (let i = 0; i < args.length; i++) if (typeof args[i] === 'string') args[i] = scrub(args[i]);
        return method.apply(this, args);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
