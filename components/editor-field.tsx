import type { ReactNode } from 'react';

/** Ids for a field's hint and error, for the control's aria-describedby. */
export function describedBy(id: string, { hint, error }: { hint?: unknown; error?: string }): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/**
 * A labelled control with its hint and error outside the <label>, so the control's accessible name is
 * exactly its label ("Title", "Slug"…) and the rest is its description.
 */
export function EditorField({ id, label, hint, error, children }: { id: string; label: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      {children}
      {hint && (
        <span id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="text-sm font-semibold text-[var(--accent)]">
          {error}
        </span>
      )}
    </div>
  );
}
