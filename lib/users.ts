import 'server-only';
import { and, asc, count, eq, gt, ilike, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database, type Transaction } from '@/db/client';
import { passwordResets, roles, users, type Role } from '@/db/schema';
import { auditedBy, recordAudit, type AuditActor } from './audit';
import { parseInput, UserError, violatedUniqueIndex } from './errors';
import { pageCount, type Page } from './pagination';
import { generatePassword, hashPassword } from './passwords';
import { slugify, uniqueSlug } from './slug';

export { parseInput };

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
  createdAt: Date;
}

export interface UserOptions {
  /** Who did it, for the audit log: the signed-in admin in the dashboard, nobody from the CLI. */
  actor?: AuditActor;
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
  createdAt: users.createdAt,
};

function refCondition(ref: z.output<typeof userRefSchema>) {
  return 'id' in ref ? eq(users.id, ref.id) : eq(sql`lower(${users.email})`, ref.email);
}

function notFound(ref: z.output<typeof userRefSchema>): UserError {
  return new UserError('id' in ref ? 'That person’s account no longer exists.' : `No user with the email ${ref.email}.`, 'not_found');
}

async function takenSlugs(tx: Transaction, base: string): Promise<Set<string>> {
  const rows = await tx
    .select({ slug: users.slug })
    .from(users)
    .where(or(eq(users.slug, base), like(users.slug, `${base.replace(/[\\%_]/g, '\\$&')}-%`)));
  return new Set(rows.map((row) => row.slug));
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
        await recordAudit(tx, { action: 'user.create', targetType: 'user', targetId: created.id, ...auditedBy(actor, { role: created.role }) });
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

interface UserUpdate {
  action: string;
  /** Bump token_version, which ends every session of the person. */
  signOut: boolean;
  detail: (before: UserRecord) => Record<string, unknown>;
  /** A rule about the person as they are now (read under lock): throw a UserError to refuse. */
  check?: (before: UserRecord, actor: AuditActor | undefined) => void;
  /** More work in the same transaction. */
  alongside?: (tx: Transaction, before: UserRecord) => Promise<unknown>;
}

/** Applies `changes` to one user, audited, in one transaction; with `signOut` their sessions end. */
async function updateUser(
  ref: z.output<typeof userRefSchema>,
  changes: Partial<typeof users.$inferInsert>,
  { action, signOut, detail, check, alongside }: UserUpdate,
  { actor, db = getDb() }: UserOptions,
): Promise<{ before: UserRecord; after: UserRecord }> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select(record).from(users).where(refCondition(ref)).for('update');
    if (!before) throw notFound(ref);
    check?.(before, actor);
    const [after] = await tx
      .update(users)
      .set(signOut ? { ...changes, tokenVersion: sql`${users.tokenVersion} + 1` } : changes)
      .where(eq(users.id, before.id))
      .returning(record);
    if (!after) throw new Error('The user was not updated.');
    await alongside?.(tx, before);
    await recordAudit(tx, { action, targetType: 'user', targetId: before.id, ...auditedBy(actor, detail(before)) });
    return { before, after };
  });
}

const isSelf = (before: UserRecord, actor: AuditActor | undefined) => actor?.id != null && actor.id === before.id;

/**
 * A new role takes effect at once: the person's current sessions end and they sign in again.
 * Nobody changes their own role, so the last admin cannot lock everyone out by mistake.
 */
export async function changeRole(
  input: z.input<typeof roleChangeSchema>,
  options: UserOptions = {},
): Promise<{ user: UserRecord; previousRole: Role }> {
  const { user, role } = parseInput(roleChangeSchema, input);
  const { before, after } = await updateUser(
    user,
    { role },
    {
      action: 'user.role',
      signOut: true,
      detail: (b) => ({ from: b.role, to: role }),
      check: (b, actor) => {
        if (isSelf(b, actor) && b.role !== role) throw new UserError('You can’t change your own role. Ask another admin to do it.', 'self');
      },
    },
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
  const { after } = await updateUser(
    user,
    changes,
    {
      action,
      signOut: true,
      detail: () => ({ days: days ?? null }),
      check: (b, actor) => {
        if (isSelf(b, actor)) throw new UserError('You can’t suspend or ban yourself.', 'self');
      },
    },
    options,
  );
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

/** Absent password: one is generated (and returned once, for the admin to pass on). */
export const passwordResetSchema = z.object({ user: userRefSchema, password: passwordSchema.optional() });

/**
 * Sets a new password chosen by an admin, or generated. Every session of the person ends, and any
 * reset link they were sent stops working: the new password is the only way in.
 */
export async function resetPassword(
  input: z.input<typeof passwordResetSchema>,
  options: UserOptions = {},
): Promise<{ user: UserRecord; password: string; generated: boolean }> {
  const { user, password } = parseInput(passwordResetSchema, input);
  const generated = password === undefined;
  const chosen = password ?? generatePassword();
  const passwordHash = await hashPassword(chosen);
  const { after } = await updateUser(
    user,
    { passwordHash },
    {
      action: 'user.password',
      signOut: true,
      detail: () => ({ generated }),
      alongside: (tx, b) => tx.delete(passwordResets).where(and(eq(passwordResets.userId, b.id), isNull(passwordResets.usedAt))),
    },
    options,
  );
  return { user: after, password: chosen, generated };
}

export type Standing = 'active' | 'suspended' | 'banned';
export const standings = ['active', 'suspended', 'banned'] as const satisfies readonly Standing[];

/** Where a person stands now: a suspension whose time is up counts as active (sign-in lets them in). */
export function standingOf(user: Pick<UserRecord, 'status' | 'suspendedUntil'>, now = new Date()): Standing {
  if (user.status === 'suspended' && user.suspendedUntil && user.suspendedUntil <= now) return 'active';
  return user.status;
}

export const USERS_PAGE_SIZE = 25;

/** The people list's query string: anything malformed is ignored rather than refused (it came from a URL). */
export const userListSchema = z.object({
  q: z.string().trim().max(100).catch(''),
  role: roleSchema.optional().catch(undefined),
  status: z.enum(standings).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

export type UserListFilter = Partial<z.input<typeof userListSchema>>;
export type UserListItem = UserRecord & { standing: Standing };

function standingCondition(standing: Standing, now: Date): SQL | undefined {
  const suspensionOver = and(eq(users.status, 'suspended'), lte(users.suspendedUntil, now));
  switch (standing) {
    case 'active':
      return or(eq(users.status, 'active'), suspensionOver);
    case 'suspended':
      return and(eq(users.status, 'suspended'), or(isNull(users.suspendedUntil), gt(users.suspendedUntil, now)));
    case 'banned':
      return eq(users.status, 'banned');
  }
}

/** Everyone with an account, by name, a page at a time: filtered by role and standing, searched by name or email. */
export async function listUsers(raw: UserListFilter = {}, { db = getDb(), now = new Date() }: UserOptions = {}): Promise<Page<UserListItem>> {
  const filter = userListSchema.parse(raw);
  const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
  const where = and(
    filter.q ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
    filter.role ? eq(users.role, filter.role) : undefined,
    filter.status ? standingCondition(filter.status, now) : undefined,
  );
  const [rows, [totals]] = await Promise.all([
    db
      .select(record)
      .from(users)
      .where(where)
      .orderBy(asc(sql`lower(${users.name})`), asc(users.id))
      .limit(USERS_PAGE_SIZE)
      .offset((filter.page - 1) * USERS_PAGE_SIZE),
    db.select({ total: count() }).from(users).where(where),
  ]);
  const total = totals?.total ?? 0;
  return {
    items: rows.map((row) => ({ ...row, standing: standingOf(row, now) })),
    page: filter.page,
    total,
    pageCount: pageCount(total, USERS_PAGE_SIZE),
  };
}
