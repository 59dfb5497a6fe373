import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { expectAccessible, lead, signInAs } from './fixtures';

// Every test uploads under names of its own, so they run side by side on the run's one database.
const unique = () => `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;

async function png(width = 64, height = 48) {
  return sharp({ create: { width, height, channels: 3, background: '#2e6f9e' } }).png().toBuffer();
}

const uploadForm = (page: Page) => page.getByRole('form', { name: 'Upload an image' });
const card = (page: Page, alt: string) => page.getByRole('listitem').filter({ has: page.getByRole('img', { name: alt, exact: true }) });

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, alt: string, credit = '') {
  const form = uploadForm(page);
  await form.getByLabel('Image').setInputFiles(file);
  await form.getByLabel('Alt text').fill(alt);
  if (credit) await form.getByLabel('Credit').fill(credit);
  await form.getByRole('button', { name: 'Upload' }).click();
}

/** The /media/<name> address behind a next/image thumbnail (its src is the optimizer's URL). */
async function mediaUrlOf(page: Page, alt: string) {
  const src = await card(page, alt).getByRole('img').getAttribute('src');
  return new URL(src!, 'http://x').searchParams.get('url')!;
}

test.describe('the media library', () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, 'editor', '/dashboard/media');
  });

  test('an editor uploads an image with alt text and sees it listed, served from its /media address', async ({ page }) => {
    const alt = `A harbour crane against a blue sky ${unique()}`;
    await upload(page, { name: `crane-${unique()}.png`, mimeType: 'image/png', buffer: await png() }, alt, 'Photo: Desk');
    await expect(page.getByRole('status')).toContainText('Uploaded');
    const item = card(page, alt);
    await expect(item).toBeVisible();
    await expect(item).toContainText('64 × 48 px');
    await expect(item).toContainText('Photo: Desk');
    await expect(item).toContainText('No stories');
    // The thumbnail really loaded through next/image.
    await expect.poll(() => item.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

    const address = await mediaUrlOf(page, alt);
    expect(address).toMatch(/^\/media\/[0-9a-f]{32}\.webp$/);
    const served = await page.request.get(address);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/webp');
    expect(served.headers()['cache-control']).toContain('immutable');
    expect((await served.body()).subarray(8, 12).toString('latin1')).toBe('WEBP');
    expect((await page.request.get('/media/..%2f..%2fpackage.json')).status()).toBe(404);
    expect((await page.request.get(`/media/${'0'.repeat(32)}.webp`)).status()).toBe(404);
  });

  test('a disguised file is refused with an alert, and the alt text typed is kept', async ({ page }) => {
    const alt = `Not really a photo ${unique()}`;
    await upload(page, { name: `notes-${unique()}.jpg`, mimeType: 'image/jpeg', buffer: Buffer.from('meeting notes, definitely not a JPEG') }, alt);
    await expect(uploadForm(page).getByRole('alert')).toContainText('is not an image we can use');
    await expect(uploadForm(page).getByLabel('Alt text')).toHaveValue(alt);
    await expect(card(page, alt)).toHaveCount(0);

    // A real PNG with a .gif name is refused too: the bytes decide, not the name.
    await upload(page, { name: `chart-${unique()}.gif`, mimeType: 'image/gif', buffer: await png() }, alt);
    await expect(uploadForm(page).getByRole('alert')).toContainText('is really a PNG image');
    await expect(uploadForm(page).getByLabel('Alt text')).toHaveValue(alt);
  });

  test('an image a story uses cannot be deleted; an unused one can, and its address then answers 404', async ({ page }) => {
    await page.getByRole('searchbox', { name: 'Search images' }).fill(lead.hero.alt.slice(0, 40));
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const used = card(page, lead.hero.alt);
    await used.getByRole('button', { name: 'Delete' }).click();
    await expect(used.getByRole('alert')).toContainText('used by 1 story');
    await expect(used).toBeVisible();

    await page.goto('/dashboard/media');
    const alt = `A passing cloud ${unique()}`;
    await upload(page, { name: `cloud-${unique()}.png`, mimeType: 'image/png', buffer: await png(30, 30) }, alt);
    await expect(card(page, alt)).toBeVisible();
    const address = await mediaUrlOf(page, alt);
    await card(page, alt).getByRole('button', { name: 'Delete' }).click();
    await expect(card(page, alt)).toHaveCount(0);
    expect((await page.request.get(address)).status()).toBe(404);
  });

  test('alt text and credit can be edited', async ({ page }) => {
    const alt = `A bicycle by a wall ${unique()}`;
    await upload(page, { name: `bike-${unique()}.png`, mimeType: 'image/png', buffer: await png() }, alt);
    await card(page, alt).getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Edit image' })).toBeVisible();
    const better = `A red bicycle leaning on a brick wall ${unique()}`;
    // By role, not label: Next keeps the library page it came from in the DOM, hidden, with its own "Alt text".
    await page.getByRole('textbox', { name: 'Alt text' }).fill(better);
    await page.getByRole('textbox', { name: 'Credit' }).fill('Photo: Jo');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('status')).toContainText('Saved');
    await page.goto('/dashboard/media');
    await expect(card(page, better)).toContainText('Photo: Jo');
  });

  test('the library and an image’s page pass axe, in light and dark', async ({ page }) => {
    await expect(page.getByRole('heading', { level: 1, name: 'Media' })).toBeVisible();
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await card(page, lead.hero.alt).getByRole('link', { name: 'Edit' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Edit image' })).toBeVisible();
    await expectAccessible(page);
  });
});

test.describe('the media library without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  // Only the outcome that survives a full page load is checked here. With Cache Components the page
  // after a no-JavaScript post is resumed from its static shell, and React cannot hand the action's
  // result (message, typed values) to a resumed render: that part needs JavaScript for now.
  test('uploads through the plain form', async ({ page }) => {
    await signInAs(page, 'editor', '/dashboard/media');
    const alt = `A plain-form upload ${unique()}`;
    await upload(page, { name: `plain-${unique()}.png`, mimeType: 'image/png', buffer: await png() }, alt);
    await expect(card(page, alt)).toBeVisible();
    await expect(card(page, alt)).toContainText('64 × 48 px');
  });
});
