import { describe, expect, it } from 'vitest';
import { blocksToDocument } from '@/db/seed/document';
import { countWords, documentText, readingMinutes } from './document';

describe('documentText', () => {
  it('keeps every block of the document, in order, a blank line apart', () => {
    const doc = blocksToDocument(['First paragraph.', { heading: 'A heading' }, { quote: 'Quoted words.' }, { list: ['one', 'two'] }, { pullQuote: 'Pulled.' }]);
    expect(documentText(doc)).toBe('First paragraph.\n\nA heading\n\nQuoted words.\n\none\n\ntwo\n\nPulled.');
  });

  it('includes figure captions and joins text split by marks', () => {
    const text = documentText({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Bold ' }, { type: 'text', text: 'move', marks: [{ type: 'bold' }] }] },
        { type: 'figure', attrs: { src: '/a.webp', alt: 'A', caption: 'The caption' } },
      ],
    });
    expect(text).toBe('Bold move\n\nThe caption');
  });
});

describe('reading time', () => {
  it('counts words, not punctuation', () => {
    expect(countWords('Amen, Kendall!  — yes')).toBe(3);
  });

  it('reads at 230 words a minute and never says zero', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(690)).toBe(3);
  });
});
