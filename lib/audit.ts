import 'server-only';
import { and, count, desc, eq, isNull, like, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { getDb, type Database, type Transaction } from '@/db/client';
import { articles, auditLog, media, sections, tags, users } from '@/db/schema';
import { pageCount, type Page } from './pagination';

export const AUDIT_PAGE_SIZE = 50;

/** Who did something, for the audit log: a signed-in person in the dashboard, nobody from the CLI. */
export interface AuditActor {
  id: number | null;
  via: 'cli' | 'dashboard' | 'account';
}

export interface AuditRecord {
  actorId: number | null;
  /** `<target type>.<verb>`: 'user.role', 'section.create', 'article.publish'… */
  action: string;
  targetType: string;
  targetId: number | null;
  detail?: Record<string, unknown>;
}

/**
 * The one way to write the audit log. Pass the transaction that makes the change, so the entry is
 * saved if and only if the change is.
 */
export async function recordAudit(db: Database | Transaction, entry: AuditRecord): Promise<void> {
  await db.insert(auditLog).values({ ...entry, detail: entry.detail ?? {} });
}

/** The `actorId` of an entry and the detail with how it was done, from an optional actor. */
export function auditedBy(actor: AuditActor | undefined, detail: Record<string, unknown> = {}) {
  return { actorId: actor?.id ?? null, detail: actor ? { ...detail, via: actor.via } : detail };
}

const ACTION_PATTERN = /^[a-z_]+(?:\.(?:[a-z_]+|\*))?$/;

/** Query-string filters: anything malformed is ignored rather than refused (it came from a URL). */
export const auditFilterSchema = z.object({
  /** An exact action ('user.role'), or every action on a kind of target ('user.*'). */
  action: z.string().trim().max(60).regex(ACTION_PATTERN).optional().catch(undefined),
  /** A person's id, or 'none' for what the command line and the system did. */
  actor: z.union([z.literal('none'), z.coerce.number().int().positive()]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
});

export type AuditFilter = Partial<z.input<typeof auditFilterSchema>>;

export interface AuditEntry {
  id: number;
  at: Date;
  action: string;
  actor: { id: number; name: string } | null;
  target: { type: string; id: number | null; label: string; href: string | null };
  detail: Record<string, unknown>;
}

/** Where the dashboard shows each kind of target; gone ones and kinds without a page are not linked. */
function targetHref(type: string, id: number | null, exists: boolean): string | null {
  if (id === null || !exists) return null;
  switch (type) {
    case 'user':
      return `/dashboard/users/${id}`;
    case 'article':
      return `/dashboard/articles/${id}`;
    case 'section':
    case 'tag':
      return '/dashboard/sections';
    case 'media':
      return '/dashboard/media';
    default:
      return null;
  }
}

function filterCondition(filter: z.output<typeof auditFilterSchema>): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.action?.endsWith('.*')) conditions.push(like(auditLog.action, `${filter.action.slice(0, -2)}.%`));
  else if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.actor === 'none') conditions.push(isNull(auditLog.actorId));
  else if (filter.actor !== undefined) conditions.push(eq(auditLog.actorId, filter.actor));
  return conditions.length ? and(...conditions) : undefined;
}

/** The audit log, newest first, a page at a time, with who did it and what it was done to, by name. */
export async function listAuditEntries(raw: AuditFilter = {}, { db = getDb() }: { db?: Database } = {}): Promise<Page<AuditEntry>> {
  const filter = auditFilterSchema.parse(raw);
  const where = filterCondition(filter);
  const actor = alias(users, 'actor');
  const targetUser = alias(users, 'target_user');
  const on = (type: string, id: AnyPgColumn) => and(eq(auditLog.targetType, type), eq(auditLog.targetId, id));
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        detail: auditLog.detail,
        actorId: actor.id,
        actorName: actor.name,
        label: sql<string | null>`coalesce(${targetUser.name}, ${articles.title}, ${sections.name}, ${tags.name}, nullif(${media.alt}, ''), ${media.path})`,
      })
      .from(auditLog)
      .leftJoin(actor, eq(actor.id, auditLog.actorId))
      .leftJoin(targetUser, on('user', targetUser.id))
      .leftJoin(articles, on('article', articles.id))
      .leftJoin(sections, on('section', sections.id))
      .leftJoin(tags, on('tag', tags.id))
      .leftJoin(media, on('media', media.id))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filter.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  const total = totals?.total ?? 0;
  return {
    page: filter.page,
    total,
    pageCount: pageCount(total, AUDIT_PAGE_SIZE),
    items: rows.map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      actor: row.actorId !== null && row.actorName !== null ? { id: row.actorId, name: row.actorName } : null,
      target: {
        type: row.targetType,
        id: row.targetId,
        label: row.label ?? remembered(row.targetType, row.targetId, row.detail),
        href: targetHref(row.targetType, row.targetId, row.label !== null),
      },
      detail: row.detail,
    })),
  };
}

/** A target that no longer exists is named from what its entries kept, else by its kind and number. */
function remembered(type: string, id: number | null, detail: Record<string, unknown>): string {
  // A rename records { from, to }: the last name it had is the one to show.
  const kept = detail.name ?? detail.title;
  const name = kept && typeof kept === 'object' && 'to' in kept ? kept.to : kept;
  if (typeof name === 'string' && name) return `${name} (deleted)`;
  return id === null ? type : `${type} #${id}`;
}

/** The choices of the log's filters: every action and every person that appears in it. */
export async function auditFilterOptions({ db = getDb() }: { db?: Database } = {}): Promise<{
  actions: string[];
  actors: Array<{ id: number; name: string }>;
}> {
  const [actions, actors] = await Promise.all([
    db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action),
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(auditLog)
      .innerJoin(users, eq(users.id, auditLog.actorId))
      .orderBy(users.name, users.id),
  ]);
  return { actions: actions.map((row) => row.action), actors };
}
