'use client';

import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { embedFromUrl, type Embed } from '@/lib/embeds';
import { EditorField } from './editor-field';
import { editorLinkHref } from '@/lib/link-href';
import { MediaPicker, type BrowseMedia, type MediaChoice, type UploadMedia } from './media-picker.client';

const field = 'w-full rounded border border-rule bg-transparent px-3 py-2 text-base font-normal';
const primary = 'rounded bg-[var(--ink)] px-4 py-2 text-sm font-semibold text-[var(--paper)] disabled:opacity-60';
const secondary = 'rounded border border-rule px-4 py-2 text-sm font-semibold hover:border-current';

function Problem({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="rounded border border-[var(--accent)] px-3 py-2 text-sm">
      {children}
    </p>
  );
}

/**
 * A modal built on <dialog>: the browser traps focus, closes it on Escape and gives focus back. Its
 * content mounts only while open, so every opening starts fresh.
 */
export function EditorDialog({
  open,
  title,
  submitLabel,
  onSubmit,
  onClose,
  extraAction,
  children,
  wide = false,
}: {
  open: boolean;
  title: string;
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  extraAction?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  function submit(event: FormEvent) {
    // The dialog's form must not submit the editor's page; it only hands its values over.
    event.preventDefault();
    event.stopPropagation();
    onSubmit();
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      onClose={onClose}
      className={`m-auto w-[calc(100%-2rem)] ${wide ? 'max-w-2xl' : 'max-w-md'} rounded-lg border border-rule bg-[var(--paper)] p-0 font-sans text-[var(--ink)] shadow-xl backdrop:bg-black/50`}
    >
      {open && (
        <form onSubmit={submit} className="flex flex-col gap-4 p-5 sm:p-6">
          <h2 id={headingId} className="text-lg font-bold">
            {title}
          </h2>
          {children}
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            {extraAction}
            <button type="button" onClick={onClose} className={secondary}>
              Cancel
            </button>
            <button type="submit" className={primary}>
              {submitLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

/** Link address for the selected words: web and mail addresses only. */
export function LinkDialog({
  open,
  currentHref,
  onApply,
  onRemove,
  onClose,
}: {
  open: boolean;
  currentHref: string | null;
  onApply: (href: string) => void;
  onRemove: () => void;
  onClose: () => void;
}) {
  const id = useId();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [wasOpen, setWasOpen] = useState(false);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setValue(currentHref ?? '');
      setProblem(null);
    }
  }

  function apply() {
    const href = editorLinkHref(value);
    if (!href) return setProblem('Links can go to web addresses (https://…) or email addresses only. Check the address and try again.');
    onApply(href);
  }

  return (
    <EditorDialog
      open={open}
      title={currentHref ? 'Edit link' : 'Add a link'}
      submitLabel="Apply link"
      onSubmit={apply}
      onClose={onClose}
      extraAction={
        currentHref ? (
          <button type="button" onClick={onRemove} className={`${secondary} mr-auto`}>
            Remove link
          </button>
        ) : null
      }
    >
      {problem && <Problem>{problem}</Problem>}
      <EditorField id={`${id}-href`} label="Link address" hint="A web address, an email address, or a page of this site like /sections/music.">
        <input
          id={`${id}-href`}
          aria-describedby={`${id}-href-hint`}
          type="text"
          inputMode="url"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder="https://example.com/page"
          aria-required="true"
          aria-invalid={Boolean(problem) || undefined}
          className={field}
        />
      </EditorField>
    </EditorDialog>
  );
}

export interface FigureValues {
  mediaId: number;
  src: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
}

/** Places an image from the library in the text, or changes the one selected: alt text is required. */
export function ImageDialog({
  open,
  current,
  media,
  browse,
  upload,
  onApply,
  onClose,
}: {
  open: boolean;
  current: FigureValues | null;
  media: MediaChoice[];
  browse: BrowseMedia;
  upload: UploadMedia;
  onApply: (figure: FigureValues) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [chosen, setChosen] = useState<MediaChoice | null>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [wasOpen, setWasOpen] = useState(false);
  // Each opening starts from the selected figure (editing) or from nothing (inserting).
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setChosen(current ? { id: current.mediaId, path: current.src, alt: current.alt, width: current.width, height: current.height } : null);
      setAlt(current?.alt ?? '');
      setCaption(current?.caption ?? '');
      setProblem(null);
    }
  }

  function apply() {
    if (!chosen) return setProblem('Choose an image from the library first.');
    if (!alt.trim()) return setProblem('Write alt text: describe the image for readers who cannot see it.');
    onApply({ mediaId: chosen.id, src: chosen.path, width: chosen.width, height: chosen.height, alt: alt.trim(), caption: caption.trim() });
  }

  return (
    <EditorDialog open={open} title={current ? 'Edit image' : 'Insert an image'} submitLabel={current ? 'Update image' : 'Insert image'} onSubmit={apply} onClose={onClose} wide>
      {problem && <Problem>{problem}</Problem>}
      <MediaPicker
        initial={media}
        browse={browse}
        upload={upload}
        selectedId={chosen?.id ?? null}
        onSelect={(item) => {
          setChosen(item);
          // The library's description is a good start; the writer may tailor it to the story.
          if (!alt.trim() || alt === chosen?.alt) setAlt(item.alt);
        }}
      />
      <EditorField id={`${id}-alt`} label="Alt text (required)" hint="What the picture shows, for readers who cannot see it.">
        <textarea
          id={`${id}-alt`}
          aria-describedby={`${id}-alt-hint`}
          value={alt}
          onChange={(event) => setAlt(event.target.value)}
          aria-required="true"
          rows={2}
          maxLength={500}
          aria-invalid={(problem !== null && !alt.trim()) || undefined}
          className={field}
        />
      </EditorField>
      <EditorField id={`${id}-caption`} label="Caption">
        <input id={`${id}-caption`} value={caption} onChange={(event) => setCaption(event.target.value)} maxLength={1000} className={field} />
      </EditorField>
    </EditorDialog>
  );
}

/** A player from YouTube, Vimeo, Spotify or SoundCloud, from a pasted address. */
export function EmbedDialog({ open, onApply, onClose }: { open: boolean; onApply: (embed: Embed & { title: string }) => void; onClose: () => void }) {
  const id = useId();
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [wasOpen, setWasOpen] = useState(false);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setUrl('');
      setTitle('');
      setProblem(null);
    }
  }

  function apply() {
    const embed = embedFromUrl(url);
    if (!embed) {
      return setProblem('That address can’t be embedded. Only YouTube, Vimeo, Spotify and SoundCloud links work, like https://www.youtube.com/watch?v=…');
    }
    onApply({ ...embed, title: title.trim() });
  }

  return (
    <EditorDialog open={open} title="Embed a player" submitLabel="Embed" onSubmit={apply} onClose={onClose}>
      {problem && <Problem>{problem}</Problem>}
      <EditorField id={`${id}-url`} label="Address to embed" hint="A YouTube, Vimeo, Spotify or SoundCloud link.">
        <input
          id={`${id}-url`}
          aria-describedby={`${id}-url-hint`}
          type="text"
          inputMode="url"
          aria-required="true"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          placeholder="https://www.youtube.com/watch?v=…"
          aria-invalid={Boolean(problem) || undefined}
          className={field}
        />
      </EditorField>
      <EditorField id={`${id}-title`} label="Player title" hint="What it is, for screen readers: “Interview with the band”.">
        <input
          id={`${id}-title`}
          aria-describedby={`${id}-title-hint`}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          maxLength={200}
          className={field}
        />
      </EditorField>
    </EditorDialog>
  );
}
