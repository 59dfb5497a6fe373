import 'server-only';
import type { DocumentNode } from '@/db/schema';
import { isAllowedEmbedSrc } from './embeds';
import { UserError } from './errors';

// Whitelist of what a story's body may hold: unknown nodes, marks and attributes are dropped or refused,
// so nothing but these ever reaches the renderer — no raw HTML node, no script URL, no foreign iframe.

const MAX_NODES = 20_000;
const inlineParents = new Set(['paragraph', 'heading', 'pullQuote']);
const blockChildren: Record<string, Set<string>> = {
  doc: new Set(['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'pullQuote', 'figure', 'embed', 'horizontalRule']),
  blockquote: new Set(['paragraph', 'bulletList', 'orderedList']),
  bulletList: new Set(['listItem']),
  orderedList: new Set(['listItem']),
  listItem: new Set(['paragraph', 'bulletList', 'orderedList']),
};
const marks = new Set(['bold', 'italic', 'strike', 'link']);

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');
const positiveInt = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 100_000 ? value : null);

function safeHref(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  if (value.startsWith('/') && !value.startsWith('//')) return value;
  try {
    const url = new URL(value);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}

const imageSrc = /^\/(media|images)\/[\w./-]{1,200}$/;

/** A clean copy of a submitted document, or a UserError saying what is wrong with it. */
export function validateDocument(input: unknown): DocumentNode {
  let count = 0;
  const problem = (message: string): never => {
    throw new UserError(message, 'invalid', { body: message });
  };

  const clean = (node: unknown, parent: string): DocumentNode | null => {
    if (++count > MAX_NODES) problem('The story is too long to save in one piece.');
    if (!node || typeof node !== 'object') return null;
    const { type, attrs = {}, content, marks: nodeMarks, text: value } = node as DocumentNode;
    const a = attrs as Record<string, unknown>;
    if (type === 'text') {
      if (!inlineParents.has(parent) || typeof value !== 'string' || value.length === 0) return null;
      const kept = (nodeMarks ?? []).flatMap((mark) => {
        if (!marks.has(mark.type) || parent === 'pullQuote') return [];
        if (mark.type !== 'link') return [{ type: mark.type }];
        const href = safeHref(mark.attrs?.href);
        return href ? [{ type: 'link', attrs: { href } }] : [];
      });
      return kept.length ? { type, text: value.slice(0, 100_000), marks: kept } : { type, text: value.slice(0, 100_000) };
    }
    if (type === 'hardBreak') return inlineParents.has(parent) ? { type } : null;
    const allowed = blockChildren[parent];
    if (!allowed?.has(type)) return null;
    const children = (kids: unknown) => (Array.isArray(kids) ? kids.map((kid) => clean(kid, type)).filter((kid): kid is DocumentNode => kid !== null) : []);
    switch (type) {
      case 'paragraph':
      case 'pullQuote':
        return { type, content: children(content) };
      case 'heading':
        return { type, attrs: { level: a.level === 3 ? 3 : 2 }, content: children(content) };
      case 'horizontalRule':
        return { type };
      case 'figure': {
        const src = text(a.src, 300);
        const alt = text(a.alt, 500).trim();
        if (!imageSrc.test(src)) problem('An image in the story is not from the media library.');
        if (!alt) problem('Every image in the story needs alt text describing it.');
        return { type, attrs: { src, alt, caption: text(a.caption, 1000), width: positiveInt(a.width), height: positiveInt(a.height), mediaId: positiveInt(a.mediaId) } };
      }
      case 'embed': {
        const src = text(a.src, 500);
        if (!isAllowedEmbedSrc(src)) problem('Embeds can only come from YouTube, Vimeo, Spotify or SoundCloud.');
        return { type, attrs: { provider: text(a.provider, 20), src, url: text(a.url, 500), title: text(a.title, 200) } };
      }
      default: {
        const kids = children(content);
        return kids.length ? { type, content: kids } : null;
      }
    }
  };

  if (!input || typeof input !== 'object' || (input as DocumentNode).type !== 'doc') problem('The story’s text could not be read. Please reload the editor.');
  const blocks = ((input as DocumentNode).content ?? []).map((node) => clean(node, 'doc')).filter((node): node is DocumentNode => node !== null);
  return { type: 'doc', content: blocks.length ? blocks : [{ type: 'paragraph', content: [] }] };
}
