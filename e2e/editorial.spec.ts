import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signInAs } from './fixtures';

// Each test writes its own stories under unique titles, so they run side by side on the run's database.

let counter = 0;
const unique = (what: string) => `${what} ${Date.now().toString(36)}${(counter++).toString(36)} ${test.info().workerIndex}`;

const STORY_URL = /\/dashboard\/articles\/(\d+)(\?.*)?$/;

/** The story's body editor: a contenteditable textbox named "Body". */
const body = (page: Page) => page.getByRole('textbox', { name: 'Body' });

async function typeInBody(page: Page, text: string) {
  const editor = body(page);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}

/** Fills a new story and saves it as a draft; returns its id and slug. */
async function writeDraft(page: Page, { title, dek = 'A dek for the test.', text = 'The first paragraph of the story.', section = 'Music' }: { title: string; dek?: string; text?: string; section?: string }) {
  await page.goto('/dashboard/articles/new');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Dek').fill(dek);
  await typeInBody(page, text);
  await page.getByLabel('Section').selectOption({ label: section });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.waitForURL(STORY_URL);
  await expect(body(page)).toContainText(text);
  return { id: Number(STORY_URL.exec(page.url())![1]), slug: await page.getByLabel('Slug').inputValue() };
}

/** Schedules the open story for `at`, typed into the minute-precise "Publish at" field in local time. */
async function schedule(page: Page, at: Date) {
  const pad = (n: number) => String(n).padStart(2, '0');
  await page.getByLabel('Publish at').fill(`${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`);
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByText('Scheduled.', { exact: true })).toBeVisible();
}

async function signedInPage(browser: Browser, role: 'admin' | 'editor' | 'author' | 'contributor', next = '/dashboard') {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, role, next);
  return page;
}

test.describe('the story editor', () => {
  test('an editor writes, publishes, changes and unpublishes a story', async ({ page, request }) => {
    await signInAs(page, 'editor', '/dashboard/articles');
    const title = unique('Night bus');
    const { slug } = await writeDraft(page, { title, text: 'The last bus leaves at half past one.' });
    expect(slug).toMatch(/^night-bus-/);
    await expect(page.getByRole('button', { name: 'Submit for review' })).toHaveCount(0);

    // Not public while it is a draft.
    expect((await request.get(`/articles/${slug}`)).status()).toBe(404);

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.getByText('Published.', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Publish changes' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);

    const published = await request.get(`/articles/${slug}`);
    expect(published.status()).toBe(200);
    expect(await published.text()).toContain('The last bus leaves at half past one.');
    expect(await (await request.get('/')).text()).toContain(title);

    const reader = await page.context().browser()!.newPage();
    await reader.goto(`/articles/${slug}`);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(reader.getByText('The last bus leaves at half past one.')).toBeVisible();
    await reader.close();

    // A published story changes only with "Publish changes": no autosave of half-written edits.
    await typeInBody(page, ' The driver knows everyone by name.');
    await expect(page.getByText('Changes not live yet')).toBeVisible();
    await page.getByRole('button', { name: 'Publish changes' }).click();
    await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
    expect(await (await request.get(`/articles/${slug}`)).text()).toContain('The driver knows everyone by name.');

    await page.getByRole('button', { name: 'Unpublish' }).click();
    await expect(page.getByText('Unpublished: it is a draft again.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save draft' })).toBeVisible();
    expect((await request.get(`/articles/${slug}`)).status()).toBe(404);
    expect(await (await request.get('/')).text()).not.toContain(title);
  });

  test('a contributor submits a story for review, and an editor publishes it from the review queue', async ({ page, browser, request }) => {
    await signInAs(page, 'contributor', '/dashboard/articles');
    const title = unique('Stitch by stitch');
    await page.goto('/dashboard/articles/new');
    await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
    await page.getByLabel('Title', { exact: true }).fill(title);
    await typeInBody(page, 'A tailor on the high street mends what others throw away.');
    // Only editors make new tags: the refusal says so, and nothing typed is lost.
    await page.getByLabel('Tags').fill(`never-seen-${Date.now()}`);
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Only editors can create new tags' })).toBeVisible();
    await expect(body(page)).toContainText('A tailor on the high street');
    await page.getByLabel('Tags').fill('');
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await page.waitForURL(STORY_URL);
    await expect(page.getByText('In review', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Schedule' })).toHaveCount(0);
    const slug = await page.getByLabel('Slug').inputValue();

    const editor = await signedInPage(browser, 'editor', '/dashboard/articles');
    await editor.goto('/dashboard/articles');
    await editor.getByRole('region', { name: /Review queue/ }).getByRole('link', { name: title }).click();
    await editor.waitForURL(STORY_URL);
    await expect(body(editor)).toContainText('A tailor on the high street');
    await editor.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(editor.getByText('Published.', { exact: true })).toBeVisible();
    expect((await request.get(`/articles/${slug}`)).status()).toBe(200);
    await editor.context().close();
  });

  test('a second editor saving over a newer version sees the conflict, keeps their text and can keep their version', async ({ page, browser }) => {
    await signInAs(page, 'editor', '/dashboard/articles');
    const title = unique('Two hands');
    const { id } = await writeDraft(page, { title, text: 'Opening line.' });

    const other = await signedInPage(browser, 'admin', `/dashboard/articles/${id}`);
    await other.goto(`/dashboard/articles/${id}`);
    await expect(body(other)).toContainText('Opening line.');

    await typeInBody(page, ' Added by the editor.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Saved.', { exact: true })).toBeVisible();

    await typeInBody(other, ' Added by the admin.');
    await other.getByRole('button', { name: 'Save draft' }).click();
    await expect(other.getByRole('alert').filter({ hasText: 'changed since you opened it' })).toBeVisible();
    await expect(body(other)).toContainText('Added by the admin.');
    // Word by word: what only the saved version has is struck, what only this one has is inserted.
    const comparison = other.getByRole('region', { name: /Your version and the saved version/ });
    await expect(comparison.locator('del').filter({ hasText: 'editor' })).toBeVisible();
    await expect(comparison.locator('ins').filter({ hasText: 'admin' })).toBeVisible();

    await other.getByRole('button', { name: 'Keep my version' }).click();
    await expect(other.getByText('Saved.', { exact: true })).toBeVisible();
    await expect(body(other)).toContainText('Added by the admin.');

    await other.goto(`/dashboard/articles/${id}/revisions`);
    const versions = other.getByRole('navigation', { name: 'Versions' });
    await expect(versions.getByRole('link', { name: /Version 1\b.*Maya Okafor/ })).toBeVisible();
    await expect(versions.getByRole('link', { name: /Version 2\b.*Maya Okafor/ })).toBeVisible();
    await expect(versions.getByRole('link', { name: /Version 3\b.*Alex Marlow/ })).toBeVisible();

    // The editor's version, compared with the admin's current text, word by word.
    await versions.getByRole('link', { name: /Version 2\b/ }).click();
    await expect(other.getByRole('heading', { name: 'Version 2 compared with the current text' })).toBeVisible();
    await expect(other.locator('ins').filter({ hasText: 'admin' })).toBeVisible();
    await expect(other.locator('del').filter({ hasText: 'editor' })).toBeVisible();
    await other.getByRole('button', { name: 'Restore this version' }).click();
    await other.waitForURL(/\?restored=2$/);
    await expect(other.getByText('Version 2 restored')).toBeVisible();
    await expect(body(other)).toContainText('Added by the editor.');
    await expect(body(other)).not.toContainText('Added by the admin.');

    // The editor, still on version 2, runs into the restore and takes the saved text instead of theirs.
    await typeInBody(page, ' A third try.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'changed since you opened it' })).toBeVisible();
    await page.getByRole('button', { name: 'Load saved version' }).click();
    await expect(body(page)).not.toContainText('A third try.');
    await expect(body(page)).toContainText('Added by the editor.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Saved.', { exact: true })).toBeVisible();
    await other.context().close();
  });

  test('an author schedules a story, then publishes it at once with the keyboard', async ({ page, request }) => {
    await signInAs(page, 'author', '/dashboard/articles');
    const { slug } = await writeDraft(page, { title: unique('Later edition') });
    await schedule(page, new Date(Date.now() + 3_600_000));
    await expect(page.getByRole('button', { name: 'Unpublish' })).toBeVisible();
    expect((await request.get(`/articles/${slug}`)).status()).toBe(404);

    await body(page).click();
    await page.keyboard.press('ControlOrMeta+Shift+P');
    await expect(page.getByText('Published.', { exact: true })).toBeVisible();
    expect((await request.get(`/articles/${slug}`)).status()).toBe(200);
  });

  test('a scheduled story goes live on the front page at its time, with nobody publishing it', async ({ page, request }) => {
    test.setTimeout(180_000);
    await signInAs(page, 'author', '/dashboard/articles');
    const title = unique('Dawn edition');
    const { slug } = await writeDraft(page, { title });
    // The field takes whole minutes: the next one at least 30 s away.
    await schedule(page, new Date(Date.now() + 90_000));

    // The front page is served from the caches meanwhile; the scheduler (every 15 s) must expire it.
    const front = async () => (await (await request.get('/')).text()).includes(title);
    const search = `/search?q=${encodeURIComponent(`"${title}"`)}`;
    const found = async () => (await (await request.get(search)).text()).includes(`/articles/${slug}`);
    expect(await front()).toBe(false);
    expect(await found()).toBe(false); // search results are cached per query too
    await expect.poll(front, { timeout: 140_000, intervals: [5_000] }).toBe(true);
    expect(await found()).toBe(true);
    expect((await request.get(`/articles/${slug}`)).status()).toBe(200);
  });

  test('an empty title is refused in plain words, keeping the text', async ({ page }) => {
    await signInAs(page, 'editor', '/dashboard/articles/new');
    await typeInBody(page, 'Words without a headline.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Give the story a title.' })).toBeVisible();
    await expect(page.getByLabel('Title', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL('/dashboard/articles/new');
    await expect(body(page)).toContainText('Words without a headline.');
  });

  test('autosaves a few seconds after typing stops', async ({ page }) => {
    await signInAs(page, 'editor', '/dashboard/articles');
    const { id } = await writeDraft(page, { title: unique('Quiet autosave') });
    await typeInBody(page, ' Typed and left alone.');
    await expect(page.getByRole('status').filter({ hasText: /^Saved at \d/ })).toBeVisible({ timeout: 15_000 });
    await page.goto(`/dashboard/articles/${id}`);
    await expect(body(page)).toContainText('Typed and left alone.');
  });

  test('refuses unsafe links and embeds from unknown sites in plain words, and places allowed ones', async ({ page }) => {
    await signInAs(page, 'editor', '/dashboard/articles/new');
    await typeInBody(page, 'Read more here');
    await page.keyboard.press('Shift+Home');

    await page.getByRole('button', { name: 'Link', exact: true }).click();
    const linkDialog = page.getByRole('dialog', { name: 'Add a link' });
    await linkDialog.getByLabel('Link address').fill('javascript:alert(1)');
    await linkDialog.getByRole('button', { name: 'Apply link' }).click();
    await expect(linkDialog.getByRole('alert')).toContainText('web addresses');
    await linkDialog.getByLabel('Link address').fill('example.com/more');
    await linkDialog.getByRole('button', { name: 'Apply link' }).click();
    await expect(body(page).locator('a[href="https://example.com/more"]')).toHaveText('Read more here');
    // Closing a dialog puts the writer back in the text.
    await expect(body(page)).toBeFocused();

    // Marks: the button says whether the selection is bold.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Loud words');
    await page.keyboard.press('Shift+Home');
    await page.getByRole('button', { name: 'Bold' }).click();
    await expect(page.getByRole('button', { name: 'Bold' })).toHaveAttribute('aria-pressed', 'true');
    await expect(body(page).locator('strong')).toHaveText('Loud words');

    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    const embedDialog = page.getByRole('dialog', { name: 'Embed a player' });
    await embedDialog.getByLabel('Address to embed').fill('https://evil.example/video');
    await embedDialog.getByRole('button', { name: 'Embed' }).click();
    await expect(embedDialog.getByRole('alert')).toContainText('Only YouTube, Vimeo, Spotify and SoundCloud');
    await embedDialog.getByLabel('Address to embed').fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    await embedDialog.getByLabel('Player title').fill('A music video');
    await embedDialog.getByRole('button', { name: 'Embed' }).click();
    await expect(body(page)).toBeFocused();
    await expect(body(page).locator('iframe[src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"]')).toHaveAttribute('title', 'A music video');

    // Ctrl/Cmd+S saves; the server's whitelist keeps the link and the player.
    await page.getByLabel('Title', { exact: true }).fill(unique('Links and players'));
    await page.keyboard.press('ControlOrMeta+S');
    await page.waitForURL(STORY_URL);
    await expect(body(page).locator('a[href="https://example.com/more"]')).toHaveText('Read more here');
    await expect(body(page).locator('iframe[src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"]')).toBeVisible();
  });

  test('images from the library need alt text', async ({ page }) => {
    await signInAs(page, 'editor', '/dashboard/articles/new');
    await typeInBody(page, 'Before the picture.');
    await page.getByRole('button', { name: 'Image', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Insert an image' });
    const choices = dialog.getByRole('radio');
    await expect(choices.first()).toBeAttached(); // the demo heroes are in the library
    await choices.first().check({ force: true });
    await dialog.getByLabel('Alt text (required)').fill('');
    await dialog.getByRole('button', { name: 'Insert image' }).click();
    await expect(dialog.getByRole('alert')).toContainText('alt text');
    await dialog.getByLabel('Alt text (required)').fill('A crowd at the front of the stage');
    await dialog.getByLabel('Caption').fill('The first night of the tour.');
    await dialog.getByRole('button', { name: 'Insert image' }).click();
    await expect(body(page).locator('figure img')).toHaveAttribute('alt', 'A crowd at the front of the stage');
    await expect(body(page).locator('figure figcaption')).toHaveText('The first night of the tour.');

    await page.getByLabel('Title', { exact: true }).fill(unique('Picture story'));
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(STORY_URL);
    await expect(body(page).locator('figure img')).toHaveAttribute('alt', 'A crowd at the front of the stage');
  });

  test('“New story” after saving one opens an empty editor, not the last one', async ({ page }) => {
    await signInAs(page, 'editor', '/dashboard/articles');
    await page.getByRole('main').getByRole('link', { name: 'New story' }).click();
    await page.getByLabel('Title', { exact: true }).fill(unique('First of two'));
    await typeInBody(page, 'The first story.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(STORY_URL);
    await expect(body(page)).toContainText('The first story.');

    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Stories' }).click();
    await page.getByRole('main').getByRole('link', { name: 'New story' }).click();
    await expect(page).toHaveURL('/dashboard/articles/new');
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('');
    await expect(body(page)).not.toContainText('The first story.');
    await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(1);
  });

  test('the story list filters by status and search, and links each story to its editor', async ({ page }) => {
    await signInAs(page, 'editor', '/dashboard/articles');
    const title = unique('Listed story');
    const { id } = await writeDraft(page, { title });
    await page.goto('/dashboard/articles');
    await page.getByRole('navigation', { name: 'Stories by status' }).getByRole('link', { name: /^Draft/ }).click();
    await expect(page).toHaveURL(/status=draft/);
    await page.getByLabel('Search stories').fill(title);
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/status=draft.*q=|q=.*status=draft/);
    const rows = page.getByRole('table').getByRole('row');
    await expect(rows).toHaveCount(2);
    await rows.nth(1).getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(`/dashboard/articles/${id}`);
  });

  test('the preview shows the unpublished story as readers will see it', async ({ page, request }) => {
    await signInAs(page, 'editor', '/dashboard/articles');
    const title = unique('Preview me');
    const { id, slug } = await writeDraft(page, { title, text: 'Seen only by staff for now.' });
    await page.goto(`/dashboard/articles/${id}/preview`);
    await expect(page.getByText('Preview — not published')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByText('Seen only by staff for now.')).toBeVisible();
    expect((await request.get(`/articles/${slug}`)).status()).toBe(404);
  });

  test('editorial notes are added beside the story', async ({ page }) => {
    await signInAs(page, 'editor', '/dashboard/articles');
    await writeDraft(page, { title: unique('Noted story') });
    await page.getByLabel('Note', { exact: true }).fill('Check the bus timetable with the council.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(page.getByRole('region', { name: 'Editorial notes' }).getByRole('listitem')).toContainText('Check the bus timetable with the council.');
  });
});

test.describe('the dashboard', () => {
  test('sends an anonymous visitor to sign in', async ({ page }) => {
    await page.goto('/dashboard/articles');
    await expect(page).toHaveURL(/\/login\?next=%2Fdashboard/);
    await page.goto('/dashboard/articles/new');
    await expect(page).toHaveURL(/\/login\?next=%2Fdashboard/);
  });

  test('the story list and the editor have no accessibility violations (and log no errors)', async ({ page }) => {
    test.slow(); // four axe runs and a draft
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await signInAs(page, 'editor', '/dashboard/articles');
    await expect(page.getByRole('heading', { level: 1, name: 'Stories' })).toBeVisible();
    await expectAccessible(page);

    await page.goto('/dashboard/articles/new');
    await expect(body(page)).toBeVisible();
    await expectAccessible(page);

    const { id } = await writeDraft(page, { title: unique('Accessible story') });
    await expectAccessible(page);
    await page.goto(`/dashboard/articles/${id}/revisions?v=1`);
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });
});
