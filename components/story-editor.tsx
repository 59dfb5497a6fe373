import type { JSONContent } from '@tiptap/react';
import type { FormState } from '@/lib/action';
import type { EditableArticle } from '@/lib/editorial';
import type { EditorContext } from '@/lib/editor-options';
import type { StoryButtons } from '@/lib/story-actions';
import type { ArticleStatus } from '@/db/schema';
import { ArticleEditor, type SavedStory } from './article-editor.client';
import { EditorialNotes } from './editorial-notes.client';
import type { BrowseMedia, UploadMedia } from './media-picker.client';

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

export interface StoryEditorActions {
  save: (state: FormState<never>, form: FormData) => Promise<FormState<SavedStory>>;
  remove: (state: FormState<never>, form: FormData) => Promise<FormState<unknown>>;
  addNote: (state: FormState, form: FormData) => Promise<FormState>;
  browseMedia: BrowseMedia;
  uploadMedia: UploadMedia;
}

/** The editor with what it offers to choose from, and the story's notes beside it (server part). */
export function StoryEditor({
  story,
  context,
  buttons,
  me,
  site,
  notice,
  actions,
}: {
  story: EditableArticle | null;
  context: EditorContext;
  buttons: Record<ArticleStatus, StoryButtons>;
  me: { id: number; isEditor: boolean };
  site: { name: string; url: string };
  notice?: string;
  actions: StoryEditorActions;
}) {
  return (
    <ArticleEditor
      story={
        story && {
          id: story.id,
          version: story.version,
          status: story.status,
          title: story.title,
          dek: story.dek,
          slug: story.slug,
          sectionId: story.sectionId,
          tags: story.tags,
          authorIds: story.authorIds,
          body: story.body as JSONContent,
          heroMediaId: story.heroMediaId,
          seoTitle: story.seoTitle,
          seoDescription: story.seoDescription,
          commentsMode: story.commentsMode,
          publishAt: story.publishAt?.toISOString() ?? null,
        }
      }
      sections={context.sections}
      staff={context.staff}
      tagSuggestions={context.tags}
      media={context.media}
      hero={context.hero}
      buttons={buttons}
      me={me}
      site={site}
      notice={notice}
      save={actions.save}
      remove={actions.remove}
      browseMedia={actions.browseMedia}
      uploadMedia={actions.uploadMedia}
    >
      {story && (
        <EditorialNotes
          articleId={story.id}
          notes={context.notes.map((note) => ({ id: note.id, body: note.body, authorName: note.authorName, when: `${when.format(note.createdAt)} UTC`, at: note.createdAt.toISOString() }))}
          addNote={actions.addNote}
        />
      )}
    </ArticleEditor>
  );
}
