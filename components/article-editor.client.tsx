'use client';

import { EditorContent, useEditor, type JSONContent } from '@tiptap/react';
import Image from 'next/image';
import { useEffect, useEffectEvent, useId, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ArticleStatus } from '@/db/schema';
import type { FormState } from '@/lib/action';
import { documentExtensions } from '@/lib/document-schema';
import type { Intent } from '@/lib/editorial';
import { searchPreview } from '@/lib/search-preview';
import { slugify } from '@/lib/slug';
import type { StoryButtons } from '@/lib/story-actions';
import { countWords } from '@/lib/word-count';
import { statusLabels } from '@/lib/workflow';
import { EditorConflict, type ConflictDetail } from './editor-conflict.client';
import { describedBy, EditorField } from './editor-field';
import { EditorDialog, EmbedDialog, ImageDialog, LinkDialog, type FigureValues } from './editor-dialogs.client';
import { EditorToolbar, type ToolbarDialog } from './editor-toolbar.client';
import { FormAlert } from './form-alert';
import { MediaPicker, type BrowseMedia, type MediaChoice, type UploadMedia } from './media-picker.client';
import { SearchResultPreview } from './search-result-preview';

/** A story as the editor opens it: plain data the server hands over. */
export interface EditorStory {
  id: number;
  version: number;
  status: ArticleStatus;
  title: string;
  dek: string;
  slug: string;
  sectionId: number | null;
  tags: string[];
  authorIds: number[];
  body: JSONContent;
  heroMediaId: number | null;
  seoTitle: string;
  seoDescription: string;
  commentsMode: 'open' | 'closed' | 'off';
  publishAt: string | null;
}

/** What `saveStory` (app/dashboard/articles/actions.ts) returns on success. */
export interface SavedStory {
  id: number;
  version: number;
  status: ArticleStatus;
  slug: string;
  savedAt: string;
}

type SaveAction = (state: FormState<never>, form: FormData) => Promise<FormState<SavedStory>>;
type DeleteAction = (state: FormState<never>, form: FormData) => Promise<FormState<unknown>>;

interface Fields {
  title: string;
  dek: string;
  slug: string;
  sectionId: string;
  tags: string;
  authorIds: number[];
  heroMediaId: number | null;
  seoTitle: string;
  seoDescription: string;
  commentsMode: 'open' | 'closed' | 'off';
}

type SaveState = 'idle' | 'saving' | 'saved' | 'retrying' | 'invalid' | 'conflict' | 'failed' | 'leaving';

/** Autosave waits this long after the last keystroke. */
const AUTOSAVE_DELAY = 3000;
const RETRY_DELAYS = [5000, 10_000, 20_000, 40_000, 60_000];

const field = 'w-full rounded border border-rule bg-transparent px-3 py-2 text-base font-normal disabled:opacity-60';
const primary = 'rounded bg-[var(--ink)] px-4 py-2 text-sm font-semibold text-[var(--paper)] hover:opacity-90 disabled:opacity-60';
const secondary = 'rounded border border-rule px-4 py-2 text-sm font-semibold hover:border-current disabled:opacity-60';
const panel = 'flex flex-col gap-4 rounded border border-rule p-4';

const noSubscription = () => () => {};
/** False on the server and in the first render: for values that depend on the reader's clock or zone. */
const useMounted = () => useSyncExternalStore(noSubscription, () => true, () => false);

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A stored instant as the value of a datetime-local input, in the browser's zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "music, New Tag, music" → ["music", "New Tag"]: trimmed, no repeats whatever their case. */
export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag && !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
}

/** The redirect a server action throws is how `saveStory` opens a new story's page: not a failure. */
const isRedirect = (error: unknown) =>
  typeof error === 'object' && error !== null && 'digest' in error && String((error as { digest: unknown }).digest).startsWith('NEXT_REDIRECT');

const done: Partial<Record<Intent, string>> = { publish: 'Published.', unpublish: 'Unpublished: it is a draft again.', schedule: 'Scheduled.' };

export interface ArticleEditorProps {
  story: EditorStory | null;
  sections: Array<{ id: number; name: string }>;
  staff: Array<{ id: number; name: string }>;
  tagSuggestions: string[];
  media: MediaChoice[];
  hero: MediaChoice | null;
  buttons: Record<ArticleStatus, StoryButtons>;
  me: { id: number; isEditor: boolean };
  site: { name: string; url: string };
  notice?: string;
  save: SaveAction;
  remove: DeleteAction;
  browseMedia: BrowseMedia;
  uploadMedia: UploadMedia;
  /** The sidebar's last panels (editorial notes). */
  children?: ReactNode;
}

/**
 * The story editor. Next keeps the last few pages mounted but hidden (<Activity>) so Back can restore
 * them; effects are cleaned up while hidden, and Tiptap destroys its editor then. So a hidden editor
 * renders nothing (no second set of "Title", "Body"… fields), and one shown again starts afresh from
 * the story the server sent, rather than mixing kept fields with a body rebuilt from old props.
 */
export function ArticleEditor(props: ArticleEditorProps) {
  const [visible, setVisible] = useState(true);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const shown = requestAnimationFrame(() => setVisible(true));
    return () => {
      cancelAnimationFrame(shown);
      setVisible(false);
      setGeneration((n) => n + 1);
    };
  }, []);
  if (!visible) return null;
  return <StoryForm key={generation} {...props} />;
}

function StoryForm({
  story,
  sections,
  staff,
  tagSuggestions,
  media,
  hero: initialHero,
  buttons,
  me,
  site,
  notice,
  save,
  remove,
  browseMedia,
  uploadMedia,
  children,
}: ArticleEditorProps) {
  const id = story?.id ?? null;
  const mounted = useMounted();
  const [fields, setFields] = useState<Fields>(() => ({
    title: story?.title ?? '',
    dek: story?.dek ?? '',
    slug: story?.slug ?? '',
    sectionId: story?.sectionId ? String(story.sectionId) : '',
    tags: story?.tags.join(', ') ?? '',
    authorIds: story?.authorIds ?? [me.id],
    heroMediaId: story?.heroMediaId ?? null,
    seoTitle: story?.seoTitle ?? '',
    seoDescription: story?.seoDescription ?? '',
    commentsMode: story?.commentsMode ?? 'open',
  }));
  // The slug follows the title until someone types one — and never moves on its own once the story is out.
  const [slugAuto, setSlugAuto] = useState(() => !story || ((story.status === 'draft' || story.status === 'in_review') && story.slug === slugify(story.title)));
  const [publishAt, setPublishAt] = useState<string | null>(null);
  const [hero, setHero] = useState<MediaChoice | null>(initialHero);
  const [status, setStatus] = useState<ArticleStatus>(story?.status ?? 'draft');
  const [slug, setSlug] = useState(story?.slug ?? '');
  const [bodyText, setBodyText] = useState('');
  const [edits, setEdits] = useState(0);
  const [savedEdits, setSavedEdits] = useState(0);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [autoProblem, setAutoProblem] = useState<string | null>(null);
  const [retries, setRetries] = useState(0);
  const [message, setMessage] = useState<FormState<never>>(notice ? { status: 'ok', message: notice } : { status: 'idle' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [conflict, setConflict] = useState<(ConflictDetail & { intent: Intent }) | null>(null);
  const [dialog, setDialog] = useState<ToolbarDialog | 'hero' | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // The SEO fields open by themselves when they hold something.
  const [seoOpen, setSeoOpen] = useState(Boolean(story?.seoTitle || story?.seoDescription));
  const version = useRef(story?.version);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const creating = useRef(false);
  const uid = useId();

  const allowed = buttons[status];
  const canEdit = allowed.save;
  const dirty = edits !== savedEdits;
  const published = status === 'published';

  /** Every change counts; after an autosave was refused (an empty title…), the next change may try again. */
  function edited() {
    setEdits((n) => n + 1);
    setSaveState((state) => (state === 'invalid' ? 'idle' : state));
  }

  const editor = useEditor({
    extensions: documentExtensions,
    content: story?.body ?? '',
    immediatelyRender: false,
    editable: canEdit,
    editorProps: {
      attributes: {
        id: 'story-body',
        role: 'textbox',
        'aria-label': 'Body',
        'aria-multiline': 'true',
        'aria-describedby': 'body-count',
        class: 'min-h-[28rem] rounded-b border border-rule px-5 py-4 sm:px-8',
      },
    },
    onCreate: ({ editor: created }) => setBodyText(created.getText({ blockSeparator: '\n\n' })),
    onUpdate: ({ editor: changed }) => {
      setBodyText(changed.getText({ blockSeparator: '\n\n' }));
      edited();
    },
  });

  useEffect(() => {
    if (editor && editor.isEditable !== canEdit) editor.setEditable(canEdit);
  }, [editor, canEdit]);

  function change(patch: Partial<Fields>) {
    setFields((current) => ({ ...current, ...patch }));
    edited();
  }

  const slugShown = slugAuto ? slugify(fields.title) : fields.slug;
  const publishAtShown = publishAt ?? (mounted ? toLocalInput(story?.publishAt ?? null) : '');

  function formFor(intent: Intent): FormData {
    const form = new FormData();
    form.set('intent', intent);
    if (id) form.set('id', String(id));
    if (version.current) form.set('version', String(version.current));
    form.set('title', fields.title);
    form.set('dek', fields.dek);
    // An automatic slug is left to the server, which makes it unique.
    form.set('slug', slugAuto ? '' : fields.slug);
    form.set('sectionId', fields.sectionId);
    form.set('tags', JSON.stringify(parseTags(fields.tags)));
    form.set('authorIds', JSON.stringify(fields.authorIds));
    form.set('body', JSON.stringify(editor?.getJSON() ?? { type: 'doc', content: [] }));
    form.set('heroMediaId', fields.heroMediaId ? String(fields.heroMediaId) : '');
    form.set('seoTitle', fields.seoTitle);
    form.set('seoDescription', fields.seoDescription);
    form.set('commentsMode', fields.commentsMode);
    // The browser knows the writer's time zone; the server gets an unambiguous instant.
    if (publishAtShown) {
      const at = new Date(publishAtShown);
      if (!Number.isNaN(at.getTime())) form.set('publishAt', at.toISOString());
    }
    return form;
  }

  /** Saves (and moves through the workflow); saves run one after another, each on the version the last one returned. */
  function persist(intent: Intent) {
    const mark = edits;
    const form = () => formFor(intent);
    const run = queue.current.then(() => send(intent, mark, form));
    queue.current = run.catch(() => undefined);
    return run;
  }

  async function send(intent: Intent, mark: number, form: () => FormData) {
    const auto = intent === 'autosave';
    if (!id) {
      // A new story exists once its first save returns; a second click must not create it twice.
      if (creating.current) return;
      creating.current = true;
    }
    setSaveState('saving');
    if (!auto) {
      setMessage({ status: 'idle' });
      setAutoProblem(null);
    }
    let result: FormState<SavedStory> | undefined;
    try {
      const data = form();
      // The version is read now, after any save queued before this one has returned its new number.
      if (version.current) data.set('version', String(version.current));
      result = await save({ status: 'idle' }, data);
    } catch (error) {
      if (isRedirect(error)) return setSaveState('leaving');
      creating.current = false;
      if (auto) {
        setSaveState('retrying');
        setRetries((n) => n + 1);
      } else {
        setSaveState('failed');
        setMessage({ status: 'error', message: 'Couldn’t reach the server, so nothing was saved. Your text is still here: try again in a moment.' });
      }
      return;
    }
    if (!result) return setSaveState('leaving');
    creating.current = false;
    if (result.status === 'ok' && result.data) {
      const saved = result.data;
      version.current = saved.version;
      setStatus(saved.status);
      setSlug(saved.slug);
      if (slugAuto && saved.slug !== slugify(fields.title)) {
        // The server made the automatic slug unique (night-bus-2): show the real one, and keep it.
        setSlugAuto(false);
        setFields((current) => ({ ...current, slug: saved.slug }));
      } else if (!slugAuto && fields.slug.trim().toLowerCase() === saved.slug) {
        setFields((current) => (current.slug === fields.slug ? { ...current, slug: saved.slug } : current));
      }
      setSavedAt(new Date(saved.savedAt));
      setSavedEdits(mark);
      setSaveState('saved');
      setRetries(0);
      setFieldErrors({});
      setAutoProblem(null);
      if (!auto) setMessage({ status: 'ok', message: done[intent] ?? result.message ?? 'Saved.' });
      return;
    }
    if (result.status !== 'error') return;
    if (result.code === 'conflict' && result.detail) {
      setConflict({ ...(result.detail as ConflictDetail), intent: auto ? 'save' : intent });
      setSaveState('conflict');
      setMessage({ status: 'error', message: result.message });
      return;
    }
    if (auto) {
      // A refusal (an empty title, a taken slug) waits for the next change; anything else is retried.
      if (result.fieldErrors || result.code === 'invalid' || result.code === 'forbidden') {
        setSaveState('invalid');
        setAutoProblem(result.message);
        setFieldErrors(result.fieldErrors ?? {});
      } else {
        setSaveState('retrying');
        setRetries((n) => n + 1);
      }
      return;
    }
    setSaveState('failed');
    setMessage({ status: 'error', message: result.message });
    setFieldErrors(result.fieldErrors ?? {});
  }

  // Autosave: a few seconds after the last change, for a story that exists, is not live, and has no
  // unresolved conflict. A published story changes only when someone chooses "Publish changes".
  const autosave = useEffectEvent(() => void persist('autosave'));
  const autosaves = Boolean(id) && canEdit && !published && !conflict;
  useEffect(() => {
    if (!autosaves || !dirty || saveState === 'saving' || saveState === 'invalid') return;
    const delay = saveState === 'retrying' ? RETRY_DELAYS[Math.min(retries - 1, RETRY_DELAYS.length - 1)]! : AUTOSAVE_DELAY;
    const timer = window.setTimeout(autosave, delay);
    return () => window.clearTimeout(timer);
  }, [autosaves, dirty, edits, saveState, retries]);


  // Ctrl/Cmd+S saves; Ctrl/Cmd+Shift+P publishes, when this person may.
  const shortcut = useEffectEvent((event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 's' && !event.shiftKey) {
      // Never the browser's "Save page as…" here, even with a dialog open.
      event.preventDefault();
      if (canEdit && !dialog) void persist('save');
    } else if (key === 'p' && event.shiftKey && allowed.publish && !dialog) {
      event.preventDefault();
      void persist('publish');
    }
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => shortcut(event);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Leaving with unsaved changes: a draft is saved on the way out; a live or new story asks first.
  // Closing the tab always asks (the browser's own prompt).
  const leaving = useEffectEvent((event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.origin !== window.location.origin || event.defaultPrevented) return;
    if (autosaves) void persist('autosave');
    else if (!window.confirm(published ? 'Leave without publishing your changes?' : 'Leave without saving this story?')) event.preventDefault();
  });
  useEffect(() => {
    if (!dirty || saveState === 'leaving') return;
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const onClick = (event: MouseEvent) => leaving(event);
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, saveState]);

  function keepMine() {
    if (!conflict) return;
    version.current = conflict.version;
    const intent = conflict.intent;
    setConflict(null);
    void persist(intent);
  }

  function loadSaved() {
    if (!conflict || !editor) return;
    editor.commands.setContent(conflict.body as JSONContent, { emitUpdate: false });
    setBodyText(editor.getText({ blockSeparator: '\n\n' }));
    setFields((current) => ({ ...current, title: conflict.title, dek: conflict.dek }));
    version.current = conflict.version;
    setConflict(null);
    setSavedEdits(edits);
    setSaveState('idle');
    setMessage({ status: 'ok', message: `Loaded the saved version (version ${conflict.version}).` });
  }

  async function deleteStory() {
    if (!id) return;
    const form = new FormData();
    form.set('id', String(id));
    try {
      setSaveState('leaving');
      const result = await remove({ status: 'idle' }, form);
      if (result?.status === 'error') {
        setSaveState('idle');
        setMessage({ status: 'error', message: result.message });
      }
    } catch (error) {
      if (!isRedirect(error)) {
        setSaveState('idle');
        setMessage({ status: 'error', message: 'Couldn’t reach the server: the story was not deleted.' });
      }
    }
  }

  function schedule() {
    if (!publishAtShown) {
      setFieldErrors({ publishAt: 'Choose when to publish it.' });
      setMessage({ status: 'error', message: 'Choose the date and time to publish it in “Publish at”, then choose Schedule.' });
      return;
    }
    void persist('schedule');
  }

  // Dialog actions on the body.
  const figure = editor?.isActive('figure') ? (editor.getAttributes('figure') as Partial<FigureValues>) : null;
  const currentFigure: FigureValues | null =
    figure && figure.mediaId && figure.src
      ? { mediaId: figure.mediaId, src: figure.src, alt: figure.alt ?? '', caption: figure.caption ?? '', width: figure.width ?? 1600, height: figure.height ?? 900 }
      : null;

  function closeDialog() {
    setDialog(null);
    editor?.commands.focus();
  }

  // Suggestions complete the tag being typed: each option is the whole list with that tag last.
  const typedTags = fields.tags;
  const tagOptions = useMemo(() => {
    const before = parseTags(typedTags.includes(',') ? typedTags.slice(0, typedTags.lastIndexOf(',')) : '');
    const taken = new Set(before.map((tag) => tag.toLowerCase()));
    return tagSuggestions
      .filter((tag) => !taken.has(tag.toLowerCase()))
      .map((tag) => <option key={tag} value={[...before, tag].join(', ')} label={tag} />);
  }, [tagSuggestions, typedTags]);

  const words = countWords(bodyText);
  const preview = searchPreview({ siteName: site.name, siteUrl: site.url, slug: slugShown || slug, title: fields.title, seoTitle: fields.seoTitle, dek: fields.dek, seoDescription: fields.seoDescription, bodyText });
  const saveLabel = published ? 'Publish changes' : 'Save draft';
  const errorFor = (name: string) => fieldErrors[name];
  const seoShown = seoOpen || Boolean(fieldErrors.seoTitle || fieldErrors.seoDescription);
  const ids = Object.fromEntries(
    ['title', 'dek', 'publishAt', 'slug', 'section', 'tags', 'comments', 'seoTitle', 'seoDescription'].map((name) => [name, `${uid}-${name}`]),
  ) as Record<'title' | 'dek' | 'publishAt' | 'slug' | 'section' | 'tags' | 'comments' | 'seoTitle' | 'seoDescription', string>;

  const statusText = (() => {
    if (saveState === 'saving') return 'Saving…';
    if (saveState === 'leaving') return 'Saved. Opening the story…';
    if (saveState === 'retrying') return 'Couldn’t save — retrying';
    if (saveState === 'invalid') return `Not saved: ${autoProblem ?? 'check the story’s fields.'}`;
    if (saveState === 'conflict') return 'Not saved: someone else saved this story meanwhile.';
    if (dirty) return !id ? 'Not saved yet' : published ? 'Changes not live yet: choose “Publish changes”.' : 'Unsaved changes';
    if (savedAt) return `Saved at ${timeFormat.format(savedAt)}`;
    return id ? 'No changes yet' : 'Not saved yet';
  })();

  if (saveState === 'leaving') {
    return (
      <p role="status" className="text-muted">
        Saved. Opening the story…
      </p>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4 border-b border-rule pb-4">
        <div>
          <p className="text-sm text-muted">
            <span className="rounded-full border border-rule px-2 py-0.5 font-semibold text-[var(--ink)]">{statusLabels[status]}</span>
            {status === 'scheduled' && story?.publishAt && mounted && <> for {dateTimeFormat.format(new Date(publishAtShown || story.publishAt))}</>}
          </p>
          <h1 className="mt-2 text-3xl font-bold">{id ? 'Edit story' : 'New story'}</h1>
        </div>
        <div className="flex flex-col items-end gap-2">
          <div className="flex flex-wrap justify-end gap-2">
            {canEdit && (
              <button type="button" onClick={() => persist('save')} className={primary}>
                {saveLabel}
              </button>
            )}
            {allowed.submit && (
              <button type="button" onClick={() => persist('submit')} className={secondary}>
                Submit for review
              </button>
            )}
            {allowed.publish && (
              <button type="button" onClick={() => persist('publish')} className={secondary}>
                Publish
              </button>
            )}
            {allowed.unpublish && id && (
              <button type="button" onClick={() => persist('unpublish')} className={secondary}>
                Unpublish
              </button>
            )}
          </div>
          <p role="status" aria-live="polite" className="min-h-5 text-sm text-muted">
            {statusText}
          </p>
        </div>
      </div>

      <FormAlert state={message} />
      {message.status === 'ok' && published && slug && (
        <p className="-mt-4 text-sm">
          <a href={`/articles/${slug}`} target="_blank" rel="noreferrer" className="font-semibold underline">
            View the published story
          </a>
        </p>
      )}
      {conflict && <EditorConflict detail={conflict} mine={{ title: fields.title, dek: fields.dek, bodyText }} onKeepMine={keepMine} onLoadSaved={loadSaved} />}
      {!canEdit && (
        <p className="rounded border border-rule px-4 py-3 text-sm">
          You can read this story but not change it: it is {statusLabels[status].toLowerCase()}, and only its author or an editor can edit it now.
        </p>
      )}

      <div className="grid gap-10 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex min-w-0 flex-col gap-5">
          <EditorField id={ids.title} label="Title" error={errorFor('title')}>
            <input
              id={ids.title}
              value={fields.title}
              onChange={(event) => change({ title: event.target.value })}
              disabled={!canEdit}
              required
              maxLength={200}
              aria-invalid={Boolean(errorFor('title')) || undefined}
              aria-describedby={describedBy(ids.title, { error: errorFor('title') })}
              className={`${field} font-serif text-3xl font-bold`}
            />
          </EditorField>
          <EditorField id={ids.dek} label="Dek" hint="The line under the headline that makes people want to read on." error={errorFor('dek')}>
            <textarea
              id={ids.dek}
              value={fields.dek}
              onChange={(event) => change({ dek: event.target.value })}
              disabled={!canEdit}
              rows={2}
              maxLength={400}
              aria-invalid={Boolean(errorFor('dek')) || undefined}
              aria-describedby={describedBy(ids.dek, { hint: true, error: errorFor('dek') })}
              className={`${field} font-serif text-lg`}
            />
          </EditorField>

          <div className="flex flex-col gap-1">
            <span className="text-sm font-semibold">Body</span>
            {/* Remounted once the editor exists, so its state hook starts from the real editor. */}
            <EditorToolbar key={editor ? 'ready' : 'loading'} editor={editor} disabled={!canEdit} onDialog={setDialog} />
            <div className="article-body prose prose-lg max-w-none font-serif lg:[&_.pull-quote]:mr-0! [&_.ProseMirror-selectednode]:outline-3 [&_.ProseMirror-selectednode]:outline-[var(--accent)] [&_iframe]:aspect-video [&_iframe]:w-full">
              {editor ? (
                <EditorContent editor={editor} />
              ) : (
                <div className="min-h-[28rem] rounded-b border border-rule px-5 py-4 font-sans text-base text-muted">Loading the editor…</div>
              )}
            </div>
            <p id="body-count" className="text-sm text-muted">
              {words.toLocaleString('en')} {words === 1 ? 'word' : 'words'} · {Math.max(1, Math.round(words / 230))} min read
            </p>
            {errorFor('body') && <p className="text-sm font-semibold text-[var(--accent)]">{errorFor('body')}</p>}
          </div>
        </div>

        <aside aria-label="Story settings" className="flex flex-col gap-6">
          <section aria-labelledby={`${uid}-publishing`} className={panel}>
            <h2 id={`${uid}-publishing`} className="text-lg font-bold">
              Publishing
            </h2>
            {allowed.schedule && (
              <div className="flex flex-col gap-2">
                <EditorField id={ids.publishAt} label="Publish at" hint="In your time zone. The story goes live on its own at that time." error={errorFor('publishAt')}>
                  <input
                    id={ids.publishAt}
                    type="datetime-local"
                    value={publishAtShown}
                    onChange={(event) => setPublishAt(event.target.value)}
                    aria-invalid={Boolean(errorFor('publishAt')) || undefined}
                    aria-describedby={describedBy(ids.publishAt, { hint: true, error: errorFor('publishAt') })}
                    className={field}
                  />
                </EditorField>
                <button type="button" onClick={schedule} className={`${secondary} self-start`}>
                  Schedule
                </button>
              </div>
            )}
            {(allowed.archive || allowed.restore) && id && (
              <div className="flex flex-wrap gap-2">
                {allowed.archive && (
                  <button type="button" onClick={() => persist('archive')} className={secondary}>
                    Archive
                  </button>
                )}
                {allowed.restore && (
                  <button type="button" onClick={() => persist('restore')} className={secondary}>
                    Restore to draft
                  </button>
                )}
              </div>
            )}
            {id && (
              <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm font-semibold">
                <li>
                  <a href={`/dashboard/articles/${id}/preview`} target="_blank" rel="noreferrer" className="underline">
                    Preview<span className="sr-only"> (opens in a new tab)</span>
                  </a>
                </li>
                <li>
                  <a href={`/dashboard/articles/${id}/revisions`} className="underline">
                    Revisions
                  </a>
                </li>
                {published && (
                  <li>
                    <a href={`/articles/${slug}`} target="_blank" rel="noreferrer" className="underline">
                      Live story<span className="sr-only"> (opens in a new tab)</span>
                    </a>
                  </li>
                )}
              </ul>
            )}
            {id && allowed.delete && (
              <div className="border-t border-rule pt-3">
                {confirmDelete ? (
                  <div className="flex flex-col gap-2 text-sm">
                    <p>Delete this story and all its revisions? This cannot be undone.</p>
                    <div className="flex gap-2">
                      <button type="button" onClick={deleteStory} className="rounded bg-[var(--accent)] px-3 py-1.5 font-semibold text-white">
                        Yes, delete this story
                      </button>
                      <button type="button" onClick={() => setConfirmDelete(false)} className={secondary}>
                        Keep it
                      </button>
                    </div>
                  </div>
                ) : (
                  <button type="button" onClick={() => setConfirmDelete(true)} className="text-sm font-semibold text-[var(--accent)] underline">
                    Delete story…
                  </button>
                )}
              </div>
            )}
          </section>

          <section aria-labelledby={`${uid}-details`} className={panel}>
            <h2 id={`${uid}-details`} className="text-lg font-bold">
              Details
            </h2>
            <EditorField
              id={ids.slug}
              label="Slug"
              hint={
                <span className="break-all">
                  /articles/{slugShown || '…'}
                  {published && ' · Changing it breaks links to the story.'}
                  {slugAuto && ' · Follows the title until you edit it.'}
                </span>
              }
              error={errorFor('slug')}
            >
              <input
                id={ids.slug}
                value={slugShown}
                onChange={(event) => {
                  setSlugAuto(false);
                  change({ slug: event.target.value });
                }}
                disabled={!canEdit}
                maxLength={80}
                spellCheck={false}
                aria-invalid={Boolean(errorFor('slug')) || undefined}
                aria-describedby={describedBy(ids.slug, { hint: true, error: errorFor('slug') })}
                className={`${field} font-mono text-sm`}
              />
            </EditorField>
            <EditorField id={ids.section} label="Section" error={errorFor('sectionId')}>
              <select
                id={ids.section}
                value={fields.sectionId}
                onChange={(event) => change({ sectionId: event.target.value })}
                disabled={!canEdit}
                aria-invalid={Boolean(errorFor('sectionId')) || undefined}
                aria-describedby={describedBy(ids.section, { error: errorFor('sectionId') })}
                className={field}
              >
                <option value="">No section</option>
                {sections.map((section) => (
                  <option key={section.id} value={section.id}>
                    {section.name}
                  </option>
                ))}
              </select>
            </EditorField>
            <EditorField
              id={ids.tags}
              label="Tags"
              hint={`Separate tags with commas.${me.isEditor ? '' : ' Only editors can add tags that don’t exist yet.'}`}
              error={errorFor('tags')}
            >
              <input
                id={ids.tags}
                value={fields.tags}
                onChange={(event) => change({ tags: event.target.value })}
                disabled={!canEdit}
                list={`${uid}-tag-list`}
                aria-invalid={Boolean(errorFor('tags')) || undefined}
                aria-describedby={describedBy(ids.tags, { hint: true, error: errorFor('tags') })}
                className={field}
              />
              <datalist id={`${uid}-tag-list`}>{tagOptions}</datalist>
            </EditorField>
            <fieldset className="flex flex-col gap-1" aria-describedby={errorFor('authorIds') ? `${uid}-authors-error` : undefined}>
              <legend className="mb-1 text-sm font-semibold">Authors</legend>
              <ul className="flex max-h-48 flex-col gap-1 overflow-y-auto text-sm">
                {staff.map((person) => {
                  const checked = fields.authorIds.includes(person.id);
                  // Writers below editor always keep their own byline (the server adds it back anyway).
                  const locked = !me.isEditor && person.id === me.id;
                  return (
                    <li key={person.id}>
                      <label className="flex items-center gap-2">
                        <input
                          type="checkbox"
                          checked={checked || locked}
                          disabled={!canEdit || locked}
                          onChange={(event) =>
                            change({ authorIds: event.target.checked ? [...fields.authorIds, person.id] : fields.authorIds.filter((a) => a !== person.id) })
                          }
                        />
                        {person.name}
                        {person.id === me.id && <span className="text-muted">(you)</span>}
                      </label>
                    </li>
                  );
                })}
              </ul>
              {errorFor('authorIds') && (
                <span id={`${uid}-authors-error`} className="text-sm font-semibold text-[var(--accent)]">
                  {errorFor('authorIds')}
                </span>
              )}
            </fieldset>
            <EditorField id={ids.comments} label="Comments">
              <select
                id={ids.comments}
                value={fields.commentsMode}
                onChange={(event) => change({ commentsMode: event.target.value as Fields['commentsMode'] })}
                disabled={!canEdit}
                className={field}
              >
                <option value="open">Open: readers can comment</option>
                <option value="closed">Closed: comments stay, no new ones</option>
                <option value="off">Off: no comments shown</option>
              </select>
            </EditorField>
          </section>

          <section aria-labelledby={`${uid}-hero`} className={panel}>
            <h2 id={`${uid}-hero`} className="text-lg font-bold">
              Hero image
            </h2>
            {hero ? (
              <figure className="flex flex-col gap-2">
                <Image src={hero.path} alt={hero.alt} width={hero.width} height={hero.height} sizes="22rem" className="aspect-[16/9] w-full rounded object-cover" />
                <figcaption className="text-sm text-muted">{hero.alt}</figcaption>
              </figure>
            ) : (
              <p className="text-sm text-muted">{fields.heroMediaId ? `Image ${fields.heroMediaId} from the library.` : 'No hero image: the story opens with its text.'}</p>
            )}
            {canEdit && (
              <div className="flex flex-wrap gap-2">
                <button type="button" onClick={() => setDialog('hero')} className={secondary}>
                  {fields.heroMediaId ? 'Change hero picture' : 'Choose hero picture'}
                </button>
                {fields.heroMediaId && (
                  <button
                    type="button"
                    onClick={() => {
                      setHero(null);
                      change({ heroMediaId: null });
                    }}
                    className={secondary}
                  >
                    Remove hero picture
                  </button>
                )}
              </div>
            )}
          </section>

          <section aria-labelledby={`${uid}-seo`} className={panel}>
            <h2 id={`${uid}-seo`} className="text-lg font-bold">
              Search and sharing
            </h2>
            <SearchResultPreview preview={preview} />
            {/* Closed until wanted: most stories do well with their title and dek, and the form stays short. */}
            <button
              type="button"
              aria-expanded={seoShown}
              aria-controls={`${uid}-seo-fields`}
              onClick={() => setSeoOpen(!seoShown)}
              className="self-start text-sm font-semibold underline"
            >
              {seoShown ? 'Hide the SEO fields' : 'Edit the SEO fields'}
            </button>
            {seoShown && (
              <div id={`${uid}-seo-fields`} className="flex flex-col gap-4">
                <EditorField id={ids.seoTitle} label="SEO title" hint={`${fields.seoTitle.length}/120 · Leave empty to use the title.`} error={errorFor('seoTitle')}>
                  <input
                    id={ids.seoTitle}
                    value={fields.seoTitle}
                    onChange={(event) => change({ seoTitle: event.target.value })}
                    disabled={!canEdit}
                    maxLength={120}
                    placeholder={fields.title}
                    aria-invalid={Boolean(errorFor('seoTitle')) || undefined}
                    aria-describedby={describedBy(ids.seoTitle, { hint: true, error: errorFor('seoTitle') })}
                    className={field}
                  />
                </EditorField>
                <EditorField
                  id={ids.seoDescription}
                  label="SEO description"
                  hint={`${fields.seoDescription.length}/300 · Leave empty to use the dek.`}
                  error={errorFor('seoDescription')}
                >
                  <textarea
                    id={ids.seoDescription}
                    value={fields.seoDescription}
                    onChange={(event) => change({ seoDescription: event.target.value })}
                    disabled={!canEdit}
                    rows={3}
                    maxLength={300}
                    placeholder={fields.dek}
                    aria-invalid={Boolean(errorFor('seoDescription')) || undefined}
                    aria-describedby={describedBy(ids.seoDescription, { hint: true, error: errorFor('seoDescription') })}
                    className={field}
                  />
                </EditorField>
              </div>
            )}
          </section>

          {children}
        </aside>
      </div>

      <LinkDialog
        open={dialog === 'link'}
        currentHref={editor?.isActive('link') ? (editor.getAttributes('link').href as string) : null}
        onApply={(href) => {
          if (editor) {
            const { empty } = editor.state.selection;
            if (empty && !editor.isActive('link')) {
              editor
                .chain()
                .focus()
                .insertContent({ type: 'text', text: href.replace(/^mailto:/, ''), marks: [{ type: 'link', attrs: { href } }] })
                .run();
            } else editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
          }
          setDialog(null);
        }}
        onRemove={() => {
          editor?.chain().focus().extendMarkRange('link').unsetLink().run();
          setDialog(null);
        }}
        onClose={closeDialog}
      />
      <ImageDialog
        open={dialog === 'image'}
        current={currentFigure}
        media={media}
        browse={browseMedia}
        upload={uploadMedia}
        onApply={(values) => {
          if (editor) {
            if (currentFigure) editor.chain().focus().updateAttributes('figure', values).run();
            else editor.chain().focus().insertContent({ type: 'figure', attrs: values }).run();
          }
          setDialog(null);
        }}
        onClose={closeDialog}
      />
      <EmbedDialog
        open={dialog === 'embed'}
        onApply={(embed) => {
          editor?.chain().focus().insertContent({ type: 'embed', attrs: { provider: embed.provider, src: embed.src, url: embed.url, title: embed.title } }).run();
          setDialog(null);
        }}
        onClose={closeDialog}
      />
      <HeroDialog
        open={dialog === 'hero'}
        current={hero}
        media={media}
        browse={browseMedia}
        upload={uploadMedia}
        onApply={(chosen) => {
          setHero(chosen);
          change({ heroMediaId: chosen.id });
          setDialog(null);
        }}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}

function HeroDialog({
  open,
  current,
  media,
  browse,
  upload,
  onApply,
  onClose,
}: {
  open: boolean;
  current: MediaChoice | null;
  media: MediaChoice[];
  browse: BrowseMedia;
  upload: UploadMedia;
  onApply: (item: MediaChoice) => void;
  onClose: () => void;
}) {
  const [chosen, setChosen] = useState<MediaChoice | null>(current);
  const [problem, setProblem] = useState<string | null>(null);
  const [wasOpen, setWasOpen] = useState(false);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setChosen(current);
      setProblem(null);
    }
  }
  return (
    <EditorDialog
      open={open}
      title="Choose the hero picture"
      submitLabel="Use this image"
      onSubmit={() => (chosen ? onApply(chosen) : setProblem('Choose an image from the library first.'))}
      onClose={onClose}
      wide
    >
      {problem && (
        <p role="alert" className="rounded border border-[var(--accent)] px-3 py-2 text-sm">
          {problem}
        </p>
      )}
      <p className="text-sm text-muted">The hero shows above the story and when it is shared. Its alt text and credit come from the media library.</p>
      <MediaPicker initial={media} browse={browse} upload={upload} selectedId={chosen?.id ?? current?.id ?? null} onSelect={setChosen} />
    </EditorDialog>
  );
}
