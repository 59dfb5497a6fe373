import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  SITE_URL: z.url().optional(),
  SITE_NAME: z.string().min(1).default('Masthead'),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

/** The environment, parsed once; a bad value stops the process with a message naming it. */
export function env(): Env {
  if (parsed) return parsed;
  const result = schema.safeParse({ ...process.env, DATABASE_URL: process.env.DATABASE_URL || undefined });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  parsed = result.data;
  return parsed;
}

export function dataDir(): string {
  return path.resolve(env().DATA_DIR);
}

/** The public origin used in canonical links, feeds and the sitemap. */
export function siteUrl(): string {
  const { SITE_URL, PORT } = env();
  return (SITE_URL ?? `http://localhost:${PORT}`).replace(/\/$/, '');
}

/** `next build` must never reach the database: data functions answer empty while it runs. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD;
}

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
  if (env().DATABASE_URL) throw new Error('Invalid environment: AUTH_SECRET is required with DATABASE_URL (every instance must share it)');
  const file = path.join(dataDir(), 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir(), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return fs.readFileSync(file, 'utf8').trim();
}
