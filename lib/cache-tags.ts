import 'server-only';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { revalidateTag, updateTag } from 'next/cache';
import { headers } from 'next/headers';
import type { PageCache } from './page-cache.mjs';

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
const shared = globalThis as typeof globalThis & { __mastheadPageCache?: PageCache; __mastheadOrigin?: string; __mastheadExpiryToken?: string };

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
export async function expireTagsInBackground(list: Iterable<string>): Promise<void> {
  const expired = unique(list);
  if (!expired.length) return;
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
