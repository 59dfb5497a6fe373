import { expect, test, type Page } from '@playwright/test';
import { decodeEntities, demoStories, expectAccessible, lead, newestFirst, paragraphsOf, signInAs, slugify, storiesIn } from './fixtures';

// Every test here only reads: they share the run's freshly seeded demo magazine.

const LEAD_URL = `/articles/${lead.slug}`;
const LEAD_SECTION = lead.section[0]!.toUpperCase() + lead.section.slice(1);
const NOT_FOUND = 'We couldn’t find that page';

/** An HTML document's markup without its scripts, character references decoded: what a reader without JavaScript gets. */
const withoutScripts = (html: string) => decodeEntities(html.replace(/<script\b[\s\S]*?<\/script>/g, ''));

/** Headline links of a listing page (section, tag, author): the h2 links inside main. */
const headlines = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 }).getByRole('link');

test.describe('the front page', () => {
  test('leads with the newest story, and its headline opens the article', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(/Masthead/);
    const leadStory = page.getByRole('region', { name: 'Lead story' });
    const headline = leadStory.getByRole('heading', { level: 2, name: lead.title });
    await expect(headline).toBeVisible();
    await expect(leadStory.getByText(lead.dek)).toBeVisible();
    await headline.getByRole('link').click();
    await expect(page).toHaveURL(LEAD_URL);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lead.title);
  });

  test('lists the latest stories after the lead, and a rail per section', async ({ page }) => {
    await page.goto('/');
    const latest = page.getByRole('region', { name: 'Latest' }).getByRole('heading', { level: 3 });
    await expect(latest.first()).toBeVisible();
    // However many the front page shows, they are the next newest after the lead, in order.
    const shown = await latest.count();
    await expect(latest).toHaveText(newestFirst().slice(1, 1 + shown).map((story) => story.title));
    for (const name of ['Music', 'Screen', 'Culture', 'Style']) {
      await expect(page.getByRole('main').getByRole('link', { name: `More ${name}` })).toHaveAttribute('href', `/sections/${name.toLowerCase()}`);
    }
  });
});

test.describe('the article page', () => {
  test('shows the whole lead story with its byline, date, section, tags, picture and what to read next', async ({ page }) => {
    const response = await page.goto(LEAD_URL);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(`${lead.title} — Masthead`);

    const story = page.getByRole('main').getByRole('article').first();
    await expect(story.getByRole('heading', { level: 1 })).toHaveText(lead.title);
    await expect(story.getByText(lead.dek, { exact: true })).toBeVisible();

    const byline = story.locator('header a[href^="/authors/"]');
    await expect(byline).toHaveCount(lead.authors.length);
    await expect(byline.first()).toHaveAttribute('href', /^\/authors\/[a-z0-9]+(?:-[a-z0-9]+)*$/);
    await expect(story.locator('header')).toContainText(/By \S+/);

    const date = story.locator('header time');
    await expect(date).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    const iso = await date.getAttribute('datetime');
    expect(Number.isNaN(Date.parse(iso ?? ''))).toBe(false);
    // Seeded a few hours before this run started.
    expect(Date.now() - Date.parse(iso!)).toBeGreaterThan((lead.publishedHoursAgo - 1) * 3_600_000);
    expect(Date.now() - Date.parse(iso!)).toBeLessThan((lead.publishedHoursAgo + 1) * 3_600_000);

    await expect(story.locator('header').getByRole('link', { name: LEAD_SECTION, exact: true })).toHaveAttribute('href', `/sections/${lead.section}`);

    const tags = story.getByRole('list', { name: 'Tags' }).getByRole('link');
    await expect(tags).toHaveCount(lead.tags.length);
    for (const tag of lead.tags) {
      await expect(tags.filter({ hasText: new RegExp(`^${tag}$`) })).toHaveAttribute('href', `/tags/${slugify(tag)}`);
    }

    const hero = story.locator('figure').first().getByRole('img');
    await expect(hero).toHaveAttribute('alt', lead.hero.alt);
    expect(lead.hero.alt.trim().length).toBeGreaterThan(0);
    await expect.poll(() => hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

    // Every paragraph of the seed, in order, and nothing added after the last one.
    const body = story.locator('.article-body > p');
    await expect(body).toHaveText(paragraphsOf(lead));
    await expect(body.last()).toHaveText('Amen, Kendall!');
    const pullQuote = lead.body.find((block) => typeof block === 'object' && 'pullQuote' in block) as { pullQuote: string } | undefined;
    if (pullQuote) await expect(story.locator('.article-body aside')).toHaveText(pullQuote.pullQuote);

    const readNext = page.getByRole('complementary', { name: 'Read next' });
    const related = readNext.getByRole('heading', { level: 3 }).getByRole('link');
    await expect(related).toHaveCount(3);
    for (const href of await related.evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
      expect(href).toMatch(/^\/articles\/[a-z0-9-]+$/);
      expect(href).not.toBe(LEAD_URL);
    }
  });

  test('its raw HTML carries every paragraph and the NewsArticle JSON-LD, with no JavaScript run', async ({ request, baseURL }) => {
    const response = await request.get(LEAD_URL);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/html');
    const html = await response.text();
    // The text must be in the markup itself, not only in the React payload that scripts carry.
    const text = withoutScripts(html);
    for (const paragraph of paragraphsOf(lead)) expect(text).toContain(paragraph);
    // The comparison above decodes entities; React writes text quotes as &quot; and &#x27;.
    expect(html).toContain('&quot;Basically it&#x27;s a new effort');

    const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!));
    const article = scripts.find((data) => data['@type'] === 'NewsArticle');
    expect(article, 'a NewsArticle JSON-LD block').toBeTruthy();
    expect(article).toMatchObject({
      '@context': 'https://schema.org',
      headline: lead.title,
      description: lead.dek,
      mainEntityOfPage: `${baseURL}${LEAD_URL}`,
      articleSection: LEAD_SECTION,
    });
    expect(article.author.length).toBe(lead.authors.length);
    expect(article.author[0]).toMatchObject({ '@type': 'Person' });
    expect(Number.isNaN(Date.parse(article.datePublished))).toBe(false);
  });
});

test.describe('nothing to download but the page', () => {
  // The article last: its JSON-LD is checked after the loop.
  const readingPages = ['/', `/sections/${lead.section}`, '/search?q=music', '/articles/no-such-story', LEAD_URL];

  test('an anonymous reader is sent no script at all, only the JSON-LD data', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    for (const path of readingPages) {
      const response = await page.goto(path);
      expect(response?.headers()['x-masthead-reading'], 'the internal mark stays inside').toBeUndefined();
      await expect(page.getByRole('main')).toBeVisible();
      await expect(page.locator('script:not([type="application/ld+json"])'), path).toHaveCount(0);
    }
    await expect(page.locator('script[type="application/ld+json"]')).not.toHaveCount(0);
    expect(scripts).toEqual([]);
  });

  test('signed-in people get the app, whose forms answer in place', async ({ page }) => {
    let scripts = 0;
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts++;
    });
    await signInAs(page, 'author', LEAD_URL);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lead.title);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    expect(scripts).toBeGreaterThan(0);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a reader follows links from the front page to a story, its section and its author', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('region', { name: 'Lead story' }).getByRole('link', { name: lead.title }).click();
    await expect(page).toHaveURL(LEAD_URL);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lead.title);
    await expect(page.locator('.article-body > p')).toHaveText(paragraphsOf(lead));

    await page.locator('article header').getByRole('link', { name: LEAD_SECTION, exact: true }).click();
    await expect(page).toHaveURL(`/sections/${lead.section}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(LEAD_SECTION);
    await expect(headlines(page)).toHaveText(storiesIn(lead.section).map((story) => story.title));

    await page.goto(LEAD_URL);
    const author = page.locator('article header a[href^="/authors/"]').first();
    const name = (await author.textContent())!.trim();
    await author.click();
    await expect(page).toHaveURL(/\/authors\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(headlines(page).filter({ hasText: lead.title })).toHaveCount(1);

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Latest' }).click();
    await expect(page).toHaveURL('/');
    await page.getByRole('link', { name: /Older stories/ }).click();
    await expect(page).toHaveURL('/?page=2');
  });

  test('search works as a plain form', async ({ page }) => {
    await page.goto('/search');
    await page.getByRole('searchbox', { name: 'Search' }).fill('"Postal Service"');
    await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
    await expect(page).toHaveURL(/\/search\?q=%22Postal\+Service%22$/);
    // No script runs: what the server sent is all there is, so there is nothing to wait for.
    await expect(page.getByRole('region', { name: 'Search results' }).getByRole('link', { name: lead.title })).toBeVisible({ timeout: 1_000 });
  });
});

test.describe('section, tag and author pages', () => {
  test('a section lists exactly its own stories, newest first, linking to them', async ({ page }) => {
    const response = await page.goto('/sections/music');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Music');
    const music = storiesIn('music');
    await expect(headlines(page)).toHaveText(music.map((story) => story.title));
    await expect(page.getByRole('main')).toContainText(`${music.length} stories`);
    await expect(page.getByRole('main').getByRole('link', { name: 'RSS feed' })).toHaveAttribute('href', '/sections/music/feed.xml');
    const second = music[1]!;
    await headlines(page).filter({ hasText: second.title }).click();
    await expect(page).toHaveURL(`/articles/${second.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(second.title);
  });

  test('a tag lists exactly the stories carrying it', async ({ page }) => {
    await page.goto(LEAD_URL);
    await page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: 'Interviews', exact: true }).click();
    await expect(page).toHaveURL('/tags/interviews');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Interviews');
    const tagged = newestFirst().filter((story) => story.tags.includes('Interviews'));
    expect(tagged.length).toBeGreaterThan(1);
    await expect(headlines(page)).toHaveText(tagged.map((story) => story.title));
    await headlines(page).first().click();
    await expect(page).toHaveURL(`/articles/${tagged[0]!.slug}`);
  });

  test('an author page lists every story in their byline', async ({ page }) => {
    await page.goto(LEAD_URL);
    const author = page.locator('article header a[href^="/authors/"]').first();
    const name = (await author.textContent())!.trim();
    await author.click();
    await expect(page).toHaveURL(/^[^?]*\/authors\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    const bylined = newestFirst().filter((story) => story.authors.includes(lead.authors[0]!));
    await expect(headlines(page)).toHaveText(bylined.map((story) => story.title));
    await headlines(page).last().click();
    await expect(page).toHaveURL(`/articles/${bylined.at(-1)!.slug}`);
  });

  test('unknown sections, tags and authors answer 404', async ({ request }) => {
    for (const path of ['/sections/nope', '/tags/no-such-tag', '/authors/nobody-here', '/sections/music?page=2']) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
  });
});

test.describe('pagination', () => {
  test('a page number that is not a positive number shows the first page', async ({ request }) => {
    for (const query of ['?page=abc', '?page=-1', '?page=0', '?page=1.5']) {
      const response = await request.get(`/${query}`);
      expect(response.status(), query).toBe(200);
      expect(withoutScripts(await response.text()), query).toContain(lead.title);
    }
  });

  test('a page past the end answers 404', async ({ request }) => {
    expect((await request.get('/?page=99999')).status()).toBe(404);
    expect((await request.get('/?page=3')).status()).toBe(404);
  });

  test('"Older stories" leads to page 2, which continues where the front page stopped', async ({ page }) => {
    await page.goto('/');
    const onFront = 1 + (await page.getByRole('region', { name: 'Latest' }).getByRole('heading', { level: 3 }).count());
    expect(onFront).toBeGreaterThan(1);
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    await expect(pagination).toContainText('Page 1 of 2');
    const older = pagination.getByRole('link', { name: /Older stories/ });
    await expect(older).toHaveAttribute('href', '/?page=2');
    await older.click();
    await expect(page).toHaveURL('/?page=2');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest stories, page 2');
    // The demo's 15 stories fit on two pages: page 2 holds all the rest.
    await expect(page.getByRole('main').getByRole('heading', { level: 3 })).toHaveText(newestFirst().slice(onFront).map((story) => story.title));
    await expect(page.getByRole('region', { name: 'Lead story' })).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /Newer stories/ })).toHaveAttribute('href', '/');
    await expect(page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: /Older stories/ })).toHaveCount(0);
  });
});

test.describe('search', () => {
  const searchFor = async (page: Page, query: string) => {
    await page.goto('/search');
    const box = page.getByRole('searchbox', { name: 'Search' });
    await box.fill(query);
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=/);
  };

  test('an exact phrase finds the lead story with the matched words marked', async ({ page }) => {
    await searchFor(page, '"Postal Service"');
    const results = page.getByRole('region', { name: 'Search results' });
    await expect(results.getByRole('status')).toContainText('1 story matches');
    const hit = results.getByRole('listitem').filter({ has: page.getByRole('link', { name: lead.title }) });
    await expect(hit).toHaveCount(1);
    await expect(hit.locator('mark')).toHaveText(['Postal', 'Service']);
    await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('"Postal Service"');
    await hit.getByRole('link', { name: lead.title }).click();
    await expect(page).toHaveURL(LEAD_URL);
  });

  test('a result shows its whole headline and dek', async ({ page }) => {
    await page.goto('/search?q=%22Postal+Service%22');
    const hit = page.getByRole('region', { name: 'Search results' }).getByRole('listitem').first();
    await expect(hit.getByRole('heading', { level: 2 })).toHaveText(lead.title);
    // The lead's dek has no match for this query: it is shown whole, unmarked.
    await expect(hit.getByText(lead.dek, { exact: true })).toBeVisible({ timeout: 2_000 });
  });

  test('a minus leaves out the stories containing that word', async ({ page }) => {
    // "guitar" is in the lead story and in one other; "Heffron" only in the lead.
    await searchFor(page, 'guitar');
    const links = page.getByRole('region', { name: 'Search results' }).getByRole('heading').getByRole('link');
    await expect(links.filter({ hasText: lead.title })).toHaveCount(1);
    const withGuitar = await links.count();
    expect(withGuitar).toBeGreaterThan(1);

    await searchFor(page, 'guitar -Heffron');
    await expect(links).toHaveCount(withGuitar - 1);
    await expect(links.filter({ hasText: lead.title })).toHaveCount(0);
  });

  test('a search that matches nothing says so', async ({ page }) => {
    await searchFor(page, 'xylophonequartz');
    await expect(page.getByRole('main').getByRole('status')).toContainText('No stories match xylophonequartz');
    await expect(page.getByRole('region', { name: 'Search results' })).toHaveCount(0);
  });

  test('an empty search explains how to search', async ({ page }) => {
    await page.goto('/search?q=');
    await expect(page.getByRole('main')).toContainText('Type a few words to search every story');
    await page.goto('/search');
    await expect(page.getByRole('main')).toContainText('Type a few words to search every story');
    await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  });

  test('a very long query gets a clear message, not an error', async ({ page, request }) => {
    const query = 'heffron '.repeat(250).slice(0, 2000);
    const response = await request.get(`/search?q=${encodeURIComponent(query)}`);
    expect(response.status()).toBe(200);
    await page.goto(`/search?q=${encodeURIComponent(query)}`);
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(/at most \d+ characters/);
  });

  test('a query of punctuation only gets a clear message, not an error', async ({ page, request }) => {
    const response = await request.get(`/search?q=${encodeURIComponent('!!! ???')}`);
    expect(response.status()).toBe(200);
    await searchFor(page, '!!! ???');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Search for some words');
  });

  test('odd syntax never breaks the search', async ({ request }) => {
    for (const query of ['"', '-', 'or', '"unclosed phrase', '-- --', '& | ! :*', "'; drop table articles; --", '\\', '<script>alert(1)</script>']) {
      const response = await request.get(`/search?q=${encodeURIComponent(query)}`);
      expect(response.status(), query).toBe(200);
      // The query is echoed back as text, never as markup.
      expect(await response.text(), query).not.toContain('<script>alert(1)');
    }
  });
});

test.describe('feeds, sitemap, robots and health', () => {
  const items = (xml: string) => [...xml.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((match) => match[1]!);
  const linkOf = (item: string) => decodeEntities(/<link>([\s\S]*?)<\/link>/.exec(item)?.[1] ?? '');

  test('/feed.xml is RSS 2.0 with every story', async ({ request, baseURL }) => {
    const response = await request.get('/feed.xml');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('xml');
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1.0"/);
    expect(xml).toMatch(/<rss [^>]*version="2.0"/);
    expect(xml).toContain('<channel>');
    const all = items(xml);
    expect(all.length).toBeGreaterThanOrEqual(demoStories.length);
    expect(decodeEntities(all[0]!)).toContain(lead.title);
    expect(linkOf(all[0]!)).toBe(`${baseURL}${LEAD_URL}`);
  });

  test('a section feed lists only that section’s stories', async ({ request, baseURL }) => {
    const response = await request.get('/sections/music/feed.xml');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('xml');
    const links = items(await response.text()).map(linkOf);
    expect(links).toEqual(storiesIn('music').map((story) => `${baseURL}/articles/${story.slug}`));
  });

  test('an unknown section has no feed', async ({ request }) => {
    expect((await request.get('/sections/nope/feed.xml')).status()).toBe(404);
  });

  test('the sitemap lists the stories and robots.txt points to it', async ({ request, baseURL }) => {
    const sitemap = await request.get('/sitemap.xml');
    expect(sitemap.status()).toBe(200);
    expect(sitemap.headers()['content-type']).toContain('xml');
    const xml = await sitemap.text();
    expect(xml).toContain('<urlset');
    for (const story of demoStories) expect(xml).toContain(`<loc>${baseURL}/articles/${story.slug}</loc>`);
    expect(xml).toContain(`<loc>${baseURL}/sections/music</loc>`);

    const robots = await request.get('/robots.txt');
    expect(robots.status()).toBe(200);
    expect(await robots.text()).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  });

  test('/api/health says ok', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

test.describe('not found', () => {
  const unknownSlug = '/articles/no-such-story';
  for (const path of [unknownSlug, '/nope']) {
    test(`${path} answers 404 with the magazine's own page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(NOT_FOUND);
      await expect(page.getByRole('banner').first().getByRole('link', { name: 'Masthead' })).toBeVisible();
      await expect(page.getByRole('banner').first().getByRole('link', { name: 'Search' })).toBeVisible();
      await expect(page.getByRole('main').first().getByRole('link', { name: 'Go to the front page' })).toHaveAttribute('href', '/');
      await expect(page.locator('meta[name="robots"][content*="noindex"]').first()).toBeAttached();
    });

    test(`${path} has the site's frame once: one header, one main, one footer`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(NOT_FOUND);
      // Counted once the page has rendered.
      expect(await page.getByRole('banner').count()).toBe(1);
      expect(await page.getByRole('main').count()).toBe(1);
      expect(await page.getByRole('contentinfo').count()).toBe(1);
    });

    test(`${path} 404 page is in the HTML, for readers without JavaScript`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(404);
      const html = withoutScripts(await response.text());
      expect(html.includes(NOT_FOUND), 'the 404 message is in the HTML itself, not only in the script payload').toBe(true);
      expect(/<header[\s>]/.test(html), 'the site header is in the HTML').toBe(true);
    });

    test(`${path} 404 page's header lists the sections`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(NOT_FOUND);
      const links = page.getByRole('navigation', { name: 'Sections' }).first().getByRole('link');
      const hrefs = await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')));
      // Sections other specs create meanwhile come after the demo ones.
      expect(hrefs.slice(0, 5)).toEqual(['/', ...['music', 'screen', 'culture', 'style'].map((slug) => `/sections/${slug}`)]);
    });
  }
});

test('responses carry the security headers', async ({ request }) => {
  for (const path of ['/', LEAD_URL, '/search?q=tour', '/feed.xml', '/nope']) {
    const headers = (await request.get(path)).headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['content-security-policy'], path).toContain("object-src 'none'");
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBeTruthy();
  }
});

test('Tab from the top reaches "Skip to content" first, and it jumps to the main content', async ({ page }) => {
  await page.goto(LEAD_URL);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  // Hidden until focused, then shown on top of the page.
  expect((await skip.boundingBox())!.width).toBeGreaterThan(20);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${LEAD_URL}#main`);
  // Focus (or the sequential focus starting point) is now in main: the next Tab lands inside it, past the header.
  await page.keyboard.press('Tab');
  const insideMain = await page.evaluate(() => {
    const main = document.getElementById('main');
    return !!main && main.contains(document.activeElement) && document.activeElement !== document.body;
  });
  expect(insideMain).toBe(true);
  await expect(page.getByRole('main').getByRole('link', { name: LEAD_SECTION, exact: true }).first()).toBeFocused();
});

test.describe('accessibility (axe, WCAG 2.1 AA + best practice)', () => {
  const pages: Array<{ name: string; path: string; status?: number; dark?: boolean }> = [
    { name: 'home', path: '/', dark: true },
    { name: 'home page 2', path: '/?page=2' },
    { name: 'article', path: LEAD_URL, dark: true },
    { name: 'section', path: '/sections/music', dark: true },
    { name: 'tag', path: '/tags/interviews' },
    { name: 'author', path: '/authors/jonah-reyes' },
    { name: 'search (empty)', path: '/search' },
    { name: 'search (results)', path: '/search?q=%22Postal+Service%22', dark: true },
    { name: 'search (no results)', path: '/search?q=xylophonequartz' },
    { name: 'search (invalid query)', path: '/search?q=%21%21%21' },
    { name: '404 (unknown URL)', path: '/nope', status: 404, dark: true },
    { name: '404 (unknown story)', path: '/articles/no-such-story', status: 404, dark: true },
  ];
  for (const { name, path, status = 200, dark } of pages) {
    test(`${name} has no violations`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(status);
      // Checked once rendered: a page drawn by script (the 404 of an unknown story) starts out empty.
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expectAccessible(page);
    });
    if (!dark) continue;
    test(`${name} has no violations in dark mode`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(path);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      // The page really is dark (contrast is then checked against the dark palette).
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const [r = 255, g = 255, b = 255] = background.match(/\d+/g)!.map(Number);
      expect(r + g + b, background).toBeLessThan(150);
      await expectAccessible(page);
    });
  }
});
