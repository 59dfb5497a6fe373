import path from 'node:path';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signInAs, unique } from './fixtures';

// The run's database is shared by every spec: each test makes its own people, sections and tags,
// named uniquely, and changes no demo account.

type Staff = 'admin' | 'editor';

// Sign-ins are throttled per address and every spec signs in from 127.0.0.1: each worker signs in
// once per role and its tests reuse that session.
const test = base.extend<{ staff: Staff }, { staffSession: (role: Staff) => Promise<string> }>({
  staff: ['admin', { option: true }],
  staffSession: [
    async ({ browser }, provide, workerInfo) => {
      const sessions = new Map<Staff, Promise<string>>();
      await provide((role) => {
        if (!sessions.has(role)) {
          sessions.set(
            role,
            (async () => {
              const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
              await signInAs(await context.newPage(), role);
              const file = path.join(workerInfo.project.outputDir, `.people-${role}-${workerInfo.workerIndex}.json`);
              await context.storageState({ path: file });
              await context.close();
              return file;
            })(),
          );
        }
        return sessions.get(role)!;
      });
    },
    { scope: 'worker' },
  ],
  storageState: async ({ staff, staffSession }, provide) => provide(await staffSession(staff)),
});


/** Creates an account from the People page; returns the generated password when none is typed. */
async function createAccount(page: Page, person: { name: string; email: string; role: string; password?: string }) {
  await page.goto('/dashboard/users');
  const form = page.getByRole('form', { name: 'New staff account' });
  await form.getByLabel('Name').fill(person.name);
  await form.getByLabel('Email').fill(person.email);
  await form.getByLabel('Role').selectOption(person.role);
  if (person.password) await form.getByLabel('Password').fill(person.password);
  await form.getByRole('button', { name: 'Create account' }).click();
  const outcome = form.getByRole('status');
  await expect(outcome).toContainText(`Account created for ${person.name} (${person.email}) as ${person.role}.`);
  return person.password ?? (await outcome.locator('code').textContent())!;
}

/** Signs someone in through the real form in a browser of their own. */
async function signInElsewhere(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login?next=/dashboard');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/dashboard');
  return { context, page };
}

async function openPerson(page: Page, name: string) {
  await page.goto(`/dashboard/users?q=${encodeURIComponent(name)}`);
  await page.getByRole('table').getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

test.describe('people', () => {
  test('an admin creates a staff account that can sign in, then changes its role', async ({ page, browser }) => {
    test.slow(); // several sign-ins, two browsers, axe
    const id = unique();
    const person = { name: `Pat Writer ${id}`, email: `pat-${id}@example.com`, role: 'author', password: `pat-password-${id}` };
    await page.goto('/dashboard/users');
    await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
    await expectAccessible(page);
    await createAccount(page, person);

    const theirs = await signInElsewhere(browser, person.email, person.password);
    await expect(theirs.page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${person.name}`);

    await openPerson(page, person.name);
    await expectAccessible(page);
    await page.getByRole('combobox', { name: 'Role' }).selectOption('editor');
    await page.getByRole('button', { name: 'Change role' }).click();
    await expect(page.getByRole('status')).toHaveText(`${person.name} is now editor. They were signed out and sign in again.`);
    await expect(page.getByRole('main').getByText(/^editor · /)).toBeVisible();

    // The new role took their old session with it.
    await theirs.page.reload();
    await expect(theirs.page).toHaveURL(/\/login\?next=%2Fdashboard/);
    await theirs.context.close();
  });

  test('suspending someone ends the session they already have', async ({ page, browser }) => {
    test.slow(); // several sign-ins, two browsers, axe
    const id = unique();
    const person = { name: `Sam Suspended ${id}`, email: `sam-${id}@example.com`, role: 'contributor' };
    const password = await createAccount(page, person);
    expect(password).toMatch(/^[a-z2-9]{4}(?:-[a-z2-9]{4}){3}$/);

    const theirs = await signInElsewhere(browser, person.email, password);
    await expect(theirs.page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${person.name}`);

    await openPerson(page, person.name);
    await page.getByRole('combobox', { name: 'Duration' }).selectOption('7');
    await page.getByRole('button', { name: 'Suspend' }).click();
    await expect(page.getByRole('status')).toContainText(`${person.name} is suspended until`);
    await expect(page.getByRole('main').getByText(/^contributor · suspended until/)).toBeVisible();

    await theirs.page.reload();
    await expect(theirs.page).toHaveURL(/\/login\?next=%2Fdashboard/);
    await theirs.context.close();

    await page.getByRole('button', { name: 'Lift suspension' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'can sign in again' })).toHaveText(`${person.name} can sign in again.`);
    await expect(page.getByRole('main').getByText(/^contributor · active/)).toBeVisible();
  });

  test('an admin cannot suspend or demote themselves', async ({ page }) => {
    await page.goto('/dashboard/users?q=admin%40masthead.example');
    await page.getByRole('table').getByRole('link').first().click();
    await expect(page.getByText('This is your own account.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Change role' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Suspend' })).toHaveCount(0);
  });

  test('the audit log shows who created an account, filtered by action', async ({ page }) => {
    const id = unique();
    const person = { name: `Avery Audited ${id}`, email: `avery-${id}@example.com`, role: 'contributor', password: `avery-password-${id}` };
    await createAccount(page, person);

    await page.goto('/dashboard/audit');
    await page.getByLabel('Action').selectOption('user.create');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/action=user\.create/);
    const row = page.getByRole('row').filter({ hasText: person.name });
    await expect(row).toContainText('Created an account');
    await expect(row).toContainText('Alex Marlow');
    await expect(row.getByRole('link', { name: person.name })).toHaveAttribute('href', /^\/dashboard\/users\/\d+$/);
    await expectAccessible(page);
  });
});

test.describe('sections and tags', () => {
  test.use({ staff: 'editor' });

  test('an editor is refused People and the audit log, but creates a section that the site shows at once', async ({ page }) => {
    test.slow(); // several sign-ins, two browsers, axe
    const name = `Dispatches ${unique()}`;
    await page.goto('/dashboard/sections');
    await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'People' })).toHaveCount(0);
    expect((await page.goto('/dashboard/users'))?.status()).toBe(403);
    expect((await page.goto('/dashboard/audit'))?.status()).toBe(403);

    await page.goto('/dashboard/sections');
    await expectAccessible(page);
    const form = page.getByRole('form', { name: 'New section' });
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Description').fill('Letters from far away.');
    await form.getByRole('button', { name: 'Create section' }).click();
    await expect(form.getByRole('status')).toContainText(`Section “${name}” created`);

    await page.goto('/');
    const link = page.getByRole('navigation', { name: 'Sections' }).first().getByRole('link', { name });
    await expect(link).toBeVisible();
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByText('Letters from far away.')).toBeVisible();

    // A section with stories stays; an empty one goes, and leaves the navigation with it.
    await page.goto('/dashboard/sections');
    await page.getByRole('button', { name: 'Delete Music' }).click();
    await expect(page.getByRole('form', { name: 'Delete Music' }).getByRole('alert')).toContainText('“Music” can’t be deleted');
    await page.getByRole('button', { name: `Delete ${name}` }).click();
    await expect(page.getByRole('heading', { level: 3, name })).toHaveCount(0);
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Sections' }).first().getByRole('link', { name })).toHaveCount(0);
  });

  test('a second tag of the same name is refused in words, keeping what was typed', async ({ page }) => {
    const name = `Field notes ${unique()}`;
    await page.goto('/dashboard/sections');
    const form = page.getByRole('form', { name: 'New tag' });
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: 'Create tag' }).click();
    await expect(form.getByRole('status')).toHaveText(`Tag “${name}” created.`);
    await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();

    await form.getByLabel('Name').fill(name.toUpperCase());
    await form.getByRole('button', { name: 'Create tag' }).click();
    await expect(form.getByRole('alert')).toHaveText(`There is already a tag called “${name}”.`);
    await expect(form.getByLabel('Name')).toHaveValue(name.toUpperCase());
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('an editor creates and deletes a tag with plain form posts', async ({ page }) => {
      const name = `Plain post ${unique()}`;
      await page.goto('/dashboard/sections');
      const form = page.getByRole('form', { name: 'New tag' });
      await form.getByLabel('Name').fill(name);
      await form.getByRole('button', { name: 'Create tag' }).click();
      await expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
      await page.getByText(`Edit ${name}`).click();
      await page.getByRole('button', { name: `Delete ${name}` }).click();
      await expect(page.getByRole('heading', { level: 3, name })).toHaveCount(0);
    });
  });
});
