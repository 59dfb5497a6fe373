import { describe, expect, it } from 'vitest';
import { editorLinkHref } from './link-href';
import { countWords } from './word-count';

describe('editorLinkHref', () => {
  it('keeps web, mail and site addresses', () => {
    expect(editorLinkHref('https://example.com/a?b=c')).toBe('https://example.com/a?b=c');
    expect(editorLinkHref('http://example.com')).toBe('http://example.com/');
    expect(editorLinkHref('mailto:desk@example.com')).toBe('mailto:desk@example.com');
    expect(editorLinkHref('/sections/music')).toBe('/sections/music');
  });

  it('completes what people usually type', () => {
    expect(editorLinkHref(' example.com/path ')).toBe('https://example.com/path');
    expect(editorLinkHref('www.example.org')).toBe('https://www.example.org/');
    expect(editorLinkHref('desk@example.com')).toBe('mailto:desk@example.com');
  });

  it('refuses scripts, data, other schemes and nonsense', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,hi', 'ftp://example.com', '//evil.example', 'not a link', '', 'vbscript:x']) {
      expect(editorLinkHref(bad), bad).toBeNull();
    }
  });
});

describe('countWords', () => {
  it('counts words with letters or digits, not stray punctuation', () => {
    expect(countWords('One two — three 4\n\nfive!')).toBe(5);
    expect(countWords('   ')).toBe(0);
  });
});
