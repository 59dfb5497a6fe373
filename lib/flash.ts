import 'server-only';
import { randomBytes } from 'node:crypto';
import { cookies } from 'next/headers';
import type { FormState } from './action';
import { sharedRedis } from './redis';

// A form posted without JavaScript gets a whole page back, and Next renders that page without the
// action's result. So a refused no-JS submission keeps its outcome (message, field errors, what was
// typed) here for a minute, redirects back, and the page hands it to the form again. Kept in Redis when
// REDIS_URL is set (any instance may serve the next request), else in this process. Taken once.

const COOKIE = 'masthead-flash';
const TTL_SECONDS = 60;

export interface Flash {
  /** The form it belongs to: its `_form` field, also the form's element id (the redirect's #anchor). */
  form: string;
  state: FormState<unknown>;
}

const holder = globalThis as typeof globalThis & { __mastheadFlashes?: Map<string, { flash: Flash; expires: number }> };

function memory() {
  holder.__mastheadFlashes ??= new Map();
  const now = Date.now();
  for (const [key, entry] of holder.__mastheadFlashes) if (entry.expires <= now) holder.__mastheadFlashes.delete(key);
  return holder.__mastheadFlashes;
}

/** Keeps a form's outcome for the next page this browser loads. */
export async function keepFlash(flash: Flash): Promise<void> {
  const key = randomBytes(18).toString('base64url');
  const redis = sharedRedis();
  if (redis) await redis.set(`mh:flash:${key}`, JSON.stringify(flash), 'EX', TTL_SECONDS);
  else memory().set(key, { flash, expires: Date.now() + TTL_SECONDS * 1000 });
  (await cookies()).set(COOKIE, key, { httpOnly: true, sameSite: 'lax', path: '/', maxAge: TTL_SECONDS, secure: process.env.SITE_URL?.startsWith('https:') });
}

/** The outcome kept for this browser, once: a second read (a reload) finds nothing. */
export async function takeFlash(): Promise<Flash | null> {
  const key = (await cookies()).get(COOKIE)?.value;
  if (!key || !/^[\w-]{24}$/.test(key)) return null;
  const redis = sharedRedis();
  if (redis) {
    const stored = await redis.getdel(`mh:flash:${key}`);
    return stored ? (JSON.parse(stored) as Flash) : null;
  }
  const store = memory();
  const entry = store.get(key);
  store.delete(key);
  return entry?.flash ?? null;
}

/** The kept outcome for one form, if it is the one the flash belongs to. */
export function flashFor<T>(flash: Flash | null, form: string): FormState<T> | undefined {
  return flash?.form === form ? (flash.state as FormState<T>) : undefined;
}
