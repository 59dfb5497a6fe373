import 'server-only';
import type { DocumentNode } from '@/db/schema';

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'listItem', 'pullQuote', 'figure']);

/** The words of a document, block by block: what search indexes and feeds summarise. */
export function documentText(doc: DocumentNode): string {
  const blocks: string[] = [];
  const walk = (node: DocumentNode, into: string[]) => {
    if (node.type === 'text') into.push(node.text ?? '');
    else if (node.type === 'hardBreak') into.push(' ');
    else if (node.type === 'figure') into.push(String(node.attrs?.caption ?? ''));
    for (const child of node.content ?? []) {
      if (BLOCKS.has(child.type)) {
        const inner: string[] = [];
        walk(child, inner);
        const text = inner.join('').trim();
        if (text) blocks.push(text);
      } else walk(child, into);
    }
  };
  walk(doc, blocks);
  return blocks.join('\n\n');
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Minutes at an unhurried 230 words a minute, never less than one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 230));
}
