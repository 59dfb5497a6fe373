import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articles } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { blocksToDocument } from '@/db/seed/document';
import { freshDatabasePerTest } from '@/test/database';
import { documentText } from './document';
import { MATCH_END, MATCH_START, searchArticles, searchQuerySchema } from './search';

const database = freshDatabasePerTest();

async function addStory(slug: string, title: string, dek: string, body: string) {
  const doc = blocksToDocument([body]);
  await database()
    .db.insert(articles)
    .values({ slug, title, dek, bodyJson: doc, bodyText: documentText(doc), status: 'published', publishedAt: new Date('2026-01-01') });
}

const marked = (text: string) => [...text.matchAll(new RegExp(`${MATCH_START}(.*?)${MATCH_END}`, 'g'))].map((m) => m[1]);

describe('searchArticles', () => {
  it('treats control characters, NUL among them, as spaces instead of failing the query', async () => {
    expect(searchQuerySchema.parse('\u0000heffron\u0007 drive\u0000')).toBe('heffron  drive');
    expect(searchQuerySchema.parse('\u0000')).toBe('');
  });

  it('finds an exact phrase and marks the matched words', async () => {
    await seedDemo(database().db);
    const outcome = await searchArticles('"Postal Service"', 1);
    expect(outcome.kind).toBe('results');
    if (outcome.kind !== 'results') return;
    expect(outcome.hits.map((hit) => hit.slug)).toEqual(['kendall-schmidt-heffron-drive']);
    expect(marked(outcome.hits[0]!.snippet)).toEqual(['Postal', 'Service']);
  });

  it('ranks a title match above a dek match above a body match', async () => {
    await addStory('in-body', 'Evening notes', 'Something else', 'A long paragraph that mentions a theremin once.');
    await addStory('in-title', 'The theremin returns', 'Something else', 'Nothing to see here.');
    await addStory('in-dek', 'Another evening', 'Why the theremin matters', 'Nothing to see here either.');
    const outcome = await searchArticles('theremin', 1);
    expect(outcome.kind === 'results' && outcome.hits.map((hit) => hit.slug)).toEqual(['in-title', 'in-dek', 'in-body']);
  });

  it('understands -exclusions and "or"', async () => {
    await addStory('kites', 'Kites over the bay', '', 'Red kites and blue sky.');
    await addStory('boats', 'Boats in the bay', '', 'Red boats and grey sky.');
    const without = await searchArticles('bay -kites', 1);
    expect(without.kind === 'results' && without.hits.map((hit) => hit.slug)).toEqual(['boats']);
    const either = await searchArticles('kites or boats', 1);
    expect(either.kind === 'results' && either.total).toBe(2);
  });

  it('never returns unpublished stories', async () => {
    await addStory('secret', 'A secret zeppelin', '', 'Zeppelin.');
    await database().db.update(articles).set({ status: 'draft' }).where(eq(articles.slug, 'secret'));
    const outcome = await searchArticles('zeppelin', 1);
    expect(outcome.kind === 'results' && outcome.total).toBe(0);
  });

  it('pages results ten at a time', async () => {
    for (let i = 0; i < 12; i++) await addStory(`lantern-${i}`, `Lantern number ${i}`, '', 'Lanterns.');
    const second = await searchArticles('lantern', 2);
    expect(second.kind === 'results' && [second.total, second.pageCount, second.hits.length]).toEqual([12, 2, 2]);
  });

  it('answers an empty query with guidance and odd queries with a message, never an error', async () => {
    expect(await searchArticles('   ', 1)).toEqual({ kind: 'empty' });
    const punctuation = await searchArticles('!!! ???', 1);
    expect(punctuation.kind).toBe('invalid');
    const stopWords = await searchArticles('the and of', 1);
    expect(stopWords.kind).toBe('invalid');
    const long = await searchArticles('x'.repeat(2000), 1);
    expect(long).toEqual({ kind: 'invalid', message: expect.stringContaining('at most 200 characters') });
    const quotes = await searchArticles('"unbalanced (quote \' & | !', 1);
    expect(['results', 'invalid']).toContain(quotes.kind);
  });
});
