'use client';

import { useActionState, useState, type ChangeEvent } from 'react';
import type { FormState } from '@/lib/action';
import { FormAlert } from './form-alert';

export interface UploadedImage {
  id: number;
  path: string;
  alt: string;
  width: number;
  height: number;
}

type UploadAction = (state: FormState<UploadedImage>, form: FormData) => Promise<FormState<UploadedImage>>;

const field = 'w-full rounded border border-rule bg-transparent px-3 py-2 text-base';
const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;

/** Adds an image to the library. A plain form posting to a server action: it works without JavaScript. */
export function MediaUploadForm({ action, maxBytes }: { action: UploadAction; maxBytes: number }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as FormState<UploadedImage>);
  // With JavaScript, an oversized file is caught before its megabytes travel; the server checks again.
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const typed = state.status === 'error' ? state.values : undefined;
  const errors = state.status === 'error' ? state.fieldErrors : undefined;

  function checkSize(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    const message =
      file && file.size > maxBytes ? `“${file.name}” is ${megabytes(file.size)}; images can be at most ${megabytes(maxBytes)}. Make it smaller and try again.` : null;
    event.currentTarget.setCustomValidity(message ?? '');
    setTooLarge(message);
  }

  return (
    <form action={formAction} aria-labelledby="upload-heading" className="flex flex-col gap-4 rounded border border-rule p-4 font-sans sm:p-6">
      <h2 id="upload-heading" className="text-xl font-bold">
        Upload an image
      </h2>
      <FormAlert state={tooLarge ? { status: 'error', message: tooLarge } : state} />
      <input type="hidden" name="from" value="library" />
      <label className="flex flex-col gap-1 text-sm font-semibold">
        Image
        <input
          name="image"
          type="file"
          required
          accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
          onChange={checkSize}
          aria-invalid={Boolean(tooLarge || errors?.image) || undefined}
          aria-describedby="image-hint"
          className="text-base font-normal file:mr-3 file:rounded file:border file:border-rule file:bg-transparent file:px-3 file:py-1 file:font-semibold"
        />
        <span id="image-hint" className="font-normal text-muted">
          JPEG, PNG, WebP, AVIF or GIF, up to {megabytes(maxBytes)}. Stored as WebP, at most 2400 pixels wide, without its camera data.
        </span>
      </label>
      <label className="flex flex-col gap-1 text-sm font-semibold">
        Alt text
        <textarea
          name="alt"
          required
          maxLength={500}
          rows={2}
          defaultValue={typed?.alt}
          aria-invalid={Boolean(errors?.alt) || undefined}
          aria-describedby="alt-hint"
          className={field}
        />
        <span id="alt-hint" className="font-normal text-muted">
          What the picture shows, for readers who cannot see it.
        </span>
      </label>
      <label className="flex flex-col gap-1 text-sm font-semibold">
        Credit
        <input name="credit" maxLength={200} defaultValue={typed?.credit} aria-invalid={Boolean(errors?.credit) || undefined} className={field} />
      </label>
      <div>
        <button type="submit" disabled={pending} className="rounded bg-[var(--ink)] px-4 py-2 font-semibold text-[var(--paper)] disabled:opacity-60">
          Upload
        </button>
      </div>
    </form>
  );
}
