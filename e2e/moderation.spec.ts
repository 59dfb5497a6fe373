import { expect, test } from '@playwright/test';
import { expectAccessible, signInAs } from './fixtures';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe('moderation pages', () => {
  test('an editor sees the queue tabs; the page is accessible', async ({ page }) => {
    await signInAs(page, 'editor', '/dashboard/comments');
    await expect(page.getByRole('heading', { level: 1, name: 'Comments' })).toBeVisible();
    const tabs = page.getByRole('navigation', { name: 'Moderation queue' });
    for (const name of ['Pending', 'Reported', 'Spam', 'All']) await expect(tabs.getByRole('link', { name })).toBeVisible();
    await expect(tabs.getByRole('link', { name: 'Pending' })).toHaveAttribute('aria-current', 'page');
    await expectAccessible(page);
    await tabs.getByRole('link', { name: 'Spam' }).click();
    await expect(page).toHaveURL(/\/dashboard\/comments\?tab=spam$/);
    await expect(tabs.getByRole('link', { name: 'Spam' })).toHaveAttribute('aria-current', 'page');
    await page.getByRole('link', { name: 'Moderation log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Moderation log' })).toBeVisible();
    await expectAccessible(page);
    // Editors moderate, but the site's rules are an admin's.
    await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Settings' })).toHaveCount(0);
  });

  for (const role of ['author', 'contributor'] as const) {
    test(`${role}s get a 403 from the moderation queue and the settings`, async ({ page }) => {
      await signInAs(page, role);
      for (const path of ['/dashboard/comments', '/dashboard/comments/log', '/dashboard/settings']) {
        expect((await page.goto(path))?.status(), path).toBe(403);
      }
      await expect(page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Comments' })).toHaveCount(0);
    });
  }

  test('an editor gets a 403 from the settings', async ({ page }) => {
    await signInAs(page, 'editor');
    expect((await page.goto('/dashboard/settings'))?.status()).toBe(403);
  });
});

test.describe('comment settings', () => {
  test('an admin saves the rules; a refused value is explained and what was typed stays', async ({ page }) => {
    await signInAs(page, 'admin', '/dashboard/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expectAccessible(page);
    const form = page.getByRole('form', { name: 'Comment settings' });
    const word = `zorblax${unique()}`;
    const tooLong = 'x'.repeat(101);
    await form.getByLabel('Suspect words').fill(`${word}\n${tooLong}`);
    await form.getByLabel('Close comments after (days)').fill('30');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('alert')).toHaveText('Each word or phrase can be at most 100 characters.');
    await expect(form.getByLabel('Suspect words')).toHaveValue(`${word}\n${tooLong}`);
    await expect(form.getByLabel('Suspect words')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Close comments after (days)')).toHaveValue('30');
    await expectAccessible(page);

    await form.getByLabel('Suspect words').fill(`${word}`);
    await form.getByLabel('Close comments after (days)').fill('');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status')).toHaveText('Settings saved. They apply to the next comment posted.');
    await page.reload();
    await expect(form.getByLabel('Suspect words')).toHaveValue(word);
    await expect(form.getByLabel('Close comments after (days)')).toHaveValue('');
    await expect(form.getByRole('radio', { name: /Post-moderation/ })).toBeChecked();

    // Audited like every other change of an admin's.
    await page.goto('/dashboard/audit?action=settings.update');
    await expect(page.getByRole('table').getByText('Changed the settings').first()).toBeVisible();

    await page.goto('/dashboard/settings');
    await form.getByLabel('Suspect words').fill('');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status')).toBeVisible();
  });
});
