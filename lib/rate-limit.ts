import 'server-only';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { sharedRedis } from './redis';

// In memory on one instance; in Redis when REDIS_URL is set, so every instance counts together.
const holder = globalThis as typeof globalThis & { __mastheadLimiters?: Map<string, RateLimiterAbstract> };

export interface Limit {
  name: string;
  points: number;
  seconds: number;
}

function limiter({ name, points, seconds }: Limit): RateLimiterAbstract {
  holder.__mastheadLimiters ??= new Map();
  let found = holder.__mastheadLimiters.get(name);
  if (!found) {
    const client = sharedRedis();
    const insurance = new RateLimiterMemory({ points, duration: seconds, keyPrefix: `mh:${name}` });
    found = client
      ? new RateLimiterRedis({ storeClient: client, points, duration: seconds, keyPrefix: `mh:${name}`, insuranceLimiter: insurance })
      : insurance;
    holder.__mastheadLimiters.set(name, found);
  }
  return found;
}

/** Spends one point of `key`'s budget; false once the budget is spent. */
export async function take(limit: Limit, key: string): Promise<boolean> {
  try {
    await limiter(limit).consume(key);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

/** Whether `key` still has budget left, without spending any. */
export async function hasBudget(limit: Limit, key: string): Promise<boolean> {
  const state = await limiter(limit).get(key);
  return !state || state.consumedPoints < limit.points;
}

export async function forgive(limit: Limit, key: string): Promise<void> {
  await limiter(limit).delete(key);
}

/** Tests: every budget full again. Forgets the in-memory limiters (a Redis store keeps its counts). */
export function resetLimits(): void {
  holder.__mastheadLimiters?.clear();
}

export const limits = {
  /** Failed sign-ins per account: stops guessing one person's password. */
  signInAccount: { name: 'signin-account', points: 5, seconds: 15 * 60 },
  /** Failed sign-ins per address: stops spraying many accounts from one place. */
  signInAddress: { name: 'signin-ip', points: 30, seconds: 15 * 60 },
  signUpAddress: { name: 'signup-ip', points: 20, seconds: 60 * 60 },
  /** Comments per reader: one every 10 seconds stops a script, or a double submit, from flooding a thread. */
  commentBurst: { name: 'comment-burst', points: 1, seconds: 10 },
  commentReaderHour: { name: 'comment-reader-hour', points: 30, seconds: 60 * 60 },
  /** Comments per address: many fresh accounts from one place count together. */
  commentAddressHour: { name: 'comment-ip-hour', points: 30, seconds: 60 * 60 },
  reportReader: { name: 'report-reader', points: 20, seconds: 60 * 60 },
} satisfies Record<string, Limit>;
