import 'server-only';

/**
 * Cache Components needs at least one param to prerender at build, where there is no database.
 * This one never matches a real slug or page (slugs are lowercase, pages are digits): it renders
 * as a 404 at build, and every real URL is rendered on its first request, then served from cache.
 */
export const BUILD_SENTINEL = '_';

export function sentinelParams<K extends string>(...keys: K[]): Array<Record<K, string>> {
  return [Object.fromEntries(keys.map((key) => [key, BUILD_SENTINEL])) as Record<K, string>];
}
