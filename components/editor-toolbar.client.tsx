'use client';

import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';

export type ToolbarDialog = 'link' | 'image' | 'embed';

interface Tool {
  label: string;
  /** Shown as a tooltip: the keyboard shortcut, when there is one. */
  hint?: string;
  icon: ReactNode;
  /** Toggles say whether they are on (aria-pressed); one-off actions leave it out. */
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
}

const noSubscription = () => () => {};
/** Shortcut hints name ⌘ on Apple keyboards; the server (and the first render) says Ctrl. */
const useIsMac = () => useSyncExternalStore(noSubscription, () => /Mac|iPhone|iPad/.test(navigator.platform), () => false);

/** Icons are decoration: each button's name is its aria-label. */
const Glyph = ({ children, className = '' }: { children: ReactNode; className?: string }) => (
  <span aria-hidden="true" className={`inline-flex h-5 min-w-5 items-center justify-center text-sm leading-none ${className}`}>
    {children}
  </span>
);

const Svg = ({ d }: { d: string }) => (
  <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
    <path d={d} />
  </svg>
);

/**
 * The formatting toolbar: one tab stop, arrow keys move between buttons (the WAI-ARIA toolbar pattern),
 * toggles report aria-pressed. Image, embed and link open the editor's dialogs.
 */
export function EditorToolbar({ editor, disabled, onDialog }: { editor: Editor | null; disabled?: boolean; onDialog: (dialog: ToolbarDialog) => void }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      e
        ? {
            h2: e.isActive('heading', { level: 2 }),
            h3: e.isActive('heading', { level: 3 }),
            bold: e.isActive('bold'),
            italic: e.isActive('italic'),
            link: e.isActive('link'),
            bulletList: e.isActive('bulletList'),
            orderedList: e.isActive('orderedList'),
            blockquote: e.isActive('blockquote'),
            pullQuote: e.isActive('pullQuote'),
            figure: e.isActive('figure'),
            canUndo: e.can().undo(),
            canRedo: e.can().redo(),
          }
        : null,
  });
  const mac = useIsMac();
  const mod = () => (mac ? '⌘' : 'Ctrl+');
  const [active, setActive] = useState(0);
  const refs = useRef<Array<HTMLButtonElement | null>>([]);

  const chain = () => editor!.chain().focus();
  const off = disabled || !editor || !state;
  const tools: Tool[][] = [
    [
      { label: 'Heading 2', hint: `${mod()}Alt+2`, icon: <Glyph className="font-bold">H2</Glyph>, pressed: state?.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
      { label: 'Heading 3', hint: `${mod()}Alt+3`, icon: <Glyph className="font-bold">H3</Glyph>, pressed: state?.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    ],
    [
      { label: 'Bold', hint: `${mod()}B`, icon: <Glyph className="font-black">B</Glyph>, pressed: state?.bold, run: () => chain().toggleBold().run() },
      { label: 'Italic', hint: `${mod()}I`, icon: <Glyph className="font-serif italic">I</Glyph>, pressed: state?.italic, run: () => chain().toggleItalic().run() },
      {
        label: 'Link',
        icon: <Svg d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />,
        pressed: state?.link,
        run: () => onDialog('link'),
      },
    ],
    [
      { label: 'Bullet list', hint: `${mod()}Shift+8`, icon: <Svg d="M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01" />, pressed: state?.bulletList, run: () => chain().toggleBulletList().run() },
      { label: 'Numbered list', hint: `${mod()}Shift+7`, icon: <Svg d="M10 6h10M10 12h10M10 18h10M4 4v4M3 14h2l-2 3h2" />, pressed: state?.orderedList, run: () => chain().toggleOrderedList().run() },
      { label: 'Blockquote', hint: `${mod()}Shift+B`, icon: <Glyph className="font-serif text-xl">“</Glyph>, pressed: state?.blockquote, run: () => chain().toggleBlockquote().run() },
      {
        label: 'Pull quote',
        icon: <Glyph className="font-serif text-xl font-black">❝</Glyph>,
        pressed: state?.pullQuote,
        run: () => (state?.pullQuote ? chain().setParagraph().run() : chain().setNode('pullQuote').run()),
      },
    ],
    [
      { label: 'Image', icon: <Svg d="M4 5h16v14H4zM4 15l4-4 5 5M14 14l2-2 4 4M15 9h.01" />, pressed: state?.figure, run: () => onDialog('image') },
      { label: 'Embed', icon: <Svg d="M4 6h16v12H4zM10 9l5 3-5 3z" />, run: () => onDialog('embed') },
      { label: 'Divider', icon: <Svg d="M4 12h16" />, run: () => chain().setHorizontalRule().run() },
    ],
    [
      { label: 'Undo', hint: `${mod()}Z`, icon: <Svg d="M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3" />, disabled: !state?.canUndo, run: () => chain().undo().run() },
      { label: 'Redo', hint: mac ? '⌘Shift+Z' : 'Ctrl+Y', icon: <Svg d="m15 14 5-5-5-5M20 9H9a5 5 0 0 0 0 10h3" />, disabled: !state?.canRedo, run: () => chain().redo().run() },
    ],
  ];
  const flat = tools.flat();
  const current = Math.min(active, flat.length - 1);

  function move(event: KeyboardEvent<HTMLDivElement>) {
    const keys: Record<string, (i: number) => number> = {
      ArrowRight: (i) => (i + 1) % flat.length,
      ArrowLeft: (i) => (i - 1 + flat.length) % flat.length,
      Home: () => 0,
      End: () => flat.length - 1,
    };
    const next = keys[event.key];
    if (!next) return;
    event.preventDefault();
    const index = next(current);
    setActive(index);
    refs.current[index]?.focus();
  }

  let index = -1;
  return (
    <div
      role="toolbar"
      aria-label="Formatting"
      aria-controls={editor ? 'story-body' : undefined}
      onKeyDown={move}
      className="sticky top-0 z-10 flex flex-wrap items-center gap-1 rounded-t border border-b-0 border-rule bg-[var(--paper)] p-1.5"
    >
      {tools.map((group, g) => (
        <div key={g} className="flex items-center gap-0.5 border-rule not-last:mr-1 not-last:border-r not-last:pr-1.5">
          {group.map((tool) => {
            const i = ++index;
            return (
              <button
                key={tool.label}
                ref={(element) => {
                  refs.current[i] = element;
                }}
                type="button"
                tabIndex={i === current ? 0 : -1}
                aria-label={tool.label}
                aria-pressed={tool.pressed === undefined ? undefined : tool.pressed}
                title={tool.hint ? `${tool.label} (${tool.hint})` : tool.label}
                disabled={off || tool.disabled}
                onFocus={() => setActive(i)}
                onClick={tool.run}
                className="inline-flex h-9 min-w-9 items-center justify-center rounded px-2 hover:bg-rule/60 disabled:opacity-40 aria-pressed:bg-[var(--ink)] aria-pressed:text-[var(--paper)]"
              >
                {tool.icon}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
