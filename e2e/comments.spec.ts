import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoStories, expectAccessible, lead, newPerson, unique } from './fixtures';

// Each test discusses its own demo story, so threads and counts do not mix between tests running side by side.
const storyUrl = (index: number) => `/articles/${demoStories[index]!.slug}`;

const thread = (page: Page) => page.locator('section#comments');
/** The comment holding `text` (its own words, not a reply's): each comment is an <article>. */
const commentWith = (page: Page, text: string): Locator =>
  thread(page).getByRole('article').filter({ has: page.locator(':scope > div p', { hasText: text }) });

/** Submits with `click` and waits to land on the new comment's anchor (a new URL, with or without JavaScript). */
async function landsOnComment(page: Page, click: () => Promise<void>) {
  const before = page.url();
  await click();
  await expect.poll(() => page.url()).not.toBe(before);
  await expect(page).toHaveURL(/#comment-\d+$/);
}

async function post(page: Page, url: string, text: string) {
  await page.goto(url);
  await page.getByLabel('Your comment', { exact: true }).fill(text);
  await landsOnComment(page, () => page.getByRole('button', { name: 'Post comment' }).click());
}

test.describe('reader comments', () => {
  // Several people, each in a browser of their own, and flood control's ten seconds between posts.
  test.slow();

  test('anonymous readers see the thread and a way to sign in, and the page is accessible', async ({ page }) => {
    await page.goto(`/articles/${lead.slug}`);
    await expect(page.getByRole('heading', { level: 2, name: /Comments/ })).toBeVisible();
    const signIn = page.getByRole('link', { name: 'Sign in to comment' });
    await expect(signIn).toHaveAttribute('href', /^\/login\?next=/);
    await expect(page.getByLabel('Your comment', { exact: true })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('comment, nested reply, edit, like, report and delete, with the public thread following', async ({ browser }) => {
    const url = storyUrl(3);
    const alice = await newPerson(browser, { role: 'contributor' });
    const bob = await newPerson(browser, { role: 'contributor' });
    const first = `First thoughts ${unique()}`;
    await post(alice.page, url, first);
    const mine = commentWith(alice.page, first);
    await expect(mine).toBeVisible();
    await expect(mine.getByRole('button', { name: 'Edit' })).toBeVisible();

    // Bob replies: the reply is an <article> inside Alice's.
    await bob.page.goto(url);
    const hers = commentWith(bob.page, first);
    await hers.getByRole('button', { name: 'Reply' }).click();
    const reply = `A reply ${unique()}`;
    await hers.getByLabel('Your reply').fill(reply);
    await landsOnComment(bob.page, () => hers.getByRole('button', { name: 'Post reply' }).click());
    await expect(commentWith(bob.page, first).getByRole('article').filter({ hasText: reply })).toBeVisible();
    await expectAccessible(bob.page);

    // Alice edits within ten minutes: the comment says so.
    await alice.page.reload();
    await mine.getByRole('button', { name: 'Edit' }).click();
    const edited = `${first}, on reflection`;
    await mine.getByLabel('Edit your comment').fill(edited);
    await mine.getByRole('button', { name: 'Save changes' }).click();
    const mineEdited = commentWith(alice.page, edited);
    await expect(mineEdited).toContainText('edited');

    // Bob likes it, then takes the like back: one reaction per reader, toggled.
    await bob.page.goto(url);
    const liked = commentWith(bob.page, edited);
    await liked.getByRole('button', { name: 'Like' }).first().click();
    await expect(commentWith(bob.page, edited).getByRole('button', { name: 'Liked' }).first()).toHaveAttribute('aria-pressed', 'true');
    await expect(commentWith(bob.page, edited).first()).toContainText('1 person likes this');
    await commentWith(bob.page, edited).getByRole('button', { name: 'Liked' }).first().click();
    await expect(commentWith(bob.page, edited).getByRole('button', { name: 'Like' }).first()).toHaveAttribute('aria-pressed', 'false');

    // Bob reports it once; a second report is refused politely.
    const target = commentWith(bob.page, edited).first();
    await target.getByRole('button', { name: 'Report' }).first().click();
    await target.getByLabel('Reason').first().selectOption({ label: 'Spam' });
    await target.getByRole('button', { name: 'Send report' }).first().click();
    await expect(target.getByRole('status').first()).toContainText('A moderator will look at this comment');
    await bob.page.reload();
    const again = commentWith(bob.page, edited).first();
    await again.getByRole('button', { name: 'Report' }).first().click();
    await again.getByLabel('Reason').first().selectOption({ label: 'Off topic' });
    await again.getByRole('button', { name: 'Send report' }).first().click();
    await expect(again.getByRole('alert').first()).toContainText('already reported');

    // Anonymous readers see the edited comment and its reply; the count counts both.
    const anonymous = await browser.newContext();
    const reader = await anonymous.newPage();
    await reader.goto(url);
    await expect(reader.getByRole('heading', { level: 2, name: 'Comments (2)' })).toBeVisible();
    await expect(commentWith(reader, edited).getByRole('article').filter({ hasText: reply })).toBeVisible();

    // Bob deletes his reply: gone for everyone, and the count follows.
    await bob.page.goto(url);
    const bobsReply = bob.page.getByRole('article').filter({ has: bob.page.locator(':scope > div p', { hasText: reply }) });
    await bobsReply.getByRole('button', { name: 'Delete' }).click();
    await expect(bob.page.getByText(reply)).toHaveCount(0);
    await reader.reload();
    await expect(reader.getByText(reply)).toHaveCount(0);
    await expect(reader.getByRole('heading', { level: 2, name: 'Comments (1)' })).toBeVisible();
    await Promise.all([alice.context.close(), bob.context.close(), anonymous.close()]);
  });

  test('a new reader’s comment waits for moderation, seen only by its author', async ({ browser }) => {
    const url = storyUrl(4);
    const reader = await newPerson(browser);
    const text = `Held until approved ${unique()}`;
    await post(reader.page, url, text);
    const held = reader.page.getByRole('article', { name: 'Your comment, awaiting moderation' });
    await expect(held).toContainText('awaiting moderation');
    await expect(held).toContainText(text);

    const anonymous = await browser.newContext();
    const other = await anonymous.newPage();
    await other.goto(url);
    await expect(other.getByText(text)).toHaveCount(0);
    await Promise.all([reader.context.close(), anonymous.close()]);
  });

  test('comments and replies post without JavaScript, landing on the new comment', async ({ browser }) => {
    const url = storyUrl(5);
    const person = await newPerson(browser, { role: 'contributor', javaScript: false });

    // A refusal comes back to the form with its message and the text as typed.
    await person.page.goto(url);
    const long = 'x'.repeat(5_001);
    await person.page.getByLabel('Your comment', { exact: true }).fill(long);
    await person.page.getByRole('button', { name: 'Post comment' }).click();
    const form = person.page.locator('form#new-comment');
    await expect(form.getByRole('alert')).toContainText('5,000');
    await expect(form.getByLabel('Your comment', { exact: true })).toHaveValue(long);
    await person.page.reload();
    await expect(person.page.locator('form#new-comment').getByRole('alert')).toHaveCount(0); // shown once
    const text = `No script needed ${unique()}`;
    await post(person.page, url, text);
    const posted = commentWith(person.page, text);
    await expect(posted).toBeVisible();
    const id = new URL(person.page.url()).hash.slice(1);
    await expect(posted).toHaveAttribute('id', id);

    // <details> opens the reply form without JavaScript; flood control wants ten seconds between posts.
    await person.page.waitForTimeout(10_500);
    await posted.getByRole('button', { name: 'Reply' }).click();
    const reply = `Replying without script ${unique()}`;
    await posted.getByLabel('Your reply').fill(reply);
    await landsOnComment(person.page, () => posted.getByRole('button', { name: 'Post reply' }).click());
    await expect(commentWith(person.page, text).getByRole('article').filter({ hasText: reply })).toBeVisible();
    await person.context.close();
  });

  test('empty, blank and over-long comments are refused in words, keeping what was typed', async ({ browser }) => {
    const url = storyUrl(6);
    const person = await newPerson(browser, { role: 'contributor' });
    const { page } = person;
    await page.goto(url);
    const box = page.getByLabel('Your comment', { exact: true });
    const send = page.getByRole('button', { name: 'Post comment' });
    const form = page.locator('form').filter({ has: box });

    // Each refusal's message differs from the one before, so each wait sees its own answer.
    await send.click();
    await expect(form.getByRole('alert')).toContainText('empty');
    const long = 'word '.repeat(1_000) + 'x';
    await box.fill(long);
    await send.click();
    await expect(form.getByRole('alert')).toContainText('5,000');
    await expect(box).toHaveValue(long);
    await box.fill('   \n\n  ');
    await send.click();
    await expect(form.getByRole('alert')).toContainText('empty');
    await expect(page.getByRole('heading', { level: 2, name: 'Comments (0)' })).toBeVisible();
    await person.context.close();
  });

  test('classic XSS payloads in comments and names stay inert text', async ({ browser }) => {
    const url = storyUrl(7);
    const payloads = [
      '<script>window.__xss = 1</script>',
      '<img src=x onerror="window.__xss = 2">',
      '"><svg onload="window.__xss = 3">',
      'javascript:window.__xss=4',
      '<a href="javascript:window.__xss=5">click</a>',
      '<style>body{display:none}</style>',
      '<iframe srcdoc="<script>parent.__xss=6</script>"></iframe>',
    ];
    const name = `<img src=x onerror="window.__xss=7">${unique()}`;
    const staff = await newPerson(browser, { role: 'contributor', name });
    const dialogs: string[] = [];
    for (const payload of payloads.slice(0, 3)) {
      await post(staff.page, url, payload);
      await staff.page.waitForTimeout(10_500); // flood control: one comment every ten seconds
    }
    // A reader's held comment (shown to them) carries the rest.
    const reader = await newPerson(browser, { name: `<b onmouseover="window.__xss=8">${unique()}</b>` });
    await post(reader.page, url, payloads.slice(3).join('\n\n'));

    const anonymous = await browser.newContext();
    const visitor = await anonymous.newPage();
    for (const page of [staff.page, reader.page, visitor]) {
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(url);
      const comments = thread(page);
      await expect(comments.locator('script, img, svg, iframe, style, b')).toHaveCount(0);
      await expect(comments.locator('[onerror], [onload], [onmouseover], [srcdoc]')).toHaveCount(0);
      await expect(comments.locator('a[href^="javascript:"]')).toHaveCount(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    }
    await expect(thread(visitor).getByText(payloads[1]!)).toBeVisible();
    await expect(thread(visitor).getByText(name).first()).toBeVisible();
    await expect(thread(reader.page).getByText('javascript:window.__xss=4')).toBeVisible();
    await expect(reader.page.getByRole('banner').getByText(/<b onmouseover/)).toBeVisible();
    expect(dialogs).toEqual([]);
    await Promise.all([staff.context.close(), reader.context.close(), anonymous.close()]);
  });

  test('the thread sorts and pages with plain links, prerendered for anonymous readers', async ({ browser }) => {
    const url = storyUrl(8);
    const [one, two] = await Promise.all([newPerson(browser, { role: 'contributor' }), newPerson(browser, { role: 'contributor' })]);
    const older = `Said first ${unique()}`;
    const newer = `Said second ${unique()}`;
    await post(one.page, url, older);
    await post(two.page, url, newer);

    const anonymous = await browser.newContext();
    const page = await anonymous.newPage();
    const order = async () => {
      const texts = await thread(page).getByRole('article').allTextContents();
      return [older, newer].sort((a, b) => texts.findIndex((t) => t.includes(a)) - texts.findIndex((t) => t.includes(b)));
    };
    await page.goto(url);
    expect(await order()).toEqual([newer, older]); // newest first by default
    await page.getByRole('navigation', { name: 'Sort comments' }).getByRole('link', { name: 'Oldest' }).click();
    await expect(page).toHaveURL(/\?sort=oldest/);
    await expect(page.getByRole('link', { name: 'Oldest' })).toHaveAttribute('aria-current', 'true');
    expect(await order()).toEqual([older, newer]);

    const response = await page.request.get(`${url}?sort=oldest`);
    expect(response.headers()['x-nextjs-cache'] ?? '').toMatch(/HIT|STALE|MISS/);
    expect((await page.request.get(`${url}?page=9`)).status()).toBe(404);

    // The story's card on its section page counts the comments.
    const section = demoStories[8]!.section;
    await page.goto(`/sections/${section}`);
    await expect(page.getByRole('article').filter({ hasText: demoStories[8]!.title })).toContainText('2 comments');
    await Promise.all([one.context.close(), two.context.close(), anonymous.close()]);
  });
});
