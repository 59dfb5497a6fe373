import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN, slugify, uniqueSlug } from './slug';

describe('slugify', () => {
  it('turns a headline into lowercase hyphenated words', () => {
    expect(slugify('Kendall Schmidt on Heffron Drive!')).toBe('kendall-schmidt-on-heffron-drive');
  });

  it('drops accents and apostrophes and spells out ampersands', () => {
    expect(slugify("Café Society’s Rock & Roll")).toBe('cafe-societys-rock-and-roll');
  });

  it('answers empty for text with no letters or digits', () => {
    expect(slugify('!!! ???')).toBe('');
  });

  it('keeps slugs to 80 characters without a trailing hyphen', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(SLUG_PATTERN);
  });
});

describe('uniqueSlug', () => {
  it('numbers a taken slug from 2', () => {
    expect(uniqueSlug('mixtape', new Set())).toBe('mixtape');
    expect(uniqueSlug('mixtape', new Set(['mixtape', 'mixtape-2']))).toBe('mixtape-3');
  });

  it('names an empty base "untitled"', () => {
    expect(uniqueSlug('', new Set())).toBe('untitled');
  });
});
