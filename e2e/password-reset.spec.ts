import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './fixtures';
import { mailTo, waitForMail } from './outbox';

const id = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const octet = () => Math.floor(Math.random() * 254) + 1;

const SAME_ANSWER = 'If an account uses that email address, we have sent it a link to set a new password.';

/** A browser of its own, from an address of its own: reset requests are limited per address. */
async function visitor(browser: Browser, javaScriptEnabled = true) {
  return browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { 'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}` } });
}

async function signUp(page: Page, email: string, password: string) {
  await page.goto('/signup');
  await page.getByLabel('Name').fill(`Forgetful ${email.split('@')[0]}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signup'));
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login?next=/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

// By role, not by label: after a client-side navigation the previous page (the sign-in form, with its
// own "Email") may still be in the document, hidden.
const emailField = (page: Page) => page.getByRole('textbox', { name: 'Email' });

async function askForLink(page: Page, email: string) {
  await emailField(page).fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText(SAME_ANSWER);
}

function linkIn(text: string): string {
  const link = text.match(/https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, `a reset link in:\n${text}`).toBeTruthy();
  return new URL(link!).pathname;
}

test.describe('password reset', () => {
  test('a reader resets a forgotten password with the mailed link, which works once and ends their sessions', async ({ browser }) => {
    test.slow(); // two devices, a mailed link, four sign-ins
    const email = `forgetful-${id()}@example.com`;
    const old = `the-old-one-${id()}`;
    const fresh = `the-new-one-${id()}`;

    // Signed in on one device…
    const laptop = await visitor(browser);
    const laptopPage = await laptop.newPage();
    await signUp(laptopPage, email, old);
    await expect(laptopPage.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();

    // …and forgotten on another.
    const phone = await visitor(browser);
    const page = await phone.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expectAccessible(page);
    await askForLink(page, email);
    const [mail] = await waitForMail(email);
    expect(mail!.subject).toMatch(/new password/i);
    const link = linkIn(mail!.text);

    const response = await page.goto(link);
    // The page with the token is rendered per request and never stored by a cache on the way.
    expect(response?.headers()['cache-control']).toMatch(/no-store/);
    await expectAccessible(page);

    // The password rules hold here too; a refusal leaves the link usable.
    await page.getByLabel('New password').fill('password123');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('one of the most common ones');
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('at least 8 characters');
    await page.getByLabel('New password').fill(fresh);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page).toHaveURL(/\/login\?reset=1/);
    await expect(page.getByRole('main').getByRole('status')).toContainText('Your new password is set');

    // The old password no longer opens the account; the new one does.
    await signIn(page, email, old);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('don’t match');
    await signIn(page, email, fresh);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();

    // The link is spent.
    await page.goto(link);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('already been used');
    await expect(page.getByLabel('New password')).toHaveCount(0);

    // The session on the first device ended with the reset.
    await laptopPage.goto('/');
    await expect(laptopPage.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
    await laptop.close();
    await phone.close();
  });

  test('an unknown address gets the same answer and no mail; the whole journey works without JavaScript', async ({ browser }) => {
    const context = await visitor(browser, false);
    const page = await context.newPage();
    const nobody = `nobody-${id()}@example.com`;
    await page.goto('/forgot-password');
    await askForLink(page, nobody);

    const email = `nojs-${id()}@example.com`;
    const signUpContext = await visitor(browser);
    await signUp(await signUpContext.newPage(), email, `the-old-one-${id()}`);
    await signUpContext.close();

    await page.goto('/forgot-password');
    await askForLink(page, email);
    const [mail] = await waitForMail(email);
    // By now the unknown address would have had its mail too: it got none.
    expect(mailTo(nobody)).toEqual([]);

    await page.goto(linkIn(mail!.text));
    // A refusal comes back to the form without JavaScript too.
    await page.getByLabel('New password').fill('iloveyou1');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('one of the most common ones');
    const fresh = `the-new-one-${id()}`;
    await page.getByLabel('New password').fill(fresh);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText('Your new password is set');
    await signIn(page, email, fresh);
    await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
    await context.close();
  });

  test('a bad address is refused in words, keeping what was typed; a forged link says it is not valid', async ({ browser }) => {
    const context = await visitor(browser);
    const page = await context.newPage();
    await page.goto('/forgot-password');
    // Past the browser's own check of the field, as a script or an old browser would be.
    await page.locator('form', { has: page.getByRole('button', { name: 'Send reset link' }) }).evaluate((form: HTMLFormElement) => {
      form.noValidate = true;
    });
    await emailField(page).fill('not-an-address');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('not a valid email address');
    await expect(emailField(page)).toHaveValue('not-an-address');

    await page.goto(`/reset-password/${'A'.repeat(43)}`);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('not valid');
    await expect(page.getByLabel('New password')).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Ask for a new link' }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await context.close();
  });
});
