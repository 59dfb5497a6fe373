'use client';

import Image from 'next/image';
import { useId, useRef, useState } from 'react';
import type { FormState } from '@/lib/action';

/** An image from the library, as the editor places it (lib/media.ts `MediaSummary`). */
export interface MediaChoice {
  id: number;
  path: string;
  alt: string;
  width: number;
  height: number;
}

// Server actions built with lib/action.ts, called directly (the previous state is unused: always idle).
export type BrowseMedia = (state: FormState<never>, form: FormData) => Promise<FormState<MediaChoice[]>>;
export type UploadMedia = (state: FormState<never>, form: FormData) => Promise<FormState<MediaChoice>>;

/** lib/media.ts MEDIA_PAGE_SIZE: a full page means there may be more. */
const PAGE_SIZE = 24;
const field = 'w-full rounded border border-rule bg-transparent px-3 py-2 text-base';
const secondary = 'rounded border border-rule px-3 py-1.5 text-sm font-semibold hover:border-current disabled:opacity-60';

/**
 * The media library as a group of radio buttons with thumbnails: search, more, and upload in place.
 * No <form> of its own — it lives inside the editor's dialogs, whose form does the placing.
 */
export function MediaPicker({
  initial,
  browse,
  upload,
  selectedId,
  onSelect,
}: {
  initial: MediaChoice[];
  browse: BrowseMedia;
  upload: UploadMedia;
  selectedId: number | null;
  onSelect: (item: MediaChoice) => void;
}) {
  const name = useId();
  const [items, setItems] = useState(initial);
  const [query, setQuery] = useState('');
  const [shownQuery, setShownQuery] = useState('');
  const [page, setPage] = useState(1);
  const [more, setMore] = useState(initial.length >= PAGE_SIZE);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [uploadOpen, setUploadOpen] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const [uploadAlt, setUploadAlt] = useState('');
  const [uploadCredit, setUploadCredit] = useState('');
  const [uploadNote, setUploadNote] = useState<string | null>(null);

  async function load(nextPage: number, text: string) {
    setBusy(true);
    setProblem(null);
    try {
      const form = new FormData();
      form.set('page', String(nextPage));
      form.set('query', text);
      const result = await browse({ status: 'idle' }, form);
      if (result.status === 'error') return setProblem(result.message);
      const found = result.status === 'ok' ? (result.data ?? []) : [];
      setItems((current) => (nextPage === 1 ? found : [...current, ...found.filter((item) => !current.some((c) => c.id === item.id))]));
      setPage(nextPage);
      setShownQuery(text);
      setMore(found.length >= PAGE_SIZE);
    } catch {
      setProblem('Couldn’t load the media library. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  async function send() {
    const file = fileRef.current?.files?.[0];
    if (!file) return setUploadNote('Choose an image file to upload.');
    if (!uploadAlt.trim()) return setUploadNote('Describe the image in the alt text: readers who cannot see it rely on it.');
    setBusy(true);
    setUploadNote(null);
    try {
      const form = new FormData();
      form.set('image', file);
      form.set('alt', uploadAlt);
      form.set('credit', uploadCredit);
      const result = await upload({ status: 'idle' }, form);
      if (result.status === 'error') return setUploadNote(result.message);
      if (result.status === 'ok' && result.data) {
        const added = result.data;
        setItems((current) => [added, ...current.filter((item) => item.id !== added.id)]);
        onSelect(added);
        setUploadOpen(false);
        setUploadAlt('');
        setUploadCredit('');
        if (fileRef.current) fileRef.current.value = '';
      }
    } catch {
      setUploadNote('The upload didn’t reach the server. Check your connection and try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-end gap-2">
        <label className="flex flex-1 flex-col gap-1 text-sm font-semibold">
          Search images
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                void load(1, query);
              }
            }}
            className={field}
          />
        </label>
        <button type="button" onClick={() => load(1, query)} disabled={busy} className={secondary}>
          Search
        </button>
      </div>
      {problem && (
        <p role="alert" className="rounded border border-[var(--accent)] px-3 py-2 text-sm">
          {problem}
        </p>
      )}
      <fieldset className="min-w-0">
        <legend className="mb-2 text-sm font-semibold">{shownQuery ? `Images matching “${shownQuery}”` : 'Media library'}</legend>
        {items.length === 0 ? (
          <p className="text-sm text-muted">{shownQuery ? 'No images match that search.' : 'The media library is empty: upload an image below.'}</p>
        ) : (
          <ul className="grid max-h-80 grid-cols-2 gap-2 overflow-y-auto p-1 sm:grid-cols-3">
            {items.map((item) => (
              <li key={item.id}>
                <label className="flex h-full cursor-pointer flex-col gap-1 rounded border border-rule p-1.5 text-xs has-[:checked]:border-[var(--accent)] has-[:checked]:ring-2 has-[:checked]:ring-[var(--accent)] has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-[var(--accent)]">
                  <input type="radio" name={name} value={item.id} checked={selectedId === item.id} onChange={() => onSelect(item)} className="sr-only" />
                  <Image src={item.path} alt="" width={item.width} height={item.height} sizes="10rem" className="aspect-[4/3] w-full rounded bg-rule/40 object-cover" />
                  <span className="line-clamp-2">{item.alt}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {more && (
        <button type="button" onClick={() => load(page + 1, shownQuery)} disabled={busy} className={`${secondary} self-start`}>
          More images
        </button>
      )}
      <div className="border-t border-rule pt-3">
        <button type="button" aria-expanded={uploadOpen} onClick={() => setUploadOpen((open) => !open)} className="text-sm font-semibold underline">
          Upload a new image
        </button>
        {uploadOpen && (
          <div className="mt-3 flex flex-col gap-3">
            {uploadNote && (
              <p role="alert" className="rounded border border-[var(--accent)] px-3 py-2 text-sm">
                {uploadNote}
              </p>
            )}
            <label className="flex flex-col gap-1 text-sm font-semibold">
              Image file
              <input ref={fileRef} type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" className="text-sm font-normal" />
            </label>
            <label className="flex flex-col gap-1 text-sm font-semibold">
              Alt text for the library
              <input value={uploadAlt} onChange={(event) => setUploadAlt(event.target.value)} maxLength={500} className={field} />
            </label>
            <label className="flex flex-col gap-1 text-sm font-semibold">
              Credit
              <input value={uploadCredit} onChange={(event) => setUploadCredit(event.target.value)} maxLength={200} className={field} />
            </label>
            <button type="button" onClick={send} disabled={busy} className={`${secondary} self-start`}>
              {busy ? 'Uploading…' : 'Upload'}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
