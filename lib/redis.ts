import 'server-only';
import Redis from 'ioredis';

const holder = globalThis as typeof globalThis & { __mastheadRedis?: Redis };

/** The one Redis connection of this process when REDIS_URL is set (rate limits, form flashes), else undefined. */
export function sharedRedis(): Redis | undefined {
  const url = process.env.REDIS_URL;
  if (!url) return undefined;
  holder.__mastheadRedis ??= new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: false });
  return holder.__mastheadRedis;
}
