import type { z } from 'zod';

/** A refusal worded for the person who caused it (bad input, a taken email, a stale version): safe to show as is. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: string = 'invalid',
    readonly fieldErrors?: Record<string, string>,
    /** Anything the form needs to show beside the message (e.g. the newer text in a conflict). */
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Parses `input` with `schema`, turning the first problem into a UserError a person can read. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new UserError(result.error.issues[0]?.message ?? 'Invalid input.', 'invalid');
  return result.data;
}

/** The unique index a failed write ran into, if that is what failed (drizzle wraps the driver's error). */
export function violatedUniqueIndex(error: unknown): string | undefined {
  for (let current = error; current instanceof Error || (current && typeof current === 'object'); ) {
    const { code, constraint, cause } = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (code === '23505') return typeof constraint === 'string' ? constraint : '';
    if (cause === current) break;
    current = cause;
  }
  return undefined;
}
