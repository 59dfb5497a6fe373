import 'server-only';
import { eq, like, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database, type Transaction } from '@/db/client';
import { auditLog, roles, users, type Role } from '@/db/schema';
import { UserError } from './errors';
import { hashPassword } from './passwords';
import { slugify, uniqueSlug } from './slug';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const MAX_SUSPENSION_DAYS = 3650;

export const emailSchema = z
  .string({ error: 'An email address is required.' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'That is not a valid email address.' }).max(254, 'That email address is too long.'));

export const passwordSchema = z
  .string({ error: 'A password is required.' })
  .min(PASSWORD_MIN, `Passwords must be at least ${PASSWORD_MIN} characters long.`)
  .max(PASSWORD_MAX, `Passwords can be at most ${PASSWORD_MAX} characters long.`);

export const roleSchema = z.enum(roles, { error: `The role must be one of: ${roles.join(', ')}.` });

export const newUserSchema = z.object({
  email: emailSchema,
  name: z
    .string({ error: 'A name is required.' })
    .trim()
    .min(1, 'A name is required.')
    .max(100, 'Names can be at most 100 characters long.'),
  role: roleSchema.default('reader'),
  password: passwordSchema,
});

/** Who an operation is about: the dashboard knows ids, the CLI knows email addresses. */
export const userRefSchema = z.union([z.object({ id: z.number().int().positive() }), z.object({ email: emailSchema })], {
  error: 'Name the user by email address.',
});

export const roleChangeSchema = z.object({ user: userRefSchema, role: roleSchema });

export const banSchema = z.object({
  user: userRefSchema,
  /** Absent: a permanent ban. */
  days: z
    .number({ error: 'The suspension must be a whole number of days.' })
    .int('The suspension must be a whole number of days.')
    .min(1, 'A suspension lasts at least one day.')
    .max(MAX_SUSPENSION_DAYS, `A suspension lasts at most ${MAX_SUSPENSION_DAYS} days; ban permanently instead.`)
    .optional(),
});

export type NewUser = z.input<typeof newUserSchema>;
export type UserRef = z.input<typeof userRefSchema>;

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  slug: string;
  role: Role;
  status: 'active' | 'suspended' | 'banned';
  suspendedUntil: Date | null;
  tokenVersion: number;
}

export interface UserOptions {
  /** Who did it, for the audit log: the signed-in admin in the dashboard, nobody from the CLI. */
  actor?: { id: number | null; via: 'cli' | 'dashboard' };
  /** Defaults to the app's connection; pass a transaction to take part in a larger one. */
  db?: Database | Transaction;
  now?: Date;
}

const record = {
  id: users.id,
  email: users.email,
  name: users.name,
  slug: users.slug,
  role: users.role,
  status: users.status,
  suspendedUntil: users.suspendedUntil,
  tokenVersion: users.tokenVersion,
};

/** Parses `input` with `schema`, turning the first problem into a UserError a person can read. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new UserError(result.error.issues[0]?.message ?? 'Invalid input.', 'invalid');
  return result.data;
}

function refCondition(ref: z.output<typeof userRefSchema>) {
  return 'id' in ref ? eq(users.id, ref.id) : eq(sql`lower(${users.email})`, ref.email);
}

function describeRef(ref: z.output<typeof userRefSchema>): string {
  return 'id' in ref ? `#${ref.id}` : ref.email;
}

/** The unique index a failed insert ran into, if that is what failed (drizzle wraps the driver's error). */
function violatedUniqueIndex(error: unknown): string | undefined {
  for (let current = error; current instanceof Error || (current && typeof current === 'object'); ) {
    const { code, constraint, cause } = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (code === '23505') return typeof constraint === 'string' ? constraint : '';
    if (cause === current) break;
    current = cause;
  }
  return undefined;
}

async function takenSlugs(tx: Transaction, base: string): Promise<Set<string>> {
  const rows = await tx
    .select({ slug: users.slug })
    .from(users)
    .where(or(eq(users.slug, base), like(users.slug, `${base.replace(/[\\%_]/g, '\\$&')}-%`)));
  return new Set(rows.map((row) => row.slug));
}

async function audit(tx: Transaction, actor: UserOptions['actor'], action: string, userId: number, detail: Record<string, unknown>) {
  await tx.insert(auditLog).values({
    actorId: actor?.id ?? null,
    action,
    targetType: 'user',
    targetId: userId,
    detail: actor ? { ...detail, via: actor.via } : detail,
  });
}

/**
 * A new account with an argon2id-hashed password. Email addresses are unique whatever their case
 * (stored lowercased); the profile slug comes from the name, numbered when another person has it.
 * Staff accounts start trusted, as the demo staff do.
 */
export async function createUser(input: NewUser, { actor, db = getDb() }: UserOptions = {}): Promise<UserRecord> {
  const data = parseInput(newUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  const base = slugify(data.name) || 'user';
  // A concurrent sign-up can take the same slug between our read and our insert: try the next one.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, data.email));
        if (existing) throw new UserError(`A user with the email ${data.email} already exists.`, 'email_taken');
        const slug = uniqueSlug(base, await takenSlugs(tx, base));
        const [created] = await tx
          .insert(users)
          .values({ email: data.email, name: data.name, slug, role: data.role, passwordHash, trusted: data.role !== 'reader' })
          .returning(record);
        if (!created) throw new Error('The new user was not saved.');
        await audit(tx, actor, 'user.create', created.id, { role: created.role });
        return created;
      });
    } catch (error) {
      const index = violatedUniqueIndex(error);
      if (index === 'users_email_key') throw new UserError(`A user with the email ${data.email} already exists.`, 'email_taken');
      if (index !== 'users_slug_key') throw error;
    }
  }
  throw new Error('Could not find a free profile slug; try again.');
}

export async function findUser(ref: UserRef, { db = getDb() }: UserOptions = {}): Promise<UserRecord | undefined> {
  const parsed = parseInput(userRefSchema, ref);
  const [row] = await db.select(record).from(users).where(refCondition(parsed));
  return row;
}

/** Applies `changes` to one user and bumps token_version, which signs them out everywhere. */
async function updateUser(
  ref: z.output<typeof userRefSchema>,
  changes: Partial<typeof users.$inferInsert>,
  { action, signOut, detail }: { action: string; signOut: boolean; detail: (before: UserRecord) => Record<string, unknown> },
  { actor, db = getDb() }: UserOptions,
): Promise<{ before: UserRecord; after: UserRecord }> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select(record).from(users).where(refCondition(ref)).for('update');
    if (!before) throw new UserError(`No user with the email ${describeRef(ref)}.`, 'not_found');
    const [after] = await tx
      .update(users)
      .set(signOut ? { ...changes, tokenVersion: sql`${users.tokenVersion} + 1` } : changes)
      .where(eq(users.id, before.id))
      .returning(record);
    if (!after) throw new Error('The user was not updated.');
    await audit(tx, actor, action, before.id, detail(before));
    return { before, after };
  });
}

/** A new role takes effect at once: the person's current sessions end and they sign in again. */
export async function changeRole(
  input: z.input<typeof roleChangeSchema>,
  options: UserOptions = {},
): Promise<{ user: UserRecord; previousRole: Role }> {
  const { user, role } = parseInput(roleChangeSchema, input);
  const { before, after } = await updateUser(
    user,
    { role },
    { action: 'user.role', signOut: true, detail: (b) => ({ from: b.role, to: role }) },
    options,
  );
  return { user: after, previousRole: before.role };
}

/** Suspends for `days` (until now + days) or, without days, bans for good; either way signs them out. */
export async function banUser(input: z.input<typeof banSchema>, options: UserOptions = {}): Promise<UserRecord> {
  const { user, days } = parseInput(banSchema, input);
  const now = options.now ?? new Date();
  const changes =
    days === undefined
      ? { status: 'banned' as const, suspendedUntil: null }
      : { status: 'suspended' as const, suspendedUntil: new Date(now.getTime() + days * 86_400_000) };
  const action = days === undefined ? 'user.ban' : 'user.suspend';
  const { after } = await updateUser(user, changes, { action, signOut: true, detail: () => ({ days: days ?? null }) }, options);
  return after;
}

/** Lifts a ban or suspension. Sessions ended by the ban stay ended: the person signs in again. */
export async function unbanUser(input: { user: UserRef }, options: UserOptions = {}): Promise<UserRecord> {
  const { user } = parseInput(z.object({ user: userRefSchema }), input);
  const { after } = await updateUser(
    user,
    { status: 'active', suspendedUntil: null },
    { action: 'user.unban', signOut: false, detail: (b) => ({ from: b.status }) },
    options,
  );
  return after;
}
