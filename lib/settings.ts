import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Database, type Transaction } from '@/db/client';
import { auditLog, settings as settingsTable } from '@/db/schema';
import { UserError } from './errors';
import { can, type Actor } from './permissions';

// Site settings live in the `settings` table as JSON, one row per key; a key never saved reads as its
// default. Not cached: they are read only by writes (posting a comment) and the dashboard, never by a
// public page, so a change applies to the next comment on every instance at once.

const MAX_WORDS = 1_000;

/** A list of words or phrases: an array, or the text of a textarea (one per line, or comma-separated). */
const wordList = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(/[\n,]/) : value),
  z
    .array(z.string().trim().toLowerCase().max(100, 'Each word or phrase can be at most 100 characters.'))
    .transform((words) => [...new Set(words.filter(Boolean))])
    .pipe(z.array(z.string()).max(MAX_WORDS, `At most ${MAX_WORDS} words or phrases.`)),
);

/** A checkbox posts "on" when ticked; a hidden field can post "false". */
const flag = z.preprocess((value) => {
  if (value === 'on' || value === 'true' || value === '1') return true;
  if (value === 'off' || value === 'false' || value === '0' || value === '') return false;
  return value;
}, z.boolean({ error: 'Choose yes or no.' }));

export const settingSchemas = {
  /** Every comment from a reader waits for a moderator (pre-moderation); otherwise only those the rules hold. */
  'comments.premoderation': flag,
  /** Comments close this many days after a story is published; 0 keeps them open. */
  'comments.autoCloseDays': z.coerce
    .number({ error: 'Give a number of days.' })
    .int('Give a whole number of days.')
    .min(0, 'Give 0 to keep comments open, or a number of days.')
    .max(3650, 'At most 3650 days.'),
  /** A comment containing one of these is refused, with a message that names none of them. */
  'comments.bannedWords': wordList,
  /** A comment containing one of these waits for a moderator. */
  'comments.suspectWords': wordList,
} satisfies Record<string, z.ZodType>;

export type SettingKey = keyof typeof settingSchemas;
export type Settings = { [K in SettingKey]: z.output<(typeof settingSchemas)[K]> };

export const settingDefaults: Settings = {
  'comments.premoderation': false,
  'comments.autoCloseDays': 0,
  'comments.bannedWords': [],
  'comments.suspectWords': [],
};

const settingKeys = Object.keys(settingSchemas) as SettingKey[];

/** Every setting, stored or default, in one query. A stored value that no longer validates reads as its default. */
export async function getSettings(db: Database | Transaction = getDb()): Promise<Settings> {
  const rows = await db.select().from(settingsTable).where(inArray(settingsTable.key, settingKeys));
  const result: Record<string, unknown> = { ...settingDefaults };
  for (const row of rows) {
    const parsed = settingSchemas[row.key as SettingKey].safeParse(row.value);
    if (parsed.success) result[row.key] = parsed.data;
  }
  return result as Settings;
}

export async function getSetting<K extends SettingKey>(key: K, db: Database | Transaction = getDb()): Promise<Settings[K]> {
  return (await getSettings(db))[key];
}

const updateSchema = z.object(Object.fromEntries(settingKeys.map((key) => [key, settingSchemas[key].optional()])) as {
  [K in SettingKey]: z.ZodOptional<(typeof settingSchemas)[K]>;
});

export type SettingsInput = Partial<Record<SettingKey, unknown>>;

/**
 * Saves the settings given (others keep their values), audited as 'settings.update', for admins only.
 * Returns every setting as it now stands. Nothing public is cached from settings: no tag to expire.
 */
export async function updateSettings(actor: Actor, input: SettingsInput, { db = getDb() }: { db?: Database } = {}): Promise<Settings> {
  if (!can(actor, 'settings:manage')) throw new UserError('Only admins can change the site’s settings.', 'forbidden');
  const parsed = updateSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(issue?.message ?? 'Please check the settings.', 'invalid', issue ? { [String(issue.path[0])]: issue.message } : undefined);
  }
  const changes = Object.entries(parsed.data).filter(([, value]) => value !== undefined);
  return db.transaction(async (tx) => {
    if (changes.length > 0) {
      await tx
        .insert(settingsTable)
        .values(changes.map(([key, value]) => ({ key, value })))
        .onConflictDoUpdate({ target: settingsTable.key, set: { value: sql`excluded.value` } });
      await tx.insert(auditLog).values({
        actorId: actor.id,
        action: 'settings.update',
        targetType: 'settings',
        targetId: null,
        detail: { keys: changes.map(([key]) => key) },
      });
    }
    return getSettings(tx);
  });
}
