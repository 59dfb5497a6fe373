import { expect, test } from '@playwright/test';
import { expectAccessible, signInAs } from './fixtures';

test.describe('signing in and out', () => {
  test('a wrong password gets one generic message and keeps the email typed', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Email').fill('editor@masthead.example');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('That email and password don’t match an account.');
    await expect(page.getByLabel('Email')).toHaveValue('editor@masthead.example');
    // An unknown email reads exactly the same: no hint whether an account exists.
    await page.getByLabel('Email').fill('nobody@masthead.example');
    await page.getByLabel('Password').fill('whatever-it-is');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('That email and password don’t match an account.');
    await expectAccessible(page);
  });

  test('staff sign in to the dashboard, see their account on public pages, and sign out', async ({ page, context }) => {
    await signInAs(page, 'editor');
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Maya Okafor');
    const cookie = (await context.cookies()).find((c) => c.name === 'authjs.session-token');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await expectAccessible(page);

    await page.goto('/articles/kendall-schmidt-heffron-drive');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Maya Okafor' })).toBeVisible();
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/login\?next=%2Fdashboard/);
  });

  test('anonymous readers get the prerendered page, signed-in ones their own variant', async ({ page, request }) => {
    const first = await request.get('/articles/kendall-schmidt-heffron-drive');
    const again = await request.get('/articles/kendall-schmidt-heffron-drive');
    expect(first.status()).toBe(200);
    expect(again.headers()['x-nextjs-cache']).toBe('HIT');
    expect(again.headers()['x-masthead-cache']).toBe('hit'); // answered by the server's page cache
    expect(await again.text()).toContain('>Sign in<');
    await signInAs(page, 'author', '/');
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Dashboard' })).toBeVisible();
  });

  test('the dashboard is closed to anonymous visitors, at the edge and on the server', async ({ request }) => {
    const response = await request.get('/dashboard/articles', { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toContain('/login?next=%2Fdashboard%2Farticles');
    // A forged or foreign token is refused at the edge too.
    const forged = await request.get('/dashboard', { headers: { cookie: 'authjs.session-token=forged' }, maxRedirects: 0 });
    expect(forged.status()).toBe(307);
    expect(forged.headers().location).toContain('/login');
  });

  test('guessing one account’s password is stopped with “Too many attempts”', async ({ page }) => {
    await page.goto('/login');
    await page.waitForLoadState('networkidle'); // a click before hydration can be lost
    for (let attempt = 0; attempt < 6; attempt++) {
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
      await page.getByLabel('Email').fill('ghost-writer@masthead.example');
      await page.getByLabel('Password').fill(`wrong-${attempt}`);
      const answered = page.waitForResponse((response) => response.request().method() === 'POST');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await answered;
      await expect(page.getByRole('main').getByRole('alert')).toBeVisible();
    }
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Too many attempts');
  });
});
