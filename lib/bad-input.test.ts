import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { tableChecksums } from '@/db/backup';
import { comments, media, notifications, revisions, users } from '@/db/schema';
import { magazine } from '@/test/comment-fixtures';
import { freshDatabasePerTest } from '@/test/database';
import type { FormState } from './action';
import type { CurrentUser } from './session';

// Bad input never costs more than a form error: every server action in app/ is called with a corpus of
// malformed input — wrong types, missing and extra fields, 1 MB strings, NUL bytes and lone surrogates,
// forged and out-of-range ids, files where text belongs. Each call must end in a form error in words
// (not the generic "went wrong on our side", which means an exception escaped), or a redirect, and a
// call that fails must leave every table exactly as it was.
//
// The actions are found by file name (app/**/*actions.ts), and each action() call's zod schema names its
// fields, so a new action is covered the day it is written. Actions not built with action() list their
// fields in `handWritten` below; the test fails for one that is missing there.

const schemas = new Map<unknown, z.ZodType>();
vi.mock('./action', async (importOriginal) => {
  const real = await importOriginal<typeof import('./action')>();
  return {
    ...real,
    action: ((options, run) => {
      const wrapped = real.action(options, run);
      schemas.set(wrapped, options.input);
      return wrapped;
    }) as typeof real.action,
  };
});

let actor: CurrentUser | null = null;
vi.mock('./session', () => ({ currentUser: async () => actor }));
// next-auth's ESM build does not load under Vitest (it imports 'next/server' without an extension).
vi.mock('next-auth', () => {
  class AuthError extends Error {}
  class CredentialsSignin extends AuthError {
    code = 'credentials';
  }
  return { AuthError, CredentialsSignin };
});
vi.mock('./auth', async () => ({
  requestAddress: async () => '192.0.2.10',
  // Sign-in itself is Auth.js's: the plausible password signs in (a redirect), anything else is refused.
  signIn: vi.fn(async (_provider: string, options: { password?: unknown; redirectTo?: string }) => {
    if (options.password === 'a plausible passphrase') (await import('next/navigation')).redirect(options.redirectTo ?? '/');
    const { CredentialsSignin } = await import('next-auth');
    throw new CredentialsSignin();
  }),
  signOut: vi.fn(async () => {}),
  auth: vi.fn(async () => null),
}));
vi.mock('next/headers', () => ({
  // With JavaScript (a Next-Action header): the outcome comes back as the function's return value.
  headers: async () => new Headers({ 'x-forwarded-for': '192.0.2.10', 'next-action': 'corpus', referer: 'http://local/' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock('next/server', () => ({ after: () => {}, connection: async () => {} }));
vi.mock('next/cache', () => ({
  cacheLife: () => {},
  cacheTag: () => {},
  updateTag: vi.fn(),
  revalidateTag: vi.fn(),
  revalidatePath: vi.fn(),
  refresh: vi.fn(),
}));

const database = freshDatabasePerTest();

type Action = (state: FormState<unknown>, form: FormData) => Promise<FormState<unknown> | void>;
type Value = string | string[] | File;

/** Fields of the actions written without action(), by export name. */
const handWritten: Record<string, string[]> = {
  signInWithPassword: ['email', 'password', 'next'],
  signOutEverywhere: [],
  createAccount: ['name', 'email', 'password', 'next'],
  requestReset: ['email'],
  setNewPassword: ['token', 'password'],
};

const MEGABYTE = 'x'.repeat(1 << 20);
const INVALID_UTF8 = new File([new Uint8Array([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80])], 'bytes.txt', { type: 'text/plain' });

/** Each bad value replaces one field at a time, the others keeping a plausible value. */
const badValues: Record<string, Value> = {
  'a 1 MB string': MEGABYTE,
  'a NUL byte': 'before\u0000after',
  'a lone surrogate': 'half \ud800 a character',
  'an id past the integer range': '2147483648',
  'a huge number': '1e400',
  'a negative number': '-1',
  'not a number': 'NaN',
  'a hex number': '0x1F',
  'a repeated field (an array)': ['1', '2'],
  'a file with invalid UTF-8': INVALID_UTF8,
  'JSON where text belongs': '{"__proto__":{"admin":true},"constructor":{"prototype":{}}}',
};

/** A plausible value per field name, so one bad field at a time gets past the others. */
function plausible(ids: Ids, module: string): Record<string, Value> {
  const idFor: Record<string, number> = { users: ids.reader, sections: ids.section, articles: ids.article, media: ids.media, comments: ids.comment };
  const kind = Object.keys(idFor).find((name) => module.includes(`/${name}/`)) ?? 'articles';
  return {
    id: String(idFor[kind]),
    articleId: String(ids.article),
    commentId: String(ids.comment),
    userId: String(ids.reader),
    parentId: '',
    notificationId: String(ids.notification),
    sectionId: String(ids.section),
    heroMediaId: '',
    version: '1',
    revision: '1',
    intent: 'save',
    title: 'A plausible title',
    dek: 'A plausible dek',
    slug: '',
    tags: '["plausible"]',
    authorIds: `[${ids.author}]`,
    body: module.includes('/articles/') ? '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"Plausible."}]}]}' : 'A plausible comment.',
    name: 'Plausible Name',
    email: 'plausible@example.com',
    password: 'a plausible passphrase',
    current: 'a plausible passphrase',
    token: 'a'.repeat(43),
    role: 'author',
    days: '7',
    duration: '7',
    decision: 'approve',
    ids: String(ids.comment),
    featured: 'true',
    reason: 'spam',
    note: '',
    sort: 'newest',
    back: '/',
    next: '/',
    from: '/',
    direction: 'down',
    into: 'Plausible tag',
    description: '',
    alt: 'A plausible description of the picture',
    credit: '',
    image: new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'not-really.png', { type: 'image/png' }),
    page: '1',
    query: '',
    q: '',
    notifyByEmail: 'on',
    seoTitle: '',
    seoDescription: '',
    commentsMode: 'open',
    publishAt: '',
  };
}

interface Ids {
  reader: number;
  author: number;
  article: number;
  section: number;
  comment: number;
  media: number;
  notification: number;
}

/** The field names of a zod input schema (objects, also inside pipes, defaults and effects). */
function fieldsOf(schema: z.ZodType | undefined): string[] {
  let current = schema as unknown as { shape?: Record<string, unknown>; _zod?: { def?: { in?: unknown; innerType?: unknown; schema?: unknown } } } | undefined;
  for (let depth = 0; current && depth < 10; depth++) {
    if (current.shape) return Object.keys(current.shape);
    const def = current._zod?.def;
    current = (def?.in ?? def?.innerType ?? def?.schema) as typeof current;
  }
  return [];
}

function formOf(fields: Record<string, Value | undefined>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) form.append(name, item);
    else form.append(name, value);
  }
  return form;
}

const isNextControlFlow = (error: unknown) =>
  typeof (error as { digest?: unknown })?.digest === 'string' && /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK)/.test((error as { digest: string }).digest);

// Discovered now, at collection time: one test per action module.
const modules = import.meta.glob<Record<string, unknown>>(['/app/**/*actions.ts']);

describe('bad input to server actions', () => {
  let ids: Ids;
  let errors: ReturnType<typeof vi.spyOn>;

  beforeEach(async () => {
    const { db } = database();
    const world = await magazine(db);
    const reader = await world.person({ role: 'reader' });
    const [comment] = await db.insert(comments).values({ articleId: world.article.id, authorId: reader.id, body: 'A comment to act on.' }).returning();
    const [picture] = await db
      .insert(media)
      .values({ path: `${'a'.repeat(32)}.webp`, mime: 'image/webp', width: 10, height: 10, alt: 'A picture', uploadedBy: world.author.id })
      .returning();
    const [notification] = await db.insert(notifications).values({ userId: world.admin.id, kind: 'reply', commentId: comment!.id }).returning();
    await db.insert(revisions).values({ articleId: world.article.id, version: 1, title: 'first-story', bodyJson: { type: 'doc', content: [] } });
    ids = { reader: reader.id, author: world.author.id, article: world.article.id, section: 1, comment: comment!.id, media: picture!.id, notification: notification!.id };
    const [admin] = await db.select().from(users).where(eq(users.id, world.admin.id));
    actor = { id: admin!.id, name: admin!.name, email: admin!.email, slug: admin!.slug, role: admin!.role, trusted: admin!.trusted };
    errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    errors.mockRestore();
    actor = null;
  });

  for (const [file, load] of Object.entries(modules)) {
    it(`answers every malformed form in ${file.slice(1)} with words, and changes nothing when it refuses`, async () => {
      const exports = await load();
      const actions = Object.entries(exports).filter((entry): entry is [string, Action] => typeof entry[1] === 'function');
      expect(actions.length).toBeGreaterThan(0);
      const problems: string[] = [];
      const covered: string[] = [];
      const outcomes = { refused: 0, accepted: 0, redirected: 0 };

      for (const [name, run] of actions) {
        const fields = schemas.has(run) ? fieldsOf(schemas.get(run)) : handWritten[name];
        if (!fields) {
          problems.push(`${name}: not built with action(); list its fields in handWritten`);
          continue;
        }
        covered.push(name);
        const base = plausible(ids, file);
        const cases: Array<[string, Record<string, Value | undefined>]> = [
          ['an empty form', {}],
          ['extra fields', { ...Object.fromEntries(fields.map((f) => [f, base[f] ?? 'plausible'])), ['__proto__']: 'x', constructor: 'x', role: 'admin', ['y'.repeat(1000)]: 'z' }],
        ];
        for (const field of fields) {
          for (const [label, value] of Object.entries(badValues)) {
            cases.push([`${field} = ${label}`, { ...Object.fromEntries(fields.map((f) => [f, base[f] ?? 'plausible'])), [field]: value }]);
          }
        }

        for (const [label, values] of cases) {
          const before = await tableChecksums(database());
          errors.mockClear();
          let state: FormState<unknown> | void;
          try {
            state = await run({ status: 'idle' }, formOf(values));
          } catch (error) {
            if (!isNextControlFlow(error)) problems.push(`${name} with ${label}: threw ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
            else outcomes.redirected++;
            continue;
          }
          if (errors.mock.calls.length) problems.push(`${name} with ${label}: logged an error: ${String(errors.mock.calls[0]?.[1] ?? errors.mock.calls[0]?.[0]).split('\n')[0]}`);
          if (state?.status !== 'error') {
            outcomes.accepted++; // extra fields are ignored: a real change is allowed
            continue;
          }
          outcomes.refused++;
          if (!state.message || /went wrong on our side|Please check the form\.$/.test(state.message) || state.message.length > 300) {
            problems.push(`${name} with ${label}: answered “${state.message}”`);
          }
          const after = await tableChecksums(database());
          const changed = Object.keys(before).filter((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]));
          if (changed.length) problems.push(`${name} with ${label}: refused, yet changed ${changed.join(', ')}`);
        }
      }
      expect(problems).toEqual([]);
      expect(covered.length).toBe(actions.length);
      // The corpus reached the actions' validation and work, not just a sign-in redirect.
      expect(outcomes.refused).toBeGreaterThan(covered.length * 3);
    }, 300_000);
  }
});

describe('slugs from the URL', () => {
  it('a NUL byte in a slug is simply not found (PostgreSQL text cannot hold it)', async () => {
    const { getAuthorPage, getLatestArticles, getPublishedArticle, getSectionPage, getTagPage } = await import('./articles');
    await magazine(database().db);
    expect(await getPublishedArticle('first\u0000story')).toBeNull();
    expect(await getSectionPage('mu\u0000sic', 1)).toBeNull();
    expect(await getTagPage('li\u0000ve', 1)).toBeNull();
    expect(await getAuthorPage('\u0000', 1)).toBeNull();
    expect(await getLatestArticles(10, 'mu\u0000sic')).toEqual([]);
    // …while the same lookups without it still find what is there.
    expect(await getPublishedArticle('first-story')).toMatchObject({ slug: 'first-story' });
    expect(await getLatestArticles(10, 'music')).toHaveLength(2);
  });
});
