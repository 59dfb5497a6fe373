import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { lead, signInAs } from './fixtures';
import { formsIn, type RenderedForm } from './forms';

// Bad input against the running server never yields a 5xx: every route handler and the public routes
// with hostile paths, queries, methods and bodies; and every server-action form the site renders, posted
// the way a browser without JavaScript posts it, with its fields replaced by malformed values, its action
// id forged, its content type wrong, or replayed. The forms are read from the pages at run time, so a new
// form on one of these pages is covered without touching this file; a new page goes in `formPages`.
// (That refusals change nothing in the database is proven by lib/bad-input.test.ts, on both engines.)

const MEGABYTE = 'x'.repeat(1 << 20);
const INVALID_UTF8 = Buffer.from([0x66, 0x6f, 0x6f, 0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]);

async function expectNo5xx(response: Promise<APIResponse> | APIResponse, what: string) {
  const answer = await response;
  expect.soft(answer.status(), `${what} answered ${answer.status()}`).toBeLessThan(500);
  return answer;
}

const id = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

test.describe('route handlers and public routes', () => {
  test('hostile paths, queries and methods get a 4xx, never a 5xx', async ({ request }) => {
    const paths = [
      '/api/health?x=%FF',
      '/feed.xml?page=-1',
      `/sections/${'s'.repeat(3000)}/feed.xml`,
      '/sections/..%2F..%2Fetc/feed.xml',
      '/sitemap.xml?page=%00',
      '/robots.txt?%FF',
      '/media/%00.webp',
      `/media/${'a'.repeat(5000)}.webp`,
      '/media/..%2F..%2F..%2Fetc%2Fpasswd',
      '/media/%2e%2e/%2e%2e/package.json',
      `/articles/${'x'.repeat(2000)}`,
      '/articles/%00',
      '/articles/a%00b',
      '/sections/%00',
      '/tags/%00',
      '/authors/%00',
      '/sections/%00/feed.xml',
      '/sections/music?page=abc',
      '/sections/music?page=99999999999999999999',
      '/?page=0',
      '/?page=-5',
      '/?page=1e400',
      '/search?q=%FF%FE',
      '/search?q=%00',
      `/search?q=${'word%20'.repeat(1500)}`,
      '/search?q[]=a&q[]=b',
      '/api/auth/session?%FF',
      '/api/auth/providers',
      '/api/auth/signin/nonexistent',
      '/api/auth/callback/nonexistent',
      '/api/auth/error?error=%3Cscript%3E',
      `/api/auth/error?error=${'x'.repeat(4000)}`,
      '/login?next=%FF',
      `/login?next=${encodeURIComponent('https://evil.example/')}`,
      `/reset-password/${'t'.repeat(3000)}`,
    ];
    for (const path of paths) await expectNo5xx(request.get(path, { maxRedirects: 0 }), `GET ${path}`);

    const handlers = ['/api/health', '/feed.xml', '/sections/music/feed.xml', '/sitemap.xml', '/robots.txt', `/media/${'0'.repeat(32)}.webp`, '/api/auth/session', '/api/auth/csrf', '/api/internal/expire'];
    for (const path of handlers) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH'] as const) {
        await expectNo5xx(request.fetch(path, { method, data: MEGABYTE, headers: { 'content-type': 'application/octet-stream' }, maxRedirects: 0 }), `${method} ${path}`);
      }
    }
  });

  test('malformed percent-encoding in a path is a 400, not a 500', async ({ request }) => {
    // Next 16.4.6 meets a path it cannot decode with a 500 (it looks for a /400 page an App Router build
    // lacks); scripts/server.mjs refuses such paths with a 400 before handing them to Next.
    for (const path of ['/%FF', '/articles/%FF%FE', '/articles/%C0%AF', '/sections/%FF%FE/feed.xml', '/media/%FF.webp', '/tags/%FF', '/authors/%ED%A0%80', '/api/auth/%FF', '/reset-password/%FF', '/search?q=ok&x=%FF']) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect.soft(response.status(), `GET ${path}`).toBe(path.startsWith('/search') ? 200 : 400);
    }
  });

  test('the Auth.js endpoints take malformed bodies in their stride', async ({ request }) => {
    const callback = '/api/auth/callback/credentials';
    const headers = { 'x-forwarded-for': `192.0.2.${Math.floor(Math.random() * 250) + 1}` };
    const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const bodies: Array<[string, Parameters<APIRequestContext['post']>[1]]> = [
      ['no body', {}],
      ['JSON', { data: { email: 'a@example.com', password: 'x', csrfToken } }],
      ['text/plain', { data: 'email=a&password=b', headers: { 'content-type': 'text/plain' } }],
      ['invalid UTF-8', { data: Buffer.concat([Buffer.from(`csrfToken=${csrfToken}&email=`), INVALID_UTF8, Buffer.from('&password=x')]), headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      ['a 1 MB email', { form: { csrfToken, email: MEGABYTE, password: 'x' } }],
      ['a 1 MB password', { form: { csrfToken, email: 'someone@example.com', password: MEGABYTE } }],
      ['arrays', { data: `csrfToken=${csrfToken}&email=a&email=b&password[]=c`, headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      ['a forged CSRF token', { form: { csrfToken: 'forged', email: 'a@example.com', password: 'x' } }],
      ['a NUL byte', { form: { csrfToken, email: 'a\u0000@example.com', password: 'x\u0000y' } }],
      ['multipart', { multipart: { csrfToken, email: 'a@example.com', password: 'x' } }],
    ];
    for (const [label, options] of bodies) {
      await expectNo5xx(request.post(callback, { ...options, headers: { ...headers, ...options?.headers }, maxRedirects: 0 }), `credentials callback with ${label}`);
      await expectNo5xx(request.post('/api/auth/signout', { ...options, headers: { ...headers, ...options?.headers }, maxRedirects: 0 }), `sign-out with ${label}`);
    }
  });
});

/** Pages whose server-action forms are posted with bad input, and who looks at them; `optional`: its forms depend on the data. */
const formPages: Array<{ path: string; as: 'anonymous' | 'admin'; optional?: true }> = [
  { path: '/login', as: 'anonymous' },
  { path: '/signup', as: 'anonymous' },
  { path: '/forgot-password', as: 'anonymous' },
  { path: `/articles/${lead.slug}`, as: 'anonymous', optional: true },
  { path: `/articles/${lead.slug}`, as: 'admin', optional: true },
  { path: '/account', as: 'admin' },
  { path: '/account/notifications', as: 'admin', optional: true },
  { path: '/dashboard/articles/new', as: 'admin', optional: true }, // the editor saves through JavaScript
  { path: '/dashboard/sections', as: 'admin' },
  { path: '/dashboard/users', as: 'admin' },
  { path: '/dashboard/media', as: 'admin' },
  { path: '/dashboard/comments', as: 'admin', optional: true }, // forms only beside held comments
  { path: '/dashboard/settings', as: 'admin' },
];

/** The fields a person (or a script) could change: everything but Next's own action fields. */
const ownFields = (form: RenderedForm) => Object.keys(form.fields).filter((name) => !name.startsWith('$ACTION'));

/** Variants of a form's submission, each of which must be refused (or ignored) without a 5xx. */
function corpus(form: RenderedForm): Array<[string, Record<string, string | { name: string; mimeType: string; buffer: Buffer }>]> {
  const fields = ownFields(form);
  // Every field gets the bad value at once, ids included, so no variant is ever a valid submission.
  const every = (value: string) => Object.fromEntries(fields.map((name) => [name, value]));
  const actionOnly = Object.fromEntries(Object.entries(form.hidden).filter(([name]) => name.startsWith('$ACTION')));
  const forgedAction = { ...form.hidden };
  for (const name of Object.keys(forgedAction)) {
    if (/^\$ACTION_\d+:0$/.test(name)) forgedAction[name] = JSON.stringify({ id: '00'.repeat(21), bound: null });
  }
  return [
    ['1 MB in every field', { ...form.hidden, ...every(MEGABYTE) }],
    ['ids past the integer range', { ...form.hidden, ...every('2147483648') }],
    ['negative numbers', { ...form.hidden, ...every('-1') }],
    ['NUL bytes', { ...form.hidden, ...every('a\u0000b') }],
    ['invalid UTF-8 files', { ...form.hidden, ...Object.fromEntries(fields.map((name) => [name, { name: 'bad.txt', mimeType: 'text/plain', buffer: INVALID_UTF8 }])) }],
    ['JSON in every field', { ...form.hidden, ...every('{"__proto__":{"role":"admin"}}') }],
    ['missing fields', actionOnly],
    ['extra fields', { ...form.hidden, ...every(''), role: 'admin', ['__proto__']: 'x', constructor: 'x', ['k'.repeat(2000)]: 'v' }],
    ['a forged action', { ...forgedAction, ...every('') }],
    ['a damaged action key', { ...form.hidden, $ACTION_KEY: '\u0000'.repeat(10), ...every('') }],
  ];
}

test.describe('server actions posted without JavaScript', () => {
  test('every form answers malformed posts without a 5xx', async ({ browser, baseURL }) => {
    test.setTimeout(420_000); // megabytes into every field of every form, on a busy machine
    const covered: string[] = [];
    const contexts = { anonymous: await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.200' } }), admin: await browser.newContext() };
    await signInAs(await contexts.admin.newPage(), 'admin');
    for (const { path, as } of formPages) {
      const request = contexts[as].request;
      const page = await expectNo5xx(request.get(path), `GET ${path}`);
      // A bare button (sign out) has nothing to corrupt; a list's per-row forms are one action: post one of each.
      const seen = new Set<string>();
      const forms = formsIn(await page.text()).filter((form) => {
        const kind = `${form.actionId ?? '?'} ${ownFields(form).join(',')}`;
        if (!ownFields(form).length || seen.has(kind)) return false;
        seen.add(kind);
        return true;
      });
      for (const [index, form] of forms.entries()) {
        covered.push(`${as} ${path} #${index + 1} (${ownFields(form).join(', ')})`);
        for (const [label, multipart] of corpus(form)) {
          await expectNo5xx(request.post(path, { multipart, headers: { origin: baseURL! }, maxRedirects: 0 }), `${as} ${path} form ${index + 1} with ${label}`);
        }
      }
    }
    // The actions' own entry points, with wrong content types and forged ids in Next's headers.
    const request = contexts.admin.request;
    const forms = formsIn(await (await request.get('/dashboard/sections')).text());
    const actionId = forms.find((form) => form.actionId)?.actionId;
    expect(actionId, 'a server action id on /dashboard/sections').toBeTruthy();
    const posts: Array<[string, Parameters<APIRequestContext['post']>[1]]> = [
      ['JSON to a real action', { data: { name: MEGABYTE }, headers: { 'next-action': actionId!, 'content-type': 'application/json' } }],
      ['text to a real action', { data: 'garbage', headers: { 'next-action': actionId!, 'content-type': 'text/plain;charset=UTF-8' } }],
      ['invalid UTF-8 to a real action', { data: INVALID_UTF8, headers: { 'next-action': actionId!, 'content-type': 'text/plain;charset=UTF-8' } }],
      ['an unknown action id', { data: '[]', headers: { 'next-action': '00'.repeat(21), 'content-type': 'text/plain;charset=UTF-8' } }],
      ['a malformed action id', { data: '[]', headers: { 'next-action': '../../etc/passwd', 'content-type': 'text/plain;charset=UTF-8' } }],
      ['a huge action id', { data: '[]', headers: { 'next-action': 'a'.repeat(8000), 'content-type': 'text/plain;charset=UTF-8' } }],
      ['a urlencoded form', { form: { name: 'x' }, headers: { 'next-action': actionId! } }],
    ];
    for (const [label, options] of posts) await expectNo5xx(request.post('/dashboard/sections', { ...options, headers: { origin: baseURL!, ...options?.headers }, maxRedirects: 0 }), label);

    console.log(`bad-input: ${covered.length} forms covered:\n${covered.join('\n')}`);
    // Every page offered at least one form, so the pass really posted to the actions behind them.
    for (const { path, as } of formPages.filter((entry) => !entry.optional)) {
      expect.soft(covered.some((line) => line.startsWith(`${as} ${path} `)), `a form on ${path}`).toBe(true);
    }
    test.info().annotations.push({ type: 'forms covered', description: covered.join('\n') });
    await Promise.all([contexts.anonymous.close(), contexts.admin.close()]);
  });

  test('a replayed form is answered in words, once it has done its work', async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.201' } });
    const html = await (await api.get('/signup')).text();
    const form = formsIn(html).find((candidate) => 'email' in candidate.fields)!;
    const values = { ...form.hidden, name: 'Replayed Reader', email: `${id('replay')}@example.com`, password: 'a perfectly good password', next: '/' };
    const first = await api.post('/signup', { multipart: values, headers: { origin: baseURL! }, maxRedirects: 0 });
    expect(first.status()).toBe(303); // created and signed in
    // The same bytes again, from a fresh browser: the account exists, so it is refused in words.
    const again = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.202' } });
    const replay = await again.post('/signup', { multipart: values, headers: { origin: baseURL!, referer: `${baseURL}/signup` }, maxRedirects: 0 });
    // Without JavaScript a refusal goes back to the form (303), which then shows it once (lib/flash.ts).
    expect(replay.status()).toBe(303);
    expect(replay.headers()['location']).toMatch(/\/signup.*#sign-up$/);
    expect(await (await again.get(replay.headers()['location']!)).text()).toContain('already');
    await Promise.all([api.dispose(), again.dispose()]);
  });
});
