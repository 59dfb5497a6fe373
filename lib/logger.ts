import 'server-only';
import type { Instrumentation } from 'next';
import type { Logger } from 'pino';
import { createLogger, LOGGED, loggedPath } from './logging.mjs';

// One logger per process: the production server (scripts/server.mjs) makes it before Next loads and
// leaves it on globalThis, so request lines and the app's own lines share one stream and one config.
const holder = globalThis as typeof globalThis & { __mastheadLogger?: Logger };

export const logger: Logger = (holder.__mastheadLogger ??= createLogger());

type RequestError = Parameters<Instrumentation.onRequestError>;

/**
 * instrumentation.ts `onRequestError`: the error with its stack, where it happened and the request id
 * the server gave the request (the visitor sees only the error page). No headers: they hold cookies.
 */
export function logRequestError(error: RequestError[0], request: RequestError[1], context: RequestError[2]): void {
  const id = request.headers['x-request-id'];
  const digest = error && typeof error === 'object' && 'digest' in error ? String(error.digest) : undefined;
  logger.error(
    {
      reqId: typeof id === 'string' ? id : undefined,
      method: request.method,
      path: loggedPath(request.path),
      route: context.routePath,
      routeType: context.routeType,
      digest,
      err: error,
    },
    'request failed',
  );
  // Next reports the same error on the console next: scripts/server.mjs drops that copy.
  if (error && typeof error === 'object' && Object.isExtensible(error)) Object.defineProperty(error, LOGGED, { value: true });
}
