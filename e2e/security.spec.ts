import { randomInt } from 'node:crypto';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { lead, signInAs } from './fixtures';
import { postForm, renderedForm } from './forms';

// Security headers on every kind of response, the session cookie's flags, and the throttles on sign-in
// and sign-up. Each test speaks from its own random client addresses (the 198.18.0.0/15 benchmarking
// range): the app takes the first X-Forwarded-For value as the address, and the budgets must not leak
// between tests, nor between workers running this file's tests in parallel.
const address = () => `198.${18 + randomInt(2)}.${randomInt(256)}.${randomInt(256)}`;

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  const directives = new Map(csp.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name, values.join(' ')] as const;
  }));
  expect.soft(directives.get('frame-ancestors'), `${what}: frame-ancestors`).toBe("'none'");
  expect.soft(directives.get('object-src'), `${what}: object-src`).toBe("'none'");
  expect.soft(directives.get('base-uri'), `${what}: base-uri`).toBe("'self'");
  expect.soft(directives.get('form-action'), `${what}: form-action`).toBe("'self'");
  expect.soft(directives.get('default-src'), `${what}: default-src`).toBe("'self'");
  expect.soft(headers['x-content-type-options'], `${what}: nosniff`).toBe('nosniff');
  expect.soft(headers['referrer-policy'], `${what}: Referrer-Policy`).toBe('strict-origin-when-cross-origin');
}

async function expectHeadersOn(request: APIRequestContext, url: string, status: number, what: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  expect.soft(response.status(), `${what} (${url}) status`).toBe(status);
  expectSecurityHeaders(response, `${what} (${url})`);
  return response;
}

test.describe('security headers', () => {
  test('every kind of response carries the CSP, nosniff and Referrer-Policy', async ({ request }) => {
    const home = await expectHeadersOn(request, '/', 200, 'prerendered front page');
    const again = await expectHeadersOn(request, '/', 200, 'front page from the server’s page cache');
    expect(again.headers()['x-masthead-cache']).toBe('hit');
    await expectHeadersOn(request, `/articles/${lead.slug}`, 200, 'prerendered article');
    await expectHeadersOn(request, '/api/health', 200, 'API route');
    await expectHeadersOn(request, '/feed.xml', 200, 'feed route handler');
    await expectHeadersOn(request, '/sitemap.xml', 200, 'sitemap');
    await expectHeadersOn(request, '/articles/no-such-story-at-all', 404, 'missing story');
    await expectHeadersOn(request, '/no/such/page', 404, 'unknown path');
    await expectHeadersOn(request, '/dashboard', 307, 'dashboard redirect to sign in');
    // Uploaded media: a name of the right shape that is not there, and one that could never be.
    await expectHeadersOn(request, `/media/${'0'.repeat(32)}.webp`, 404, 'media route');
    await expectHeadersOn(request, '/media/..%2F..%2Fetc%2Fpasswd', 404, 'media route, hostile name');
    // Build output and public files are served by Next's static handler, not by a route.
    const asset = /\/_next\/static\/[^"']+\.(?:css|js)/.exec(await home.text())?.[0];
    expect(asset, 'a static asset linked from the front page').toBeTruthy();
    await expectHeadersOn(request, asset!, 200, 'static build asset');
    await expectHeadersOn(request, `/images/demo/${lead.hero.file}`, 200, 'public image');
    // The image optimizer sends its own sandbox policy (no scripts at all), with the site's rules added.
    const optimized = await expectHeadersOn(request, `/_next/image?url=${encodeURIComponent(`/images/demo/${lead.hero.file}`)}&w=640&q=75`, 200, 'optimized image');
    expect(optimized.headers()['content-security-policy']).toMatch(/script-src 'none'.*sandbox/);
  });

  test('signed-in pages and the dashboard carry them too', async ({ page }) => {
    await signInAs(page, 'editor');
    const request = page.request; // shares the signed-in context's cookies
    const front = await expectHeadersOn(request, '/', 200, 'signed-in front page');
    expect(await front.text()).toContain('Sign out'); // really the per-visitor variant
    await expectHeadersOn(request, `/articles/${lead.slug}`, 200, 'signed-in article');
    await expectHeadersOn(request, '/dashboard', 200, 'dashboard');
    await expectHeadersOn(request, '/dashboard/articles', 200, 'dashboard story list');
    await expectHeadersOn(request, '/dashboard/no-such-page', 404, 'dashboard 404');
  });
});

/** Signs in through Auth.js's own endpoint (the same `authorize` the form uses); the raw response. */
async function credentialsSignIn(request: APIRequestContext, email: string, password: string, headers: Record<string, string>) {
  const csrf = (await (await request.get('/api/auth/csrf', { headers })).json()) as { csrfToken: string };
  return request.post('/api/auth/callback/credentials', {
    form: { csrfToken: csrf.csrfToken, email, password, callbackUrl: '/' },
    headers,
    maxRedirects: 0,
  });
}

test('the internal expiry route answers only the server itself', async ({ request }) => {
  // Its token lives only in the server's memory: a guess, or none, is "not found" and expires nothing.
  for (const authorization of [undefined, 'Bearer guess', `Bearer ${'A'.repeat(43)}`]) {
    const response = await request.post('/api/internal/expire', { data: { tags: ['list:home'] }, headers: authorization ? { authorization } : {} });
    expect(response.status(), authorization ?? 'no token').toBe(404);
  }
  await request.get('/');
  expect((await request.get('/')).headers()['x-masthead-cache']).toBe('hit');
});

test.describe('session cookie', () => {
  test('is HttpOnly and SameSite=Lax, and Secure with the __Secure- name behind HTTPS', async ({ playwright, baseURL }) => {
    const plain = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': address() } });
    const overHttp = await credentialsSignIn(plain, 'author@masthead.example', 'e2e-demo-password', {});
    const httpCookie = overHttp.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('authjs.session-token='));
    expect(httpCookie?.value).toMatch(/;\s*HttpOnly/i);
    expect(httpCookie?.value).toMatch(/;\s*SameSite=Lax/i);
    expect(httpCookie?.value).not.toMatch(/;\s*Secure/i);

    // Behind a TLS-terminating proxy (X-Forwarded-Proto: https) Auth.js switches to secure cookies.
    const tls = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': address(), 'x-forwarded-proto': 'https' } });
    const overHttps = await credentialsSignIn(tls, 'author@masthead.example', 'e2e-demo-password', {});
    const secureCookie = overHttps.headersArray().find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('__Secure-authjs.session-token='));
    expect(secureCookie?.value).toMatch(/;\s*HttpOnly/i);
    expect(secureCookie?.value).toMatch(/;\s*Secure/i);
    expect(secureCookie?.value).toMatch(/;\s*SameSite=Lax/i);
    await Promise.all([plain.dispose(), tls.dispose()]);
  });
});

test.describe('throttling', () => {
  test('guessing one account’s password is stopped, and the owner’s open session keeps working', async ({ browser, playwright, baseURL }) => {
    // The owner: a new reader, signed up and signed in from home.
    const home = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address() } });
    const owner = await home.newPage();
    const email = `owner-${Date.now()}@example.com`;
    await owner.goto('/signup');
    await owner.waitForLoadState('networkidle');
    await owner.getByLabel('Name').fill('Olive Owner');
    await owner.getByLabel('Email').fill(email);
    await owner.getByLabel('Password').fill('the owner knows this one');
    await owner.getByRole('button', { name: 'Create account' }).click();
    await owner.waitForURL((url) => !url.pathname.startsWith('/signup'));

    // A guesser elsewhere spends the account's budget (5 failures), each from a different address.
    for (let attempt = 0; attempt < 5; attempt++) {
      const guesser = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': address() } });
      await credentialsSignIn(guesser, email, `guess number ${attempt}`, {});
      await guesser.dispose();
    }
    // Now even the right password, from yet another address, is refused in words on the form.
    const away = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': address() } });
    const page = await away.newPage();
    await page.goto('/login');
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('the owner knows this one');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Too many attempts');
    await expect(page).toHaveURL(/\/login/);

    // The owner, already signed in, is not locked out of anything.
    await owner.goto('/account');
    await expect(owner).toHaveURL(/\/account$/);
    await expect(owner.getByLabel('Name')).toHaveValue('Olive Owner');
    await owner.goto(`/articles/${lead.slug}`);
    await expect(owner.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
    await Promise.all([home.close(), away.close()]);
  });

  test('one address spraying many accounts is stopped; other addresses are not', async ({ browser, playwright, baseURL }) => {
    const sprayer = address();
    const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': sprayer } });
    // 30 failures per address in 15 minutes, each on a different account (no account budget runs out).
    for (let attempt = 0; attempt < 30; attempt++) {
      const response = await credentialsSignIn(api, `sprayed-${attempt}-${Date.now()}@example.com`, 'password123', {});
      expect(response.status()).toBeLessThan(500);
    }
    await api.dispose();

    const signInFrom = async (ip: string, email: string, password: string) => {
      const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': ip } });
      const page = await context.newPage();
      await page.goto('/login');
      await page.waitForLoadState('networkidle');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      return { context, page };
    };
    // From the spraying address even a real account with its real password is refused…
    const blocked = await signInFrom(sprayer, 'contributor@masthead.example', 'e2e-demo-password');
    await expect(blocked.page.getByRole('main').getByRole('alert')).toContainText('Too many attempts');
    // …while from anywhere else the same sign-in works.
    const elsewhere = await signInFrom(address(), 'contributor@masthead.example', 'e2e-demo-password');
    await elsewhere.page.waitForURL(/\/dashboard$/);
    await Promise.all([blocked.context.close(), elsewhere.context.close()]);
  });

  test('at most 20 sign-ups per address an hour, said in words', async ({ browser, playwright, baseURL }) => {
    const crowded = address();
    const stamp = Date.now();
    const signUpFrom = async (ip: string, n: number) => {
      // A fresh cookie jar each time: every new account signs in, and a signed-in visitor is sent away from /signup.
      const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { 'x-forwarded-for': ip } });
      try {
        const form = await renderedForm(api, '/signup', ['name', 'email', 'password']);
        const response = await postForm(api, '/signup', form, { ...form.fields, name: `Crowd ${n}`, email: `crowd-${stamp}-${n}@example.com`, password: 'a perfectly good password' }, { origin: baseURL! });
        return { status: response.status(), text: await response.text() };
      } finally {
        await api.dispose();
      }
    };
    for (let n = 0; n < 20; n++) {
      const outcome = await signUpFrom(crowded, n);
      expect(outcome.status, `sign-up ${n + 1} of 20 from one address`).toBe(303); // created, signed in, sent on
    }
    // The 21st, through the real form: refused in words, with what was typed kept.
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': crowded } });
    const page = await context.newPage();
    await page.goto('/signup');
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Name').fill('Crowd 20');
    await page.getByLabel('Email').fill(`crowd-${stamp}-20@example.com`);
    await page.getByLabel('Password').fill('a perfectly good password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(/Too many accounts were created from your network/);
    await expect(page.getByLabel('Email')).toHaveValue(`crowd-${stamp}-20@example.com`);
    await context.close();
    // Another address still signs up.
    expect((await signUpFrom(address(), 21)).status).toBe(303);
  });
});
