import { describe, expect, it } from 'vitest';
import { characterCount, commentParagraphs, countLinks, findLinks, listedWordsIn, normalizeCommentText } from './comment-text';

describe('normalizeCommentText', () => {
  it('trims, unifies line endings and drops control characters, keeping everything else as typed', () => {
    expect(normalizeCommentText('  \r\nHello\r\n\r\n<b>world</b>\u0000\u0007 \t\n ')).toBe('Hello\n\n<b>world</b>');
    expect(normalizeCommentText(' \n\t ')).toBe('');
  });

  it('counts characters as people do', () => {
    expect(characterCount('👍🏽 ok')).toBe(5);
    expect(characterCount('é')).toBe(1);
  });
});

describe('commentParagraphs', () => {
  it('splits at blank lines and keeps single line breaks inside a paragraph', () => {
    expect(commentParagraphs('First line\nsecond line\n\n\n  Second paragraph  \n \nThird')).toEqual([
      [{ text: 'First line\nsecond line' }],
      [{ text: 'Second paragraph' }],
      [{ text: 'Third' }],
    ]);
  });

  it('turns http(s) addresses into link segments and leaves sentence punctuation outside them', () => {
    expect(commentParagraphs('See https://example.com/a?b=1&c=2, and (http://example.org/x).')).toEqual([
      [
        { text: 'See ' },
        { href: 'https://example.com/a?b=1&c=2', text: 'https://example.com/a?b=1&c=2' },
        { text: ', and (' },
        { href: 'http://example.org/x', text: 'http://example.org/x' },
        { text: ').' },
      ],
    ]);
  });

  it('keeps balanced brackets that belong to the address', () => {
    const [[, link]] = commentParagraphs('Read https://en.wikipedia.org/wiki/Bowie_(album)!') as [[unknown, { href: string; text: string }]];
    expect(link).toEqual({ href: 'https://en.wikipedia.org/wiki/Bowie_(album)', text: 'https://en.wikipedia.org/wiki/Bowie_(album)' });
  });

  it('never links other schemes, bare domains or addresses glued to a word, and produces no HTML', () => {
    const typed = 'javascript:alert(1) data:text/html,<script>alert(1)</script> example.com xhttps://evil.example ftp://x.org "><img src=x onerror=alert(1)>';
    expect(commentParagraphs(typed)).toEqual([[{ text: typed }]]);
  });

  it('links an address whose quotes would break out of an attribute only up to the quote', () => {
    const segments = commentParagraphs('https://example.com/"onmouseover="alert(1)')[0]!;
    expect(segments[0]).toEqual({ href: 'https://example.com/', text: 'https://example.com/' });
    expect(segments.slice(1)).toEqual([{ text: '"onmouseover="alert(1)' }]);
  });

  it('encodes what the browser would, so the href is a clean URL', () => {
    expect(findLinks('https://example.com/caf\u00e9 ok')).toEqual([{ start: 0, end: 24, href: 'https://example.com/caf%C3%A9' }]);
    expect(findLinks('https:// nothing here')).toEqual([]);
  });

  it('counts links for moderation', () => {
    expect(countLinks('no links')).toBe(0);
    expect(countLinks('https://a.example https://b.example and http://c.example/x')).toBe(3);
  });
});

describe('listedWordsIn', () => {
  it('matches whole words and phrases whatever the case, spacing or hidden characters', () => {
    expect(listedWordsIn('Buy  NOW at our shop', ['buy now'])).toEqual(['buy now']);
    expect(listedWordsIn('A classic record', ['class'])).toEqual([]);
    expect(listedWordsIn('total sp\u200bam here', ['spam'])).toEqual(['spam']);
    expect(listedWordsIn('ＳＰＡＭ', ['spam'])).toEqual(['spam']);
    expect(listedWordsIn('Crème brûlée', ['BRÛLÉE', '', '  '])).toEqual(['BRÛLÉE']);
  });

  it('treats listed words as text, not patterns', () => {
    expect(listedWordsIn('a.b', ['a*b', '.'])).toEqual([]);
    expect(listedWordsIn('price: $5 (cheap)', ['$5', '(cheap)'])).toEqual(['$5', '(cheap)']);
  });
});
