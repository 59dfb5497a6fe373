import { expect, test } from '@playwright/test';
import { expectAccessible, unique } from './fixtures';

test.describe('reader accounts', () => {
  test('a reader signs up, is signed in, edits their details and signs out', async ({ page }) => {
    const id = unique();
    await page.goto('/signup');
    await expectAccessible(page);
    await page.getByLabel('Name').fill(`Reader ${id}`);
    await page.getByLabel('Email').fill(`reader-${id}@example.com`);
    await page.getByLabel('Password').fill('a long and private phrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('banner').getByRole('link', { name: `Reader ${id}` })).toBeVisible();
    // Readers are not staff: no dashboard link, and the dashboard refuses them.
    await expect(page.getByRole('banner').getByRole('link', { name: 'Dashboard' })).toHaveCount(0);
    const refused = await page.goto('/dashboard');
    expect(refused?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You don’t have access to this page');

    await page.goto('/account');
    await expectAccessible(page);
    await page.getByLabel('Name').fill(`Renamed ${id}`);
    await page.getByRole('button', { name: 'Save details' }).click();
    await expect(page.getByRole('status')).toHaveText('Your details are saved.');
    await page.goto('/');
    await expect(page.getByRole('banner').getByRole('link', { name: `Renamed ${id}` })).toBeVisible();
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  });

  test('a common password is refused in words, and the name and email stay typed', async ({ page }) => {
    const id = unique();
    await page.goto('/signup');
    await page.getByLabel('Name').fill(`Careless ${id}`);
    await page.getByLabel('Email').fill(`careless-${id}@example.com`);
    await page.getByLabel('Password').fill('password123');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('one of the most common ones');
    await expect(page.getByLabel('Name')).toHaveValue(`Careless ${id}`);
    await expect(page.getByLabel('Email')).toHaveValue(`careless-${id}@example.com`);
  });

  test('signing up works without JavaScript, and a refusal comes back to the form in words', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const id = unique();
    await page.goto('/signup');
    await page.getByLabel('Name').fill(`NoJS ${id}`);
    await page.getByLabel('Email').fill(`nojs-${id}@example.com`);
    await page.getByLabel('Password').fill('password123');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('one of the most common ones');
    await expect(page.getByLabel('Email')).toHaveValue(`nojs-${id}@example.com`);

    await page.goto('/login');
    await page.getByLabel('Email').fill(`nojs-${id}@example.com`);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('don’t match an account');
    await expect(page.getByLabel('Email')).toHaveValue(`nojs-${id}@example.com`);

    await page.goto('/signup');
    await page.getByLabel('Name').fill(`NoJS ${id}`);
    await page.getByLabel('Email').fill(`nojs-${id}@example.com`);
    await page.getByLabel('Password').fill('a long and private phrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: `NoJS ${id}` })).toBeVisible();
    await context.close();
  });

  test('a reader deletes their account after confirming the password', async ({ page }) => {
    const id = unique();
    await page.goto('/signup');
    await page.getByLabel('Name').fill(`Leaving ${id}`);
    await page.getByLabel('Email').fill(`leaving-${id}@example.com`);
    await page.getByLabel('Password').fill('a long and private phrase');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto('/account');
    await page.getByLabel('Password to confirm').fill('a long and private phrase');
    await page.getByRole('button', { name: 'Delete my account' }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
    await page.goto('/login');
    await page.getByLabel('Email').fill(`leaving-${id}@example.com`);
    await page.getByLabel('Password').fill('a long and private phrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('That email and password don’t match an account.');
  });
});
