import 'server-only';
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
  /** smtp://user:pass@host:587 or smtps://…; without it, mail goes to the outbox in DATA_DIR. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL')
    .optional(),
  /** The sender of every message; defaults to "<SITE_NAME> <no-reply@<site host>>". */
  MAIL_FROM: z.string().min(3).optional(),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

/** The environment, parsed once; a bad value stops the process with a message naming it. */
export function env(): Env {
  if (parsed) return parsed;
  const result = schema.safeParse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    SMTP_URL: process.env.SMTP_URL || undefined,
    MAIL_FROM: process.env.MAIL_FROM || undefined,
  });
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
