'use client';

import { hasChanges, wordDiff } from '@/lib/word-diff';
import { WordDiff, WordDiffLegend } from './word-diff';

/** The saved story a conflicting save ran into (lib/editorial.ts ConflictError). */
export interface ConflictDetail {
  version: number;
  title: string;
  dek: string;
  bodyText: string;
  body: unknown;
}

/**
 * Someone saved the story after it was opened here. Their version against the text still in this editor,
 * word by word; the writer keeps theirs (saved on top, the other stays in the revisions) or loads the saved one.
 */
export function EditorConflict({
  detail,
  mine,
  onKeepMine,
  onLoadSaved,
}: {
  detail: ConflictDetail;
  mine: { title: string; dek: string; bodyText: string };
  onKeepMine: () => void;
  onLoadSaved: () => void;
}) {
  const parts = [
    { name: 'Title', diff: wordDiff(detail.title, mine.title) },
    { name: 'Dek', diff: wordDiff(detail.dek, mine.dek) },
    { name: 'Text', diff: wordDiff(detail.bodyText, mine.bodyText) },
  ];
  const changed = parts.filter((part) => hasChanges(part.diff));
  return (
    <section aria-labelledby="conflict-heading" className="flex flex-col gap-4 rounded border-2 border-[var(--accent)] p-4">
      <h2 id="conflict-heading" className="text-lg font-bold">
        Your version and the saved version {detail.version}
      </h2>
      {changed.length === 0 ? (
        <p className="text-sm">The title, dek and text are the same in both; other details may differ.</p>
      ) : (
        <>
          <WordDiffLegend added="only in your version" removed="only in the saved version" />
          <dl className="flex flex-col gap-3">
            {changed.map((part) => (
              <div key={part.name}>
                <dt className="text-sm font-semibold">{part.name}</dt>
                <dd className="mt-1 max-h-72 overflow-y-auto rounded border border-rule p-3 font-serif whitespace-pre-wrap">
                  <WordDiff parts={part.diff} added="only in your version" removed="only in the saved version" />
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={onKeepMine} className="rounded bg-[var(--ink)] px-4 py-2 text-sm font-semibold text-[var(--paper)]">
          Keep my version
        </button>
        <button type="button" onClick={onLoadSaved} className="rounded border border-rule px-4 py-2 text-sm font-semibold hover:border-current">
          Load saved version
        </button>
      </div>
      <p className="text-sm text-muted">Keeping yours saves it on top; the other version stays in the story’s revisions.</p>
    </section>
  );
}
