import { describe, expect, it } from 'vitest';
import { DESCRIPTION_LIMIT, searchPreview, TITLE_LIMIT, truncateForSearch } from './search-preview';

const story = {
  siteName: 'Masthead',
  siteUrl: 'https://masthead.example',
  slug: 'night-bus',
  title: 'The night bus',
  seoTitle: '',
  dek: 'A ride across the city after midnight.',
  seoDescription: '',
  bodyText: 'It was late. The driver hummed.',
};

describe('truncateForSearch', () => {
  it('keeps short text as it is, spaces tidied', () => {
    expect(truncateForSearch('  A  short   line ', 60)).toBe('A short line');
  });

  it('cuts long text at a word boundary and adds an ellipsis within the limit', () => {
    const text = 'The quick brown fox jumps over the lazy dog and keeps on running through the field';
    const cut = truncateForSearch(text, 40);
    expect(cut).toBe('The quick brown fox jumps over the lazy…');
    expect(cut.length).toBeLessThanOrEqual(40);
  });

  it('cuts a single endless word mid-word rather than dropping it', () => {
    expect(truncateForSearch('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('searchPreview', () => {
  it('falls back to the title and dek like the article page does, with the site name after the title', () => {
    expect(searchPreview(story)).toEqual({
      title: 'The night bus — Masthead',
      breadcrumb: 'masthead.example › articles › night-bus',
      description: 'A ride across the city after midnight.',
      titleCut: false,
      descriptionCut: false,
    });
  });

  it('prefers the SEO fields, and the text when there is no dek', () => {
    const preview = searchPreview({ ...story, seoTitle: 'Night bus, explained', seoDescription: 'Why we ride.', dek: '' });
    expect(preview.title).toBe('Night bus, explained — Masthead');
    expect(preview.description).toBe('Why we ride.');
    expect(searchPreview({ ...story, dek: '' }).description).toBe('It was late. The driver hummed.');
  });

  it('says when Google will cut the title or description short', () => {
    const preview = searchPreview({ ...story, seoTitle: 'word '.repeat(30), seoDescription: 'more '.repeat(60) });
    expect(preview.titleCut).toBe(true);
    expect(preview.descriptionCut).toBe(true);
    expect(preview.title.length).toBeLessThanOrEqual(TITLE_LIMIT);
    expect(preview.description.length).toBeLessThanOrEqual(DESCRIPTION_LIMIT);
  });
});
