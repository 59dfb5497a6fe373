import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoStories, expectAccessible, signInAs } from './fixtures';
import { waitForMail } from './outbox';

// A story no other spec comments on, so its thread holds only what this test posts.
const story = demoStories[12]!;
const url = `/articles/${story.slug}`;
const EDITOR = 'Maya Okafor';

const id = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const octet = () => Math.floor(Math.random() * 254) + 1;

/** A new reader in a browser of their own, from an address of their own (sign-ups and comments are limited per address). */
async function newReader(browser: Browser) {
  const suffix = id();
  const reader = { name: `Notified ${suffix}`, email: `notified-${suffix}@example.com`, password: `long-enough-${suffix}` };
  const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}` } });
  const page = await context.newPage();
  await page.goto('/signup');
  await page.getByLabel('Name').fill(reader.name);
  await page.getByLabel('Email').fill(reader.email);
  await page.getByLabel('Password').fill(reader.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((address) => !address.pathname.startsWith('/signup'));
  return { ...reader, context, page };
}

/** The comment holding `text` in its own words: each comment is an <article>. */
const commentWith = (page: Page, text: string) =>
  page.locator('section#comments').getByRole('article').filter({ has: page.locator(':scope > div p', { hasText: text }) });

async function replyTo(page: Page, text: string, reply: string) {
  await page.goto(url);
  const parent = commentWith(page, text);
  await parent.getByRole('button', { name: 'Reply' }).first().click();
  // By role: only the form just opened is visible (replies nested below have closed forms of their own).
  await parent.getByRole('textbox', { name: 'Your reply' }).fill(reply);
  await parent.getByRole('button', { name: 'Post reply' }).click();
  await expect(page).toHaveURL(/#comment-\d+$/); // a soft navigation: no load event to wait for
}

const notificationsLink = (page: Page) => page.getByRole('banner').getByRole('link', { name: /^Notifications/ });

test.describe('notifications', () => {
  test('a reader hears of the approval and the reply in the header, reads them, and gets mail once they opt in', async ({ browser }) => {
    test.setTimeout(240_000);
    const reader = await newReader(browser);
    const words = `A thought worth approving ${id()}`;
    await reader.page.goto(url);
    await reader.page.getByLabel('Your comment').fill(words);
    await reader.page.getByRole('button', { name: 'Post comment' }).click();
    await expect(reader.page).toHaveURL(/#comment-\d+$/);
    await reader.page.goto('/');
    await expect(notificationsLink(reader.page)).toHaveAccessibleName('Notifications');

    // The editor approves the held comment, then replies to it.
    const editorContext = await browser.newContext();
    const editor = await editorContext.newPage();
    await signInAs(editor, 'editor', '/dashboard/comments');
    await editor.getByRole('article').filter({ hasText: words }).getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(editor.getByRole('article').filter({ hasText: words })).toHaveCount(0);
    const reply = `Thanks for this ${id()}`;
    await replyTo(editor, words, reply);

    // The reader's header counts both.
    await reader.page.goto('/');
    await expect(notificationsLink(reader.page)).toHaveAccessibleName('Notifications, 2 unread');
    await notificationsLink(reader.page).click();
    await expect(reader.page).toHaveURL(/\/account\/notifications$/);
    await expect(reader.page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    await expectAccessible(reader.page);
    const items = reader.page.getByRole('main').getByRole('listitem');
    await expect(items).toHaveCount(2);
    // Newest first: the reply, then the approval; both unread.
    await expect(items.nth(0)).toContainText(`Unread: ${EDITOR} replied to your comment on ${story.title}`);
    await expect(items.nth(1)).toContainText(`Unread: Your comment on ${story.title} was approved`);

    // Following the reply leads to it on the story.
    await items.nth(0).getByRole('link', { name: `${EDITOR} replied to your comment on ${story.title}` }).click();
    await expect(reader.page).toHaveURL(new RegExp(`${url}#comment-\\d+$`));
    const anchor = new URL(reader.page.url()).hash.slice(1);
    await expect(reader.page.locator(`article#${anchor}`)).toContainText(reply);

    // Marking one read, then all (without JavaScript: plain forms).
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    await noScript.addCookies(await reader.context.cookies());
    const plain = await noScript.newPage();
    await plain.goto('/account/notifications');
    await plain.getByRole('main').getByRole('listitem').nth(1).getByRole('button', { name: 'Mark as read' }).click();
    await expect(plain.getByRole('main')).toContainText('1 unread.');
    await expect(plain.getByRole('main').getByRole('listitem').nth(1)).not.toContainText('Unread:');
    await plain.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(plain.getByRole('main')).toContainText('Nothing unread.');
    await expect(plain.getByRole('main').getByRole('button', { name: 'Mark as read' })).toHaveCount(0);
    await plain.goto('/');
    await expect(notificationsLink(plain)).toHaveAccessibleName('Notifications');

    // Opting in to mail on the account page (still without JavaScript; axe needs it, so it checks the page in the other browser).
    await reader.page.goto('/account');
    await expectAccessible(reader.page);
    await plain.goto('/account');
    const box = plain.getByRole('checkbox', { name: 'Email me about replies and approvals' });
    await expect(box).not.toBeChecked();
    await box.check();
    await plain.getByRole('button', { name: 'Save email preference' }).click();
    await plain.waitForLoadState();
    await plain.goto('/account');
    await expect(plain.getByRole('checkbox', { name: 'Email me about replies and approvals' })).toBeChecked();

    // The next reply arrives by mail too, sent by the scheduler's next round (every 15 seconds).
    const second = `And one more thing ${id()}`;
    await replyTo(editor, words, second);
    const [mail] = await waitForMail(reader.email, { timeout: 45_000 });
    expect(mail!.subject).toBe(`${EDITOR} replied to your comment on ${story.title}`);
    expect(mail!.text).toMatch(new RegExp(`/articles/${story.slug}#comment-\\d+`));
    await reader.page.goto('/');
    await expect(notificationsLink(reader.page)).toHaveAccessibleName('Notifications, 1 unread');

    await noScript.close();
    await editorContext.close();
    await reader.context.close();
  });

  test('the notifications page is for signed-in people only', async ({ page }) => {
    await page.goto('/account/notifications');
    await expect(page).toHaveURL(/\/login\?next=%2Faccount%2Fnotifications$/);
  });
});
