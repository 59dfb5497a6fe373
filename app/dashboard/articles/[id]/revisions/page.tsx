import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RestoreRevisionForm } from '@/components/restore-revision-form.client';
import { WordDiff, WordDiffLegend } from '@/components/word-diff';
import { getEditableArticle, getRevision, KEPT_REVISIONS, listRevisions } from '@/lib/editorial';
import { requireRole } from '@/lib/guards';
import { canOnArticle } from '@/lib/permissions';
import { diffCounts, hasChanges, wordDiff } from '@/lib/word-diff';
import { restoreStoryRevision } from '../../actions';

export const metadata: Metadata = { title: 'Revisions' };

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
const words = (n: number) => `${n} ${n === 1 ? 'word' : 'words'}`;

export default async function RevisionsPage({ params, searchParams }: PageProps<'/dashboard/articles/[id]/revisions'>) {
  const { id: raw } = await params;
  const user = await requireRole('contributor', `/dashboard/articles/${encodeURIComponent(raw)}/revisions`);
  const id = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : 0;
  const story = id ? await getEditableArticle(user, id) : null;
  if (!story) notFound();
  const { v } = await searchParams;
  const chosen = typeof v === 'string' && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : null;
  const [revisions, selected, current] = await Promise.all([
    listRevisions(user, id),
    chosen ? getRevision(user, id, chosen) : null,
    getRevision(user, id, story.version),
  ]);
  const currentText = { title: story.title, dek: story.dek, bodyText: current?.bodyText ?? '' };
  const diffs = selected && [
    { name: 'Title', parts: wordDiff(selected.title, currentText.title) },
    { name: 'Dek', parts: wordDiff(selected.dek, currentText.dek) },
    { name: 'Text', parts: wordDiff(selected.bodyText, currentText.bodyText) },
  ];
  const changed = diffs?.filter((diff) => hasChanges(diff.parts)) ?? [];
  const counts = diffs ? diffCounts(diffs.flatMap((diff) => diff.parts)) : null;
  const onlyCurrent = selected ? `in the current text, not in version ${selected.version}` : '';
  const onlyOld = selected ? `in version ${selected.version}, not in the current text` : '';

  return (
    <div className="flex flex-col gap-8">
      <div>
        <Link href={`/dashboard/articles/${id}`} className="text-sm font-semibold underline">
          ← Back to the editor
        </Link>
        <h1 className="mt-3 text-3xl font-bold">Revisions of “{story.title}”</h1>
        <p className="mt-1 text-sm text-muted">
          Every save keeps a version: the latest {KEPT_REVISIONS} stay, and every published one. Choose one to compare it with the current text.
        </p>
      </div>

      <div className="grid gap-10 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <nav aria-label="Versions">
          {revisions.length === 0 && <p className="text-sm text-muted">No versions yet: they are kept from the first save in the editor on.</p>}
          {revisions.length > 0 && (
            <ol className="flex flex-col divide-y divide-[var(--rule)] rounded border border-rule">
              {revisions.map((revision) => {
                const isCurrent = revision.version === story.version;
                const isSelected = revision.version === selected?.version;
                return (
                  <li key={revision.version} className={isSelected ? 'bg-rule/50' : undefined}>
                    <Link href={`/dashboard/articles/${id}/revisions?v=${revision.version}`} aria-current={isSelected ? 'page' : undefined} className="block px-3 py-2 hover:bg-rule/40">
                      <span className="flex flex-wrap items-center gap-2">
                        <span className="font-semibold">Version {revision.version}</span>
                        {isCurrent && <span className="rounded-full border border-rule px-2 text-xs">Current</span>}
                        {revision.published && <span className="rounded-full bg-[var(--ink)] px-2 text-xs text-[var(--paper)]">Published</span>}
                      </span>
                      <span className="block text-sm">{revision.title}</span>
                      <span className="block text-xs text-muted">
                        {revision.authorName ?? 'Former staff'} · <time dateTime={revision.createdAt.toISOString()}>{when.format(revision.createdAt)} UTC</time>
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ol>
          )}
        </nav>

        <section aria-labelledby="comparison" className="flex min-w-0 flex-col gap-4">
          {!selected ? (
            <>
              <h2 id="comparison" className="text-xl font-bold">
                Compare
              </h2>
              <p className="text-muted">{chosen ? `There is no version ${chosen} any more.` : 'Choose a version on the left to see how it differs from the current text.'}</p>
            </>
          ) : (
            <>
              <h2 id="comparison" className="text-xl font-bold">
                Version {selected.version} compared with the current text
              </h2>
              {changed.length === 0 ? (
                <p>{selected.version === story.version ? 'This is the current version.' : 'The title, dek and text are the same as now.'}</p>
              ) : (
                <>
                  <p className="text-sm">
                    Since version {selected.version}: {words(counts!.added)} added, {words(counts!.removed)} removed.
                  </p>
                  <WordDiffLegend added={onlyCurrent} removed={onlyOld} />
                  <dl className="flex flex-col gap-4">
                    {changed.map((diff) => (
                      <div key={diff.name}>
                        <dt className="text-sm font-semibold">{diff.name}</dt>
                        <dd className="mt-1 rounded border border-rule p-4 font-serif text-lg leading-relaxed whitespace-pre-wrap">
                          <WordDiff parts={diff.parts} added={onlyCurrent} removed={onlyOld} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                </>
              )}
              {selected.version !== story.version && canOnArticle(user, 'edit', story) && (
                <div className="flex flex-col gap-2 border-t border-rule pt-4">
                  <p className="text-sm text-muted">Restoring puts this version’s title, dek and text back as a new version. The current text stays in the revisions.</p>
                  <RestoreRevisionForm action={restoreStoryRevision} id={id} version={story.version} revision={selected.version} />
                </div>
              )}
            </>
          )}
        </section>
      </div>
    </div>
  );
}
