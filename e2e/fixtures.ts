import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { demoStories, type DemoStory } from '../db/seed/stories';
import { slugify } from '../lib/slug';

export { demoStories, slugify };
export type { DemoStory };

/** The demo magazine's lead story: the newest one, first in the seed. */
export const lead = demoStories[0]!;

/** A demo story's paragraphs (its string blocks), as readers should see them. */
export const paragraphsOf = (story: DemoStory) => story.body.filter((block): block is string => typeof block === 'string');

/** The demo stories of one section, newest first, as the site lists them. */
export const storiesIn = (section: DemoStory['section']) =>
  demoStories.filter((story) => story.section === section).sort((a, b) => a.publishedHoursAgo - b.publishedHoursAgo);

/** Demo stories in the order the site lists them: newest first. */
export const newestFirst = () => [...demoStories].sort((a, b) => a.publishedHoursAgo - b.publishedHoursAgo);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** HTML text with its character references decoded, so it compares with the plain text it was made from. */
export function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Runs axe on the page as it is now and fails with a readable list of every violation. */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const report = violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => `    - ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = violation.nodes.length > 5 ? `\n    … and ${violation.nodes.length - 5} more` : '';
      return `[${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes}${more}`;
    })
    .join('\n\n');
  expect(violations.length, `axe found violations on ${page.url()}:\n\n${report}`).toBe(0);
}

type StaffRole = 'admin' | 'editor' | 'author' | 'contributor';
const sessions = new Map<StaffRole, Awaited<ReturnType<import('@playwright/test').BrowserContext['cookies']>>>();

/**
 * Signs in as one of the demo staff (their password is fixed for e2e runs): through the real form the
 * first time in a worker, then by reusing that session's cookie, as a returning browser would.
 */
export async function signInAs(page: import('@playwright/test').Page, role: StaffRole, next = '/dashboard') {
  const saved = sessions.get(role);
  if (saved) {
    await page.context().addCookies(saved);
    await page.goto(next);
    return;
  }
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(`${role}@masthead.example`);
  await page.getByLabel('Password').fill('e2e-demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  sessions.set(role, (await page.context().cookies()).filter((cookie) => cookie.name.includes('session-token')));
}

/** A short unique suffix for names and emails made by a test. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const octet = () => Math.floor(Math.random() * 254) + 1;

export interface Person {
  context: import('@playwright/test').BrowserContext;
  page: Page;
  name: string;
  email: string;
  password: string;
}

/**
 * Someone new in a browser of their own, with their own address: comment and sign-up limits count per
 * person and per address, so tests running side by side do not spend each other's budgets (the app takes
 * the client's address from X-Forwarded-For, as it would behind a reverse proxy). A reader signs up
 * through /signup; other roles are created by the admin on the People page (staff start trusted).
 */
export async function newPerson(
  browser: import('@playwright/test').Browser,
  { role = 'reader', name, javaScript = true }: { role?: 'reader' | StaffRole; name?: string; javaScript?: boolean } = {},
): Promise<Person> {
  const id = unique();
  const person = { name: name ?? `Reader ${id}`, email: `person-${id}@example.com`, password: `long-enough-${id}` };
  const context = await browser.newContext({
    javaScriptEnabled: javaScript,
    extraHTTPHeaders: { 'x-forwarded-for': `10.${octet()}.${octet()}.${octet()}` },
  });
  const page = await context.newPage();
  if (role === 'reader') {
    await page.goto('/signup');
    await page.getByLabel('Name').fill(person.name);
    await page.getByLabel('Email').fill(person.email);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/signup'));
    return { context, page, ...person };
  }
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signInAs(adminPage, 'admin', '/dashboard/users');
  const form = adminPage.getByRole('form', { name: 'New staff account' });
  await form.getByLabel('Name').fill(person.name);
  await form.getByLabel('Email').fill(person.email);
  await form.getByLabel('Role').selectOption(role);
  await form.getByLabel('Password').fill(person.password);
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(form.getByRole('status')).toContainText(`Account created for ${person.name}`);
  await admin.close();
  await page.goto('/login?next=/');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return { context, page, ...person };
}
