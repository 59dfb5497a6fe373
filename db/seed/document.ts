import type { DocumentNode } from '@/db/schema';
import type { DemoBlock } from './stories';

const text = (value: string): DocumentNode[] => (value ? [{ type: 'text', text: value }] : []);
const paragraph = (value: string): DocumentNode => ({ type: 'paragraph', content: text(value) });

/** Turns the demo stories' simple blocks into the editor's document format. */
export function blocksToDocument(blocks: DemoBlock[]): DocumentNode {
  return {
    type: 'doc',
    content: blocks.map((block): DocumentNode => {
      if (typeof block === 'string') return paragraph(block);
      if ('heading' in block) return { type: 'heading', attrs: { level: 2 }, content: text(block.heading) };
      if ('quote' in block) return { type: 'blockquote', content: [paragraph(block.quote)] };
      if ('pullQuote' in block) return { type: 'pullQuote', content: text(block.pullQuote) };
      return { type: 'bulletList', content: block.list.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) };
    }),
  };
}
