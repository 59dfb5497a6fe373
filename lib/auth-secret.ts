// No 'server-only' here: proxy.ts reads the key too, to check session tokens before any page runs.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The key that signs sessions. From AUTH_SECRET; with the embedded database and no AUTH_SECRET, one is
 * generated on first use and kept in DATA_DIR (several instances on PostgreSQL must share one: set it).
 */
export function authSecret(): string {
  const configured = process.env.AUTH_SECRET;
  if (configured) {
    if (configured.length < 32) throw new Error('Invalid environment: AUTH_SECRET must be at least 32 characters');
    return configured;
  }
  if (process.env.DATABASE_URL) throw new Error('Invalid environment: AUTH_SECRET is required with DATABASE_URL (every instance must share it)');
  const dir = path.resolve(process.env.DATA_DIR || './data');
  const file = path.join(dir, 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process made it first
    }
  }
  return fs.readFileSync(file, 'utf8').trim();
}
