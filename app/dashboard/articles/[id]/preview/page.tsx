import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article-view';
import { loadArticle } from '@/lib/articles';
import { getEditableArticle } from '@/lib/editorial';
import { requireRole } from '@/lib/guards';
import { statusLabels } from '@/lib/workflow';

export const metadata: Metadata = { title: 'Preview', robots: { index: false } };

/** The story as readers will see it, from its last saved version, whatever its status. */
export default async function PreviewStoryPage({ params }: PageProps<'/dashboard/articles/[id]/preview'>) {
  const { id: raw } = await params;
  const user = await requireRole('contributor', `/dashboard/articles/${encodeURIComponent(raw)}/preview`);
  const id = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : 0;
  const story = id ? await getEditableArticle(user, id) : null;
  const article = story ? await loadArticle(id) : null;
  if (!story || !article) notFound();
  const published = story.status === 'published';
  return (
    <>
      <div role="note" className="flex flex-wrap items-center justify-between gap-3 rounded border-2 border-dashed border-[var(--accent)] px-4 py-3 text-sm">
        <p>
          <strong className="font-bold">{published ? 'Preview — published' : 'Preview — not published'}</strong>
          <span className="text-muted">
            {' '}
            · {statusLabels[story.status]} · the last saved version{published ? ', as readers see it now' : ''}.
          </span>
        </p>
        <Link href={`/dashboard/articles/${id}`} className="font-semibold underline">
          Back to the editor
        </Link>
      </div>
      <div className="font-serif">
        <ArticleView article={article} related={[]} />
      </div>
    </>
  );
}
