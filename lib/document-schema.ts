// Shared by the dashboard editor (client) and the public renderer (server): one list of nodes and
// marks, so what an editor sees is what a reader gets. No 'server-only' here for that reason.
import { Node, mergeAttributes, type Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

/** A short line from the story set large beside the text. */
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,
  parseHTML: () => [{ tag: 'aside[data-pull-quote]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'aside',
    mergeAttributes(HTMLAttributes, { 'data-pull-quote': '', class: 'pull-quote' }),
    ['p', 0],
  ],
});

/** An image from the media library with its required alt text and an optional caption. */
export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes: () => ({
    src: { default: '' },
    alt: { default: '' },
    caption: { default: '' },
    width: { default: null },
    height: { default: null },
    mediaId: { default: null },
  }),
  parseHTML: () => [{ tag: 'figure[data-figure]' }],
  renderHTML: ({ node }) => [
    'figure',
    { 'data-figure': '' },
    ['img', { src: node.attrs.src, alt: node.attrs.alt, width: node.attrs.width, height: node.attrs.height, loading: 'lazy' }],
    ['figcaption', {}, node.attrs.caption ?? ''],
  ],
});

/** A player from an allowed provider (lib/embeds.ts), sandboxed. */
export const EmbedNode = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes: () => ({
    provider: { default: '' },
    src: { default: '' },
    url: { default: '' },
    title: { default: '' },
  }),
  parseHTML: () => [{ tag: 'figure[data-embed]' }],
  renderHTML: ({ node }) => [
    'figure',
    { 'data-embed': node.attrs.provider, class: 'embed' },
    [
      'iframe',
      {
        src: node.attrs.src,
        title: node.attrs.title || `Embedded ${node.attrs.provider} player`,
        loading: 'lazy',
        sandbox: 'allow-scripts allow-same-origin allow-popups allow-presentation',
        allow: 'encrypted-media; picture-in-picture; fullscreen',
        referrerPolicy: 'strict-origin-when-cross-origin',
      },
    ],
  ],
});

export const documentExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    underline: false,
    link: { openOnClick: false, autolink: true, HTMLAttributes: { rel: 'noopener noreferrer', target: null } },
  }),
  PullQuote,
  Figure,
  EmbedNode,
];
