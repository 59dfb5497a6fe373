import 'server-only';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { revalidateTag, updateTag } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { logger } from './logger';
import type { PageCache } from './page-cache.mjs';
import { sharedRedis } from './redis';

/** Every cache tag the site uses, in one place, so a mutation can name exactly what it changes. */
export const tags = {
  article: (id: number) => `article:${id}`,
  articleSlug: (slug: string) => `article-slug:${slug}`,
  home: 'list:home',
  section: (slug: string) => `section:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  author: (slug: string) => `author:${slug}`,
  sections: 'sections',
  feed: 'feed',
  sitemap: 'sitemap',
  /** Search results: any published story's text, title, address or section may change them. */
  search: 'search',
  comments: (articleId: number) => `comments:${articleId}`,
} as const;

// scripts/server.mjs puts its page cache and its own address here.
const shared = globalThis as typeof globalThis & { __mastheadPageCache?: PageCache; __mastheadOrigin?: string; __mastheadExpiryToken?: string; __mastheadInstance?: string };

/** Several instances (REDIS_URL): each tells the others which tags it expired, on this channel. */
const CHANNEL = 'masthead:expired-tags';
const announcement = z.object({ from: z.string(), tags: z.array(z.string().min(1).max(300)).min(1).max(1000) });

function instanceId(): string {
  shared.__mastheadInstance ??= randomUUID();
  return shared.__mastheadInstance;
}

/** Tells the other instances, which keep caches of their own; a lost message is logged, never fatal. */
function announce(expired: string[]): void {
  const redis = sharedRedis();
  if (!redis) return;
  redis.publish(CHANNEL, JSON.stringify({ from: instanceId(), tags: expired })).catch((error: unknown) => logger.error({ err: error, tags: expired }, 'could not tell the other instances which tags expired'));
}

/**
 * With REDIS_URL: expires here what another instance expired there (started once per process by
 * lib/startup.ts). Returns a stop function.
 */
export function followOtherInstances(): () => void {
  const redis = sharedRedis();
  if (!redis) return () => {};
  // Its own connection (a subscribed one can do nothing else), queueing the subscription until it is
  // connected and renewing it after a reconnect.
  const listener = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  listener.on('message', (_channel: string, message: string) => {
    let parsed: z.infer<typeof announcement>;
    try {
      parsed = announcement.parse(JSON.parse(message));
    } catch {
      return logger.warn('ignored a malformed expired-tags announcement');
    }
    if (parsed.from === instanceId()) return;
    expireTagsInBackground(parsed.tags, { announce: false }).catch((error: unknown) => logger.error({ err: error, tags: parsed.tags }, 'could not expire the tags another instance announced'));
  });
  listener.on('error', (error: Error) => logger.error({ err: error }, 'expired-tags listener: Redis error'));
  void listener.subscribe(CHANNEL).catch((error: unknown) => logger.error({ err: error }, 'could not follow the other instances’ expired tags'));
  return () => void listener.quit().catch(() => listener.disconnect());
}

function unique(list: Iterable<string | false | null | undefined>): string[] {
  return [...new Set([...list].filter((tag): tag is string => Boolean(tag)))];
}

/**
 * Expires the public pages a server action changed. The action's own answer already reads the change
 * (updateTag), and the server's page cache forgets every page, now and again once this request has
 * finished: Next applies the expiry at the end of the action.
 */
export async function expireTags(list: Iterable<string | false | null | undefined>): Promise<void> {
  const expired = unique(list);
  if (!expired.length) return;
  for (const tag of expired) updateTag(tag);
  announce(expired);
  const pageCache = shared.__mastheadPageCache;
  if (pageCache) pageCache.expireAfter((await headers()).get('x-request-id'));
}

/** The secret that lets this process's background work call its own expiry route; it never leaves the process. */
function expiryToken(): string {
  shared.__mastheadExpiryToken ??= randomBytes(32).toString('base64url');
  return shared.__mastheadExpiryToken;
}

export function isExpiryToken(given: string): boolean {
  const expected = Buffer.from(`Bearer ${expiryToken()}`);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Expires tags from work outside any request (the scheduler). Next expires tags only inside an action or
 * a route handler, so this asks the server's own route (app/api/internal/expire), by loopback.
 */
export async function expireTagsInBackground(list: Iterable<string>, { announce: tellOthers = true } = {}): Promise<void> {
  const expired = unique(list);
  if (!expired.length) return;
  if (tellOthers) announce(expired);
  const origin = shared.__mastheadOrigin ?? `http://127.0.0.1:${process.env.PORT || 3000}`;
  const response = await fetch(`${origin}/api/internal/expire`, {
    method: 'POST',
    headers: { authorization: `Bearer ${expiryToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ tags: expired }),
  });
  if (!response.ok) throw new Error(`the server did not expire ${expired.join(', ')} (HTTP ${response.status})`);
}

/** The expiry route's part: called inside the route handler, where Next allows it. */
export function expireTagsForRoute(list: string[], requestId: string | null): void {
  for (const tag of list) revalidateTag(tag, { expire: 0 });
  shared.__mastheadPageCache?.expireAfter(requestId);
}
