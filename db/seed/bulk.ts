import 'server-only';
import { and, desc, eq, getTableColumns, inArray, sql, type SQL, type SQLChunk } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { selectRows, type Database, type Transaction } from '@/db/client';
import { articleAuthors, articles, articleTags, comments, sections, tags, users } from '@/db/schema';
import { countWords, documentText } from '@/lib/document';
import { generatePassword, hashPassword } from '@/lib/passwords';
import { slugify } from '@/lib/slug';
import * as words from './bulk-words';
import { isEmpty, seedDemo, type DemoLogin } from './demo';
import { blocksToDocument } from './document';

// Rows per INSERT (see bulkInsert: one array parameter per column): stories carry a few kilobytes of text
// each, comments a sentence or two.
const ARTICLES_PER_INSERT = 500;
const ARTICLES_PER_TRANSACTION = 5_000;
const COMMENTS_PER_INSERT = 5_000;
const COMMENTS_PER_TRANSACTION = 50_000;
const LINKS_PER_INSERT = 5_000;
const READERS_PER_INSERT = 1_000;
const MAX_READERS = 2_000;
const TAG_COUNT = 200;
/** Benchmarks need one long thread: the busiest story gets at least this many comments (when there are that many). */
export const BUSIEST_THREAD_MIN = 1_000;
/** Replies nest at most this deep (0 is a top-level comment). */
export const MAX_COMMENT_DEPTH = 3;
const SPAN_MS = 3 * 365 * 86_400_000;
const DAY_MS = 86_400_000;

export interface BulkOptions {
  articles: number;
  comments: number;
  now?: Date;
  /** Seeds the word choices; a new run with the same seed writes the same text (slugs still differ). */
  seed?: number;
  onProgress?: (progress: BulkProgress) => void;
  /** Aborting stops between two statements; what was written stays, with its counts made consistent. */
  signal?: AbortSignal;
}

export interface BulkProgress {
  phase: 'readers' | 'articles' | 'comments' | 'counts';
  done: number;
  total: number;
}

export interface BulkSummary {
  /** Set when the database was empty and the demo magazine was seeded first. */
  demo: { logins: DemoLogin[]; stories: number } | null;
  articles: number;
  comments: number;
  readers: number;
  tags: number;
  /** The story with the most comments among those this run wrote to. */
  busiest: { slug: string; comments: number } | null;
  interrupted: boolean;
}

/**
 * Generated stories and comments on top of the demo magazine, for load tests and search tuning.
 * Everything is written with multi-row inserts, many per transaction; comment ids are reserved from the
 * sequence up front so a whole thread (parents, replies, reply counts) is known before it is written.
 */
export async function seedBulk(db: Database, options: BulkOptions): Promise<BulkSummary> {
  for (const key of ['articles', 'comments'] as const) {
    if (!Number.isSafeInteger(options[key]) || options[key] < 0) throw new RangeError(`seedBulk: ${key} must be a whole number ≥ 0.`);
  }
  const now = options.now ?? new Date();
  const random = prng(options.seed ?? Math.floor(Math.random() * 2 ** 32));
  const report = options.onProgress ?? (() => {});
  const stopped = () => options.signal?.aborted ?? false;

  const demo = (await isEmpty(db)) ? await seedDemo(db, { now }) : null;

  const sectionRows = await db.select({ id: sections.id, slug: sections.slug }).from(sections).orderBy(sections.position, sections.id);
  const staff = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.role, ['contributor', 'author', 'editor', 'admin']), eq(users.status, 'active')))
    .orderBy(users.id);
  if (options.articles > 0 && (sectionRows.length === 0 || staff.length === 0)) {
    throw new Error('Generated stories need sections and staff bylines: run seed:demo first.');
  }

  const tagIds = options.articles > 0 ? await ensureTags(db) : [];
  const readerIds = options.comments > 0 ? await createReaders(db, readerCount(options.comments), random, report) : [];

  // The stories the comments go to: this run's, or the published ones already there.
  const targets = options.articles > 0 ? planArticles(options.articles, now, random) : await existingTargets(db);
  if (options.comments > 0 && targets.count === 0) throw new Error('There are no published stories to comment on.');
  const commentCounts = allocateComments(targets, options.comments, random);

  let interrupted = false;
  if (options.articles > 0) {
    interrupted = await insertArticles(db, targets, commentCounts, { sectionRows, staff, tagIds, now, random, report, stopped });
  }
  let writtenComments = 0;
  if (!interrupted && options.comments > 0) {
    ({ written: writtenComments, interrupted } = await insertComments(db, targets, commentCounts, readerIds, now, random, report, stopped));
  }

  const written = targets.ids.filter((id) => id > 0);
  let busiest: BulkSummary['busiest'] = null;
  if (written.length > 0) {
    report({ phase: 'counts', done: 0, total: 1 });
    const low = written.reduce((a, b) => Math.min(a, b));
    const high = written.reduce((a, b) => Math.max(a, b));
    await reconcileCounts(db, low, high);
    const [top] = await db
      .select({ slug: articles.slug, comments: articles.commentCount })
      .from(articles)
      .where(sql`${articles.id} between ${low} and ${high}`)
      .orderBy(desc(articles.commentCount), articles.id)
      .limit(1);
    if (top && top.comments > 0) busiest = top;
    report({ phase: 'counts', done: 1, total: 1 });
  }

  return {
    demo,
    articles: options.articles > 0 ? written.length : 0,
    comments: writtenComments,
    readers: readerIds.length,
    tags: tagIds.length,
    busiest,
    interrupted,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Randomness and text

type Random = () => number;

/** mulberry32: small, fast and seedable, which Math.random is not. */
function prng(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function plural(noun: string): string {
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}

const allNouns = [...new Set(Object.values(words.topicNouns).flat())];

interface StoryContext {
  random: Random;
  nouns: readonly string[];
  focus: string[];
  person: { first: string; last: string };
  place: string;
  year: number;
}

function storyContext(random: Random, sectionSlug: string, now: Date): StoryContext {
  const focus = new Set<string>();
  while (focus.size < 3) focus.add(pick(random, words.lexicon));
  return {
    random,
    nouns: words.topicNouns[sectionSlug] ?? allNouns,
    focus: [...focus],
    person: { first: pick(random, words.firstNames), last: pick(random, words.lastNames) },
    place: pick(random, words.places),
    year: between(random, 1968, now.getUTCFullYear() - 1),
  };
}

/** Fills {noun}, {plural}, {adj}, {place}, {focus}, {relative} in a template. */
function fill(template: string, c: StoryContext): string {
  const filled = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    switch (key) {
      case 'noun':
        return pick(c.random, c.nouns);
      case 'plural':
        return plural(pick(c.random, c.nouns));
      case 'adj':
        return pick(c.random, words.adjectives);
      case 'place':
        return c.random() < 0.5 ? c.place : pick(c.random, words.places);
      case 'focus':
        return focusWord(c);
      case 'relative':
        return pick(c.random, words.relatives);
      default:
        return key;
    }
  });
  return filled.replace(/\b([Aa]) (?=[aeiou])/g, '$1n ');
}

/** Mostly the story's own focus words, so they recur; sometimes any word of the lexicon. */
const focusWord = (c: StoryContext) => (c.random() < 0.7 ? pick(c.random, c.focus) : pick(c.random, words.lexicon));

const bodySentences: Array<(c: StoryContext) => string> = [
  (c) => `${c.person.first} ${c.person.last} first heard the ${pick(c.random, c.nouns)} in ${c.place} ${pick(c.random, words.timePhrases)}.`,
  (c) => fill(`The {adj} {noun} ${pick(c.random, words.verbs)[0]} everything around it, and the {focus} is no exception.`, c),
  (c) => fill(`"It was never about the {noun}," ${c.person.first} says. "It was about the {focus}."`, c),
  (c) => fill(`By ${c.year}, the {plural} of {place} had become {adj} and {adj}.`, c),
  (c) => fill('Critics called the {noun} {adj}; the people who loved it called it {adj}.', c),
  (c) => fill(`There is a {adj} {focus} at the heart of it, and a {noun} that ${pick(c.random, words.verbs)[0]} the room.`, c),
  (c) => fill('Ask anyone in {place} about the {noun} and sooner or later you will hear about the {focus}.', c),
  (c) => fill(`${c.person.first} ${pick(c.random, words.verbs)[1]} the {noun} ${pick(c.random, words.timePhrases)}, then ${pick(c.random, words.verbs)[1]} it again.`, c),
  (c) => fill('The result is {adj}, {adj} and, at times, {adj}.', c),
  (c) => fill('Nobody expected a {noun} about a {focus} to travel this far.', c),
  (c) => fill('Somewhere between the {noun} and the {noun}, a {adj} idea took hold.', c),
  (c) => fill(`${between(c.random, 2, 40)} {plural} later, the {focus} still ${pick(c.random, words.verbs)[0]} the story.`, c),
  (c) => fill('Her {noun} and his {noun} met in a {focus} near {place}.', c),
  (c) => fill(`What ${pick(c.random, words.verbs)[0]} the {noun} now is not the {focus} but the {focus}.`, c),
  (c) => fill('Even the {plural} seemed {adj} that year.', c),
  (c) => fill('The {focus} is where the {noun} begins and, in a sense, where it ends.', c),
  (c) => fill(`Listen closely and the {noun} ${pick(c.random, words.verbs)[0]} the {adj} {focus} underneath.`, c),
  (c) => fill(`${c.person.last} keeps a {adj} {noun} on the windowsill, a souvenir from a {focus} in {place}.`, c),
  (c) => fill('None of it would work without the {plural}, and everyone involved knows it.', c),
  (c) => fill(`In ${c.year} a {adj} {noun} ${pick(c.random, words.verbs)[1]} the scene; this one is quieter, and stranger.`, c),
];

const titleTemplates: Array<(c: StoryContext) => string> = [
  (c) => fill(`${c.person.first} ${c.person.last} on the {adj} {noun}`, c),
  (c) => capitalize(fill(`the {adj} {noun} of ${c.place}`, c)),
  (c) => fill('Why {plural} are {adj} again', c),
  (c) => fill(`Inside ${c.place}'s {adj} {noun} scene`, c),
  (c) => fill(`How a {noun} from ${c.place} ${pick(c.random, words.verbs)[1]} the {focus}`, c),
  (c) => capitalize(fill(`{adj} {plural}, ${pick(c.random, words.timePhrases)}`, c)),
  (c) => fill(`What the {noun} ${pick(c.random, words.verbs)[0]} about the ${c.focus[0]}`, c),
  (c) => capitalize(fill(`a {adj} ${c.focus[0]}, ${pick(c.random, words.verbs)[1]} in ${c.place}`, c)),
  (c) => fill(`The ${c.focus[0]}, the {noun} and ${c.person.first} ${c.person.last}`, c),
  (c) => fill(`${c.person.last} ${pick(c.random, words.verbs)[0]} the {noun}`, c),
];

const dekTemplates: Array<(c: StoryContext) => string> = [
  (c) => fill(`${c.person.first} ${c.person.last} spent years on a {adj} {noun}. Now ${c.place} is listening.`, c),
  (c) => fill(`A {adj} {noun}, a {focus} and a city that would not sit still: how ${c.place} found its voice.`, c),
  (c) => fill('The {plural} were {adj}, the {focus} was {adj}, and the crowd came back anyway.', c),
  (c) => fill(`From a {focus} in ${c.place} to the {noun} everyone is talking about.`, c),
  (c) => fill(`It started ${pick(c.random, words.timePhrases)}, with a {adj} {noun} and nobody watching.`, c),
];

function generateStory(c: StoryContext) {
  const paragraphs = Array.from({ length: between(c.random, 5, 9) }, () =>
    Array.from({ length: between(c.random, 3, 6) }, () => pick(c.random, bodySentences)(c)).join(' '),
  );
  const doc = blocksToDocument(paragraphs);
  const bodyText = documentText(doc);
  return { title: pick(c.random, titleTemplates)(c), dek: pick(c.random, dekTemplates)(c), doc, bodyText };
}

function commentBody(random: Random, sectionSlug: string, reply: boolean): string {
  const c: StoryContext = {
    random,
    nouns: words.topicNouns[sectionSlug] ?? allNouns,
    focus: [pick(random, words.lexicon)],
    person: { first: '', last: '' },
    place: pick(random, words.places),
    year: 2000,
  };
  const parts: string[] = [];
  if (reply) parts.push(fill(pick(random, words.replySentences), c));
  else if (random() < 0.5) parts.push(pick(random, words.commentOpeners));
  for (let n = between(random, reply ? 0 : 1, reply ? 1 : 3); n > 0; n--) parts.push(fill(pick(random, words.commentSentences), c));
  return parts.join(' ') || pick(random, words.commentOpeners);
}

// ---------------------------------------------------------------------------------------------------------
// Inserting many rows

/**
 * INSERT … SELECT FROM unnest(one array per column): a handful of bind parameters however many rows.
 * Drizzle's VALUES builder spends most of a bulk run building SQL; this leaves the time to the database.
 * Values travel as text arrays and are cast to each column's type (jsonb, enums, timestamps) in SQL.
 */
function bulkInsert<T extends PgTable>(table: T, rows: Array<T['$inferInsert']>): SQL {
  const columns = getTableColumns(table) as Record<string, T['_']['columns'][string]>;
  const keys = Object.keys(rows[0] ?? {});
  const names = keys.map((key) => sql.identifier(columns[key]!.name));
  const arrays = keys.map((key) => sql`${sql.param(rows.map((row) => toText((row as Record<string, unknown>)[key])))}::text[]`);
  const casts = keys.map((key, i) => sql`${sql.identifier(`c${i}`)}::${sql.raw(castType(columns[key]!.getSQLType()))}`);
  const aliases = keys.map((_, i) => sql.identifier(`c${i}`));
  const list = (parts: SQLChunk[]) => sql.join(parts, sql`, `);
  return sql`insert into ${table} (${list(names)}) select ${list(casts)} from unnest(${list(arrays)}) as u(${list(aliases)})`;
}

/** serial is a column default, not a type: cast to the integer underneath. */
const castType = (type: string) => ({ serial: 'integer', bigserial: 'bigint', smallserial: 'smallint' })[type] ?? type;

function toText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

// ---------------------------------------------------------------------------------------------------------
// Tags and readers

/** The same ~200 generated tags on every run (a fixed seed), created once and reused. */
async function ensureTags(db: Database): Promise<number[]> {
  const random = prng(20_240_601);
  const names = new Set<string>();
  while (names.size < TAG_COUNT) {
    const noun = random() < 0.5 ? pick(random, allNouns) : pick(random, words.lexicon);
    names.add(capitalize(random() < 0.4 ? plural(noun) : `${pick(random, words.adjectives)} ${noun}`));
  }
  const rows = [...names].map((name) => ({ name, slug: slugify(name) }));
  await db.insert(tags).values(rows).onConflictDoNothing();
  const found = await db
    .select({ id: tags.id })
    .from(tags)
    .where(inArray(tags.slug, rows.map((row) => row.slug)));
  return found.map((row) => row.id);
}

function readerCount(comments: number): number {
  return Math.min(MAX_READERS, Math.max(10, Math.ceil(comments / 50)));
}

/** Reader accounts to sign the comments. One password hash for all: argon2 per account would take minutes. */
async function createReaders(db: Database, count: number, random: Random, report: (p: BulkProgress) => void): Promise<number[]> {
  const passwordHash = await hashPassword(generatePassword());
  const serial = await nextSerial(db, 'users');
  const rows = Array.from({ length: count }, (_, i) => {
    const first = pick(random, words.firstNames);
    const last = pick(random, words.lastNames);
    const n = serial + i;
    return {
      name: `${first} ${last}`,
      email: `${slugify(first)}.${slugify(last)}.${n}@readers.masthead.example`,
      slug: `${slugify(`${first} ${last}`)}-${n}`,
      role: 'reader' as const,
      passwordHash,
    };
  });
  const ids: number[] = [];
  report({ phase: 'readers', done: 0, total: count });
  await db.transaction(async (tx) => {
    for (let start = 0; start < rows.length; start += READERS_PER_INSERT) {
      const batch = rows.slice(start, start + READERS_PER_INSERT);
      const inserted = await insertFresh(
        batch,
        (row, retry) => ({ ...row, slug: `${row.slug}-${retry}`, email: row.email.replace('@', `.${retry}@`) }),
        (values) => selectRows(tx, sql`${bulkInsert(users, values)} on conflict do nothing returning id, slug`),
      );
      ids.push(...inserted);
      report({ phase: 'readers', done: ids.length, total: count });
    }
  });
  return ids;
}

/**
 * Inserts rows whose slug (or email) someone else may have taken already: what ON CONFLICT DO NOTHING
 * skipped is renamed and tried again. Returns the new ids in the order of `rows`.
 */
async function insertFresh<R extends { slug: string }>(
  rows: R[],
  rename: (row: R, retry: number) => R,
  insert: (rows: R[]) => Promise<Array<{ id: number; slug: string }>>,
): Promise<number[]> {
  const ids = new Array<number>(rows.length).fill(0);
  let pending = rows.map((row, index) => ({ row, index }));
  for (let retry = 1; pending.length > 0; retry++) {
    if (retry > 5) throw new Error('Could not find free slugs for generated rows.');
    const inserted = new Map((await insert(pending.map((p) => p.row))).map((row) => [row.slug, row.id]));
    pending = pending.flatMap(({ row, index }) => {
      const id = inserted.get(row.slug);
      if (id === undefined) return [{ row: rename(row, retry), index }];
      ids[index] = id;
      return [];
    });
  }
  return ids;
}

/** A number larger than any id the table has used: suffixes built from it never repeat across runs. */
async function nextSerial(db: Database, table: 'users' | 'articles'): Promise<number> {
  const [row] = await selectRows<{ n: number | string }>(db, sql`select coalesce(max(id), 0) + 1 as n from ${sql.identifier(table)}`);
  return Number(row?.n ?? 1);
}

// ---------------------------------------------------------------------------------------------------------
// Stories

interface Targets {
  count: number;
  /** Database ids, filled in as stories are written (0 until then). */
  ids: number[];
  publishedAt: Float64Array;
  /** Index into the run's section list, or -1 for an existing story. */
  section: Int16Array;
  sectionSlugs: string[];
}

function planArticles(count: number, now: Date, random: Random): Targets {
  const publishedAt = new Float64Array(count);
  // Spread over the past three years, slightly denser recently, never in the future.
  for (let i = 0; i < count; i++) publishedAt[i] = now.getTime() - Math.floor(random() ** 1.3 * SPAN_MS) - 60_000;
  return { count, ids: new Array<number>(count).fill(0), publishedAt, section: new Int16Array(count), sectionSlugs: [] };
}

async function existingTargets(db: Database): Promise<Targets> {
  const rows = await db
    .select({ id: articles.id, publishedAt: articles.publishedAt, section: sections.slug })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(articles.status, 'published'))
    .orderBy(articles.id);
  const sectionSlugs = [...new Set(rows.map((row) => row.section ?? ''))];
  return {
    count: rows.length,
    ids: rows.map((row) => row.id),
    publishedAt: Float64Array.from(rows, (row) => row.publishedAt?.getTime() ?? Date.now() - DAY_MS),
    section: Int16Array.from(rows, (row) => sectionSlugs.indexOf(row.section ?? '')),
    sectionSlugs,
  };
}

/**
 * How many comments each story gets. The newest story is the busiest (at least BUSIEST_THREAD_MIN, 2 %
 * of all comments); the rest follow a flattened Zipf curve over a random order, so a few stories get
 * hundreds and most get a handful or none, as on a real site.
 */
function allocateComments(targets: Targets, total: number, random: Random): Int32Array {
  const counts = new Int32Array(targets.count);
  if (total === 0 || targets.count === 0) return counts;
  let busiest = 0;
  for (let i = 1; i < targets.count; i++) if (targets.publishedAt[i]! > targets.publishedAt[busiest]!) busiest = i;
  const top = targets.count === 1 ? total : Math.min(total, Math.max(BUSIEST_THREAD_MIN, Math.ceil(total * 0.02)));
  counts[busiest] = top;
  const others = Array.from({ length: targets.count }, (_, i) => i).filter((i) => i !== busiest);
  for (let i = others.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [others[i], others[j]] = [others[j]!, others[i]!];
  }
  const cumulative = new Float64Array(others.length);
  let sum = 0;
  for (let rank = 0; rank < others.length; rank++) cumulative[rank] = sum += 1 / (rank + 10);
  for (let n = total - top; n > 0; n--) {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    counts[others[lo]!]!++;
  }
  return counts;
}

interface ArticleContext {
  sectionRows: Array<{ id: number; slug: string }>;
  staff: Array<{ id: number }>;
  tagIds: number[];
  now: Date;
  random: Random;
  report: (progress: BulkProgress) => void;
  stopped: () => boolean;
}

/** Writes the planned stories with their bylines and tags; true when stopped early. */
async function insertArticles(db: Database, targets: Targets, commentCounts: Int32Array, context: ArticleContext): Promise<boolean> {
  const { sectionRows, staff, tagIds, now, random, report, stopped } = context;
  targets.sectionSlugs = sectionRows.map((row) => row.slug);
  const serial = await nextSerial(db, 'articles');
  // Popular tags first: a tag's chance falls with its rank, so tag pages range from busy to sparse.
  const tagWeights = tagIds.map((_, rank) => 1 / (rank + 3));
  const tagTotal = tagWeights.reduce((a, b) => a + b, 0);
  const pickTag = () => {
    let x = random() * tagTotal;
    for (let i = 0; i < tagWeights.length; i++) if ((x -= tagWeights[i]!) <= 0) return tagIds[i]!;
    return tagIds[tagIds.length - 1]!;
  };

  report({ phase: 'articles', done: 0, total: targets.count });
  for (let start = 0; start < targets.count; start += ARTICLES_PER_TRANSACTION) {
    const end = Math.min(targets.count, start + ARTICLES_PER_TRANSACTION);
    await db.transaction(async (tx) => {
      for (let from = start; from < end; from += ARTICLES_PER_INSERT) {
        // Each statement leaves the data consistent (a story comes with its bylines and tags): stop between two.
        if (await stopping(stopped)) return;
        const to = Math.min(end, from + ARTICLES_PER_INSERT);
        await insertArticleBatch(tx, from, to);
        report({ phase: 'articles', done: to, total: targets.count });
      }
    });
    if (stopped()) return true;
  }
  return false;

  async function insertArticleBatch(tx: Transaction, from: number, to: number) {
    const rows = [];
    for (let i = from; i < to; i++) {
      const sectionIndex = Math.floor(random() * sectionRows.length);
      targets.section[i] = sectionIndex;
      const story = generateStory(storyContext(random, sectionRows[sectionIndex]!.slug, now));
      const publishedAt = new Date(targets.publishedAt[i]!);
      rows.push({
        slug: `${slugify(story.title).slice(0, 60).replace(/-+$/, '')}-${serial + i}`,
        title: story.title,
        dek: story.dek,
        bodyJson: story.doc,
        bodyText: story.bodyText,
        wordCount: countWords(story.bodyText),
        sectionId: sectionRows[sectionIndex]!.id,
        status: 'published' as const,
        publishedAt,
        createdAt: publishedAt,
        updatedAt: publishedAt,
        // Known already: the comments are planned before the stories are written (checked at the end).
        commentCount: commentCounts[i]!,
      });
    }
    const inserted = await insertFresh(
      rows,
      (row, retry) => ({ ...row, slug: `${row.slug}-${retry}` }),
      (values) => selectRows(tx, sql`${bulkInsert(articles, values)} on conflict do nothing returning id, slug`),
    );
    const bylines: Array<typeof articleAuthors.$inferInsert> = [];
    const storyTags: Array<typeof articleTags.$inferInsert> = [];
    inserted.forEach((id, offset) => {
      targets.ids[from + offset] = id;
      const lead = pick(random, staff).id;
      bylines.push({ articleId: id, userId: lead, position: 0 });
      if (staff.length > 1 && random() < 0.2) {
        const second = pick(random, staff.filter((person) => person.id !== lead)).id;
        bylines.push({ articleId: id, userId: second, position: 1 });
      }
      const chosen = new Set<number>();
      for (let want = Math.min(tagIds.length, between(random, 2, 4)); chosen.size < want; ) chosen.add(pickTag());
      for (const tagId of chosen) storyTags.push({ articleId: id, tagId });
    });
    for (let i = 0; i < bylines.length; i += LINKS_PER_INSERT) await tx.execute(bulkInsert(articleAuthors, bylines.slice(i, i + LINKS_PER_INSERT)));
    for (let i = 0; i < storyTags.length; i += LINKS_PER_INSERT) await tx.execute(bulkInsert(articleTags, storyTags.slice(i, i + LINKS_PER_INSERT)));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Comments

type CommentRow = typeof comments.$inferInsert & { id: number };

/** Comment ids reserved from the sequence in blocks: replies must name their parent's id before it is written. */
class IdReservation {
  private ids: number[] = [];
  private next = 0;
  async take(tx: Transaction, count: number): Promise<number[]> {
    while (this.ids.length - this.next < count) {
      const want = Math.max(COMMENTS_PER_INSERT, count - (this.ids.length - this.next));
      const rows = await selectRows<{ id: number | string }>(
        tx,
        sql`select nextval(pg_get_serial_sequence('comments', 'id')) as id from generate_series(1, ${want})`,
      );
      this.ids = [...this.ids.slice(this.next), ...rows.map((row) => Number(row.id))];
      this.next = 0;
    }
    const taken = this.ids.slice(this.next, this.next + count);
    this.next += count;
    return taken;
  }
}

/**
 * One story's thread: about half the comments start a thread, the rest reply to an earlier comment (older
 * comments collect more replies), nested up to MAX_COMMENT_DEPTH. Replies come after their parent in
 * time and in order, so a batch never names a parent that is not written yet.
 */
function generateThread(
  ids: number[],
  articleId: number,
  publishedAt: number,
  sectionSlug: string,
  readerIds: number[],
  now: number,
  random: Random,
): CommentRow[] {
  const rows: CommentRow[] = [];
  const parentIndex: number[] = [];
  const span = Math.max(60_000, now - publishedAt);
  for (let i = 0; i < ids.length; i++) {
    let parent = i === 0 || random() < 0.5 ? -1 : Math.floor(random() * i);
    while (parent >= 0 && rows[parent]!.depth! >= MAX_COMMENT_DEPTH) parent = parentIndex[parent]!;
    const depth = parent < 0 ? 0 : rows[parent]!.depth! + 1;
    const base = parent < 0 ? publishedAt : rows[parent]!.createdAt!.getTime();
    const delay = parent < 0 ? -Math.log(1 - random()) * 3 * DAY_MS : -Math.log(1 - random()) * DAY_MS / 3;
    const createdAt = new Date(Math.min(now, base + Math.min(span, delay)));
    parentIndex.push(parent);
    if (parent >= 0) rows[parent]!.replyCount! += 1;
    rows.push({
      id: ids[i]!,
      articleId,
      parentId: parent < 0 ? null : rows[parent]!.id,
      // Squaring skews towards the first readers: a few regulars write much of the conversation.
      authorId: readerIds[Math.floor(random() ** 2 * readerIds.length)]!,
      body: commentBody(random, sectionSlug, parent >= 0),
      status: 'published',
      depth,
      replyCount: 0,
      createdAt,
    });
  }
  return rows;
}

async function insertComments(
  db: Database,
  targets: Targets,
  counts: Int32Array,
  readerIds: number[],
  now: Date,
  random: Random,
  report: (progress: BulkProgress) => void,
  stopped: () => boolean,
): Promise<{ written: number; interrupted: boolean }> {
  const total = counts.reduce((a, b) => a + b, 0);
  const reservation = new IdReservation();
  let written = 0;
  let article = 0;
  let pending: CommentRow[] = [];
  report({ phase: 'comments', done: 0, total });
  while (article < targets.count || pending.length > 0) {
    await db.transaction(async (tx) => {
      let inTransaction = 0;
      while (inTransaction < COMMENTS_PER_TRANSACTION && (article < targets.count || pending.length > 0)) {
        // Parents are always written before their replies, so stopping between two statements is safe.
        if (await stopping(stopped)) return;
        // Fill one statement's worth of rows; a long thread spills into the next statement, parents first.
        while (pending.length < COMMENTS_PER_INSERT && article < targets.count) {
          const count = counts[article]!;
          if (count > 0) {
            const ids = await reservation.take(tx, count);
            const section = targets.sectionSlugs[targets.section[article]!] ?? '';
            pending = pending.concat(
              generateThread(ids, targets.ids[article]!, targets.publishedAt[article]!, section, readerIds, now.getTime(), random),
            );
          }
          article++;
        }
        const batch = pending.slice(0, COMMENTS_PER_INSERT);
        pending = pending.slice(COMMENTS_PER_INSERT);
        if (batch.length > 0) await tx.execute(bulkInsert(comments, batch));
        inTransaction += batch.length;
        written += batch.length;
        report({ phase: 'comments', done: written, total });
      }
    });
    if (stopped()) return { written, interrupted: true };
  }
  return { written, interrupted: false };
}

/**
 * Lets the event loop turn, then says whether to stop. PGlite answers through promises alone, so without
 * this a whole run is one chain of microtasks and Ctrl-C (a signal, handled on the loop) waits for the end.
 */
async function stopping(stopped: () => boolean): Promise<boolean> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  return stopped();
}

// ---------------------------------------------------------------------------------------------------------
// Counts

/**
 * Makes articles.comment_count and comments.reply_count match the published rows, for the stories with
 * ids in [low, high]. Set-based, and it only rewrites rows that are off: after a complete run, none are.
 */
async function reconcileCounts(db: Database, low: number, high: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      update articles set comment_count = counted.n
      from (
        select a.id, count(c.id)::int as n
        from articles a left join comments c on c.article_id = a.id and c.status = 'published'
        where a.id between ${low} and ${high}
        group by a.id
      ) counted
      where articles.id = counted.id and articles.comment_count <> counted.n`);
    await tx.execute(sql`
      update comments set reply_count = counted.n
      from (
        select p.id, count(r.id)::int as n
        from comments p left join comments r on r.parent_id = p.id and r.status = 'published'
        where p.article_id between ${low} and ${high}
        group by p.id
      ) counted
      where comments.id = counted.id and comments.reply_count <> counted.n`);
  });
}
