import type { Metadata } from 'next';
import { StoryEditor } from '@/components/story-editor';
import { loadEditorContext } from '@/lib/editor-options';
import { env, siteUrl } from '@/lib/env';
import { requireRole } from '@/lib/guards';
import { atLeast } from '@/lib/permissions';
import { storyButtons } from '@/lib/story-actions';
import { browseMedia, uploadMedia } from '@/app/dashboard/media/actions';
import { addNote, deleteStory, saveStory } from '../actions';

export const metadata: Metadata = { title: 'New story' };

export default async function NewStoryPage() {
  const user = await requireRole('contributor', '/dashboard/articles/new');
  const context = await loadEditorContext(user, null);
  return (
    <StoryEditor
      story={null}
      context={context}
      buttons={storyButtons(user, [user.id])}
      me={{ id: user.id, isEditor: atLeast(user.role, 'editor') }}
      site={{ name: env().SITE_NAME, url: siteUrl() }}
      actions={{ save: saveStory, remove: deleteStory, addNote, browseMedia, uploadMedia }}
    />
  );
}
