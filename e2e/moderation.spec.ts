import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { demoStories, expectAccessible, newPerson, signInAs, unique, type Person } from './fixtures';

// Each test discusses its own demo story (comments.spec.ts takes the lead and 3–8, notifications.spec.ts
// 12) and finds its comments by their unique words, so tests side by side don't read each other's threads.
const storyUrl = (index: number) => `/articles/${demoStories[index]!.slug}`;

const thread = (page: Page) => page.locator('section#comments');
/** A published comment in the public thread (each is an <article>), by its words. */
const inThread = (page: Page, text: string): Locator => thread(page).getByRole('article').filter({ hasText: text });
/** A comment in the moderation queue, by its words. */
const queued = (page: Page, text: string): Locator => page.getByRole('main').getByRole('article').filter({ hasText: text });

/** Flood control lets a reader post once every 10 seconds: the last post of each reader, to wait out. */
const lastPost = new Map<string, number>();

async function post(person: Person, url: string, text: string) {
  const wait = (lastPost.get(person.email) ?? 0) + 10_500 - Date.now();
  if (wait > 0) await person.page.waitForTimeout(wait);
  await person.page.goto(url);
  await person.page.getByRole('textbox', { name: 'Your comment', exact: true }).fill(text);
  await person.page.getByRole('button', { name: 'Post comment' }).click();
  await expect(person.page).toHaveURL(/#comment-\d+$/);
  lastPost.set(person.email, Date.now());
}

/** Posts as a new reader: the comment waits for a moderator, and its author sees it as such. */
async function postHeld(person: Person, url: string, text: string) {
  await post(person, url, text);
  await person.page.goto(url);
  await expect(person.page.getByRole('article', { name: 'Your comment, awaiting moderation' }).filter({ hasText: text })).toContainText('awaiting moderation');
}

/** What an anonymous visitor sees of a story's thread. */
async function anonymousView(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  return { page, close: () => context.close() };
}

async function editorQueue(browser: Browser, path = '/dashboard/comments', { javaScript = true } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  await signInAs(page, 'editor', path);
  return { page, close: () => context.close() };
}

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
  // The form saves every rule at once: two tests saving side by side would undo each other's change.
  test.describe.configure({ mode: 'default' });

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

  test('without JavaScript a refused save comes back with its message and what was typed', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, 'admin', '/dashboard/settings');
    const form = page.getByRole('form', { name: 'Comment settings' });
    const typed = `fine words\n${'y'.repeat(120)}`;
    await form.getByLabel('Banned words').fill(typed);
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('alert')).toHaveText('Each word or phrase can be at most 100 characters.');
    await expect(form.getByLabel('Banned words')).toHaveValue(typed);
    // Nothing was saved: the next visit shows the rules as they were.
    await page.goto('/dashboard/settings');
    await expect(form.getByLabel('Banned words')).not.toHaveValue(typed);
    await context.close();
  });

  test('a banned word added by an admin refuses a reader’s comment, saying why', async ({ browser, page }) => {
    const url = storyUrl(14);
    const word = `blorfword${unique()}`;
    await signInAs(page, 'admin', '/dashboard/settings');
    const form = page.getByRole('form', { name: 'Comment settings' });
    const before = await form.getByLabel('Banned words').inputValue();
    await form.getByLabel('Banned words').fill([before, word].filter(Boolean).join('\n'));
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status')).toBeVisible();

    const reader = await newPerson(browser);
    const text = `This is ${word.toUpperCase()} indeed`;
    await reader.page.goto(url);
    await reader.page.getByRole('textbox', { name: 'Your comment', exact: true }).fill(text);
    await reader.page.getByRole('button', { name: 'Post comment' }).click();
    await expect(thread(reader.page).getByRole('alert')).toHaveText('Your comment contains words we don’t allow. Please rephrase it.');
    await expect(reader.page.getByRole('textbox', { name: 'Your comment', exact: true })).toHaveValue(text);
    await expect(reader.page.getByRole('article', { name: 'Your comment, awaiting moderation' })).toHaveCount(0);

    // Leave the rules as they were for the specs that follow.
    await page.reload();
    const words = (await form.getByLabel('Banned words').inputValue()).split('\n').filter((line) => line !== word.toLowerCase());
    await form.getByLabel('Banned words').fill(words.join('\n'));
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status')).toBeVisible();
    await reader.context.close();
  });
});

test.describe('moderating comments', () => {
  test('an editor approves a held comment and the public thread shows it, anonymous and signed in; readers get a 403', async ({ browser }) => {
    test.slow(); // several browsers, axe
    const url = storyUrl(9);
    const reader = await newPerson(browser);
    const text = `Worth the wait ${unique()}`;
    await postHeld(reader, url, text);
    expect((await reader.page.goto('/dashboard/comments'))?.status()).toBe(403);

    const anonymous = await anonymousView(browser, url);
    await expect(anonymous.page.getByText(text)).toHaveCount(0);

    // Staff see the text of a pending comment, who wrote it, where, and why it waits.
    const editor = await editorQueue(browser);
    const item = queued(editor.page, text);
    await expect(item).toContainText(`Comment by ${reader.name} on ${demoStories[9]!.title}`);
    await expect(item).toContainText('New reader: fewer than two approved comments');
    await expect(item).toContainText(`${reader.name} (reader, active, not yet trusted)`);
    await expect(item.getByRole('link', { name: demoStories[9]!.title })).toHaveAttribute('href', new RegExp(`^${url}#comment-\\d+$`));
    await expectAccessible(editor.page);
    await item.getByRole('button', { name: 'Approve' }).click();
    await expect(item).toHaveCount(0);

    await anonymous.page.reload();
    await expect(inThread(anonymous.page, text)).toBeVisible();
    await reader.page.goto(url);
    await expect(inThread(reader.page, text)).toBeVisible();
    await expect(reader.page.getByRole('article', { name: 'Your comment, awaiting moderation' })).toHaveCount(0);

    // The decision is in the moderation log: who, what, which comment.
    await editor.page.goto('/dashboard/comments/log');
    const editorName = (await editor.page.getByRole('banner').getByText(/ \(editor\)$/).textContent())!.replace(/ \(editor\)$/, '');
    const entry = editor.page.getByRole('row').filter({ hasText: text });
    await expect(entry).toContainText(editorName);
    await expect(entry).toContainText('Approved');
    await expect(entry).toContainText('was pending');
    await Promise.all([reader.context.close(), anonymous.close(), editor.close()]);
  });

  test('remove takes a comment off the thread, spam goes to the Spam tab, and a banned author can no longer post', async ({ browser }) => {
    test.slow(); // flood control makes the reader wait between comments
    const url = storyUrl(10);
    const reader = await newPerson(browser);
    const first = `Here today ${unique()}`;
    await postHeld(reader, url, first);
    // This moderator works without JavaScript: every button is a plain form.
    const editor = await editorQueue(browser, '/dashboard/comments', { javaScript: false });
    await queued(editor.page, first).getByRole('button', { name: 'Approve' }).click();
    await expect(queued(editor.page, first)).toHaveCount(0);
    const anonymous = await anonymousView(browser, url);
    await expect(inThread(anonymous.page, first)).toBeVisible();

    // Remove it from the All tab: it leaves the public thread.
    await editor.page.getByRole('link', { name: 'All' }).click();
    await queued(editor.page, first).getByRole('button', { name: 'Remove' }).click();
    await expect(queued(editor.page, first)).toContainText('Removed');
    await anonymous.page.reload();
    await expect(anonymous.page.getByText(first)).toHaveCount(0);

    const spam = `Cheap watches ${unique()}`;
    await postHeld(reader, url, spam);
    await editor.page.goto('/dashboard/comments');
    await queued(editor.page, spam).getByRole('button', { name: 'Mark as spam' }).click();
    await expect(queued(editor.page, spam)).toHaveCount(0);
    await editor.page.getByRole('link', { name: 'Spam' }).click();
    await expect(queued(editor.page, spam)).toContainText('Spam');

    // Ban the author for 7 days: their session ends, and signing in again is refused.
    const item = queued(editor.page, spam);
    await item.getByRole('combobox', { name: 'Duration' }).selectOption({ label: '7 days' });
    await item.getByRole('button', { name: 'Ban author' }).click();
    // Without JavaScript the answer is the page itself, rendered again after the form's POST.
    await expect(item).toContainText(`${reader.name} (reader, suspended`);

    await reader.page.goto(url);
    await expect(reader.page.getByRole('textbox', { name: 'Your comment', exact: true })).toHaveCount(0);
    await expect(reader.page.getByRole('link', { name: 'Sign in to comment' })).toBeVisible();
    await reader.page.goto('/login');
    await reader.page.getByLabel('Email').fill(reader.email);
    await reader.page.getByLabel('Password').fill(reader.password);
    await reader.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(reader.page.getByRole('main').getByRole('alert')).toBeVisible();
    await expect(reader.page).toHaveURL(/\/login/);

    await editor.page.goto('/dashboard/comments/log');
    await expect(editor.page.getByRole('row').filter({ hasText: spam }).filter({ hasText: 'Banned the author' })).toContainText('for 7 days');
    await Promise.all([reader.context.close(), anonymous.close(), editor.close()]);
  });

  test('bulk approval publishes the selected comments, and a featured comment is pinned to the top', async ({ browser }) => {
    test.slow(); // flood control makes the reader wait between comments
    const url = storyUrl(11);
    const reader = await newPerson(browser);
    const older = `First of two ${unique()}`;
    const newer = `Second of two ${unique()}`;
    await postHeld(reader, url, older);
    await postHeld(reader, url, newer);

    const editor = await editorQueue(browser);
    for (const text of [older, newer]) await queued(editor.page, text).getByRole('checkbox', { name: /^Select/ }).check();
    await editor.page.getByRole('button', { name: 'Approve selected' }).click();
    await expect(editor.page.getByRole('main').getByRole('status')).toHaveText('Approved 2 comments.');
    await expect(queued(editor.page, older)).toHaveCount(0);
    await expect(queued(editor.page, newer)).toHaveCount(0);

    // Newest first by default; featuring the older one pins it above.
    const anonymous = await anonymousView(browser, url);
    const topLevel = thread(anonymous.page).locator(':scope > article');
    await expect(topLevel.first()).toContainText(newer);
    await expect(inThread(anonymous.page, older)).toBeVisible();
    await editor.page.goto('/dashboard/comments?tab=all');
    await queued(editor.page, older).getByRole('button', { name: 'Feature' }).click();
    await expect(queued(editor.page, older).getByRole('button', { name: 'Unfeature' })).toBeVisible();
    await anonymous.page.reload();
    await expect(topLevel.first()).toContainText(older);
    await expect(topLevel.first()).toContainText('Featured');

    // Two approvals make the reader trusted: the next comment is published at once.
    const trusted = `Trusted now ${unique()}`;
    await post(reader, url, trusted);
    await expect(inThread(reader.page, trusted)).toBeVisible();
    await expect(reader.page.getByRole('article', { name: 'Your comment, awaiting moderation' })).toHaveCount(0);
    await Promise.all([reader.context.close(), anonymous.close(), editor.close()]);
  });

  test('a reported comment waits in the Reported tab with its reasons; approving keeps it and dismisses the reports', async ({ browser }) => {
    test.slow(); // several browsers
    const url = storyUrl(13);
    // Staff comments are published at once: the editor writes the one that gets reported.
    const editor = await editorQueue(browser, url);
    const text = `Reported but fine ${unique()}`;
    await editor.page.getByRole('textbox', { name: 'Your comment', exact: true }).fill(text);
    await editor.page.getByRole('button', { name: 'Post comment' }).click();
    await expect(editor.page).toHaveURL(/#comment-\d+$/);

    const reader = await newPerson(browser);
    await reader.page.goto(url);
    const target = inThread(reader.page, text);
    await target.getByRole('button', { name: 'Report' }).click();
    await target.getByLabel('Reason').selectOption({ label: 'Off topic' });
    await target.getByLabel('Note for the moderators (optional)').fill('Nothing to do with the story');
    await target.getByRole('button', { name: 'Send report' }).click();
    await expect(target.getByRole('status')).toContainText('A moderator will look at this comment');

    await editor.page.goto('/dashboard/comments?tab=reported');
    const item = queued(editor.page, text);
    await expect(item).toContainText('1 open report');
    await expect(item).toContainText(`Off topic: “Nothing to do with the story” — ${reader.name}`);
    await expectAccessible(editor.page);
    await item.getByRole('button', { name: 'Approve' }).click();
    await expect(item).toHaveCount(0);
    const anonymous = await anonymousView(browser, url);
    await expect(inThread(anonymous.page, text)).toBeVisible();
    await editor.page.goto('/dashboard/comments/log');
    await expect(editor.page.getByRole('row').filter({ hasText: text })).toContainText('was published, 1 report dismissed');
    await Promise.all([reader.context.close(), anonymous.close(), editor.close()]);
  });
});
