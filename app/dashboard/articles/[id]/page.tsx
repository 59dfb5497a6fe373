import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StoryEditor } from '@/components/story-editor';
import { loadEditorContext } from '@/lib/editor-options';
import { getEditableArticle } from '@/lib/editorial';
import { env, siteUrl } from '@/lib/env';
import { requireRole } from '@/lib/guards';
import { atLeast } from '@/lib/permissions';
import { storyButtons } from '@/lib/story-actions';
import { browseMedia, uploadMedia } from '@/app/dashboard/media/actions';
import { addNote, deleteStory, saveStory } from '../actions';

export const metadata: Metadata = { title: 'Edit story' };

export default async function EditStoryPage({ params, searchParams }: PageProps<'/dashboard/articles/[id]'>) {
  const { id: raw } = await params;
  const user = await requireRole('contributor', `/dashboard/articles/${encodeURIComponent(raw)}`);
  const id = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : 0;
  const story = id ? await getEditableArticle(user, id) : null;
  if (!story) notFound();
  const [context, { restored }] = await Promise.all([loadEditorContext(user, story), searchParams]);
  const revision = typeof restored === 'string' && /^\d+$/.test(restored) ? restored : null;
  return (
    <StoryEditor
      story={story}
      context={context}
      buttons={storyButtons(user, story.authorIds)}
      me={{ id: user.id, isEditor: atLeast(user.role, 'editor') }}
      site={{ name: env().SITE_NAME, url: siteUrl() }}
      notice={revision ? `Version ${revision} restored: it is the current text now.` : undefined}
      actions={{ save: saveStory, remove: deleteStory, addNote, browseMedia, uploadMedia }}
    />
  );
}
