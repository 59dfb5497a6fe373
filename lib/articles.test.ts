import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articles } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { demoStories } from '@/db/seed/stories';
import { freshDatabasePerTest } from '@/test/database';
import { FRONT_PAGE_LATEST, getAuthorPage, getHomePage, getLatestArticles, getPublishedArticle, getRelatedArticles, getSectionPage, getTagPage } from './articles';
import { PAGE_SIZE } from './pagination';
import { getSections } from './sections';
import { getSitemapEntries } from './sitemap';

const database = freshDatabasePerTest();
const lead = demoStories[0]!;

describe('public article queries', () => {
  it('reads the lead story with its bylines, section, tags, hero and every paragraph', async () => {
    await seedDemo(database().db);
    const article = await getPublishedArticle(lead.slug);
    expect(article).not.toBeNull();
    expect(article!.title).toBe(lead.title);
    expect(article!.section).toEqual({ slug: 'music', name: 'Music' });
    expect(article!.authors).toEqual([{ name: 'Jonah Reyes', slug: 'jonah-reyes' }]);
    expect(article!.tags.map((tag) => tag.name).sort()).toEqual([...lead.tags].sort());
    expect(article!.hero).toMatchObject({ src: `/images/demo/${lead.hero.file}`, alt: lead.hero.alt, width: 1600, height: 900 });
    for (const block of lead.body) if (typeof block === 'string') expect(article!.bodyText).toContain(block);
    expect(article!.bodyText.endsWith('Amen, Kendall!')).toBe(true);
  });

  it('answers null for an unknown slug and for a story that is not published', async () => {
    await seedDemo(database().db);
    expect(await getPublishedArticle('no-such-story')).toBeNull();
    await database().db.update(articles).set({ status: 'draft' }).where(eq(articles.slug, lead.slug));
    expect(await getPublishedArticle(lead.slug)).toBeNull();
    expect((await getLatestArticles(50)).some((article) => article.slug === lead.slug)).toBe(false);
  });

  it('puts the newest story first on the front page, then the latest, then a rail per section', async () => {
    await seedDemo(database().db);
    const newestFirst = [...demoStories].sort((a, b) => a.publishedHoursAgo - b.publishedHoursAgo).map((s) => s.slug);
    const first = await getHomePage(1);
    expect(first!.lead!.slug).toBe(lead.slug);
    expect(first!.latest.total).toBe(demoStories.length);
    expect(first!.latest.items.map((a) => a.slug)).toEqual(newestFirst.slice(1, FRONT_PAGE_LATEST + 1));
    expect(first!.rails.map((rail) => rail.section.slug)).toEqual(expect.arrayContaining(['music', 'screen', 'culture', 'style']));
    const shownOnTop = new Set([first!.lead!.id, ...first!.latest.items.map((a) => a.id)]);
    for (const rail of first!.rails) for (const story of rail.articles) expect(shownOnTop.has(story.id)).toBe(false);
    for (const rail of first!.rails) expect(rail.articles.every((a) => a.section?.slug === rail.section.slug)).toBe(true);
  });

  it('continues the archive on page 2 exactly where the front page stopped', async () => {
    await seedDemo(database().db);
    const newestFirst = [...demoStories].sort((a, b) => a.publishedHoursAgo - b.publishedHoursAgo).map((s) => s.slug);
    const second = await getHomePage(2);
    expect(second!.latest.items.map((a) => a.slug)).toEqual(newestFirst.slice(FRONT_PAGE_LATEST + 1, FRONT_PAGE_LATEST + 1 + PAGE_SIZE));
    expect(second!.latest.pageCount).toBe(2);
    expect(await getHomePage(3)).toBeNull();
  });

  it('lists a section, a tag and an author newest first, and answers null past the last page', async () => {
    await seedDemo(database().db);
    const music = await getSectionPage('music', 1);
    const expected = demoStories.filter((s) => s.section === 'music').sort((a, b) => a.publishedHoursAgo - b.publishedHoursAgo);
    expect(music!.articles.items.map((a) => a.slug)).toEqual(expected.map((s) => s.slug));
    expect(await getSectionPage('music', 2)).toBeNull();
    expect(await getSectionPage('no-such-section', 1)).toBeNull();

    const interviews = await getTagPage('interviews', 1);
    expect(interviews!.articles.items.map((a) => a.slug).sort()).toEqual(
      demoStories.filter((s) => s.tags.includes('Interviews')).map((s) => s.slug).sort(),
    );
    expect(await getTagPage('no-such-tag', 1)).toBeNull();

    const jonah = await getAuthorPage('jonah-reyes', 1);
    expect(jonah!.subject.name).toBe('Jonah Reyes');
    expect(jonah!.articles.total).toBe(demoStories.filter((s) => s.authors.includes('author')).length);
  });

  it('suggests related stories that share tags, never the story itself', async () => {
    await seedDemo(database().db);
    const article = (await getPublishedArticle(lead.slug))!;
    const related = await getRelatedArticles(article.id, 'music');
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(3);
    expect(related.some((story) => story.id === article.id)).toBe(false);
    const sharing = demoStories.filter((s) => s.slug !== lead.slug && s.tags.some((t) => lead.tags.includes(t))).map((s) => s.slug);
    expect(sharing).toContain(related[0]!.slug);
  });

  it('gives the navigation its sections in order and the sitemap every public URL', async () => {
    await seedDemo(database().db);
    expect((await getSections()).map((s) => s.slug)).toEqual(['music', 'screen', 'culture', 'style']);
    const sitemap = await getSitemapEntries();
    expect(sitemap.articles.map((a) => a.slug).sort()).toEqual(demoStories.map((s) => s.slug).sort());
    expect(sitemap.authors.sort()).toEqual(['alex-marlow', 'jonah-reyes', 'maya-okafor', 'priya-sandhu']);
    expect(sitemap.tags).toContain('interviews');
  });
});
