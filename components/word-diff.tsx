import type { DiffPart } from '@/lib/word-diff';

/**
 * A word diff as marked-up text: insertions in <ins>, deletions in <del>, each with a visually hidden
 * word before it so screen readers (which mostly ignore ins/del) say what the marking means.
 */
export function WordDiff({ parts, added = 'added', removed = 'removed' }: { parts: DiffPart[]; added?: string; removed?: string }) {
  return (
    <>
      {parts.map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'added' ? (
          <ins key={index} className="rounded-sm bg-emerald-100 text-emerald-950 decoration-emerald-700 underline-offset-2 dark:bg-emerald-950 dark:text-emerald-100">
            <span className="sr-only">[{added}: </span>
            {part.text}
            <span className="sr-only">]</span>
          </ins>
        ) : (
          <del key={index} className="rounded-sm bg-rose-100 text-rose-950 decoration-rose-700 dark:bg-rose-950 dark:text-rose-100">
            <span className="sr-only">[{removed}: </span>
            {part.text}
            <span className="sr-only">]</span>
          </del>
        ),
      )}
    </>
  );
}

/** The key above a diff, so sighted readers know which marking is which. */
export function WordDiffLegend({ added, removed }: { added: string; removed: string }) {
  return (
    <p className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted">
      <span>
        <ins className="rounded-sm bg-emerald-100 px-1 text-emerald-950 underline-offset-2 dark:bg-emerald-950 dark:text-emerald-100">Underlined</ins> {added}
      </span>
      <span>
        <del className="rounded-sm bg-rose-100 px-1 text-rose-950 dark:bg-rose-950 dark:text-rose-100">Struck through</del> {removed}
      </span>
    </p>
  );
}
