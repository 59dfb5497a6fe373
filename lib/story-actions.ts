import type { ArticleStatus } from '@/db/schema';
import { articleStatuses } from '@/db/schema';
import { atLeast, canOnArticle, type Actor } from './permissions';
import { isAllowedTransition, type Transition } from './workflow';

/** The editor's buttons for one status: legal in the workflow and allowed to this person on this story. */
export interface StoryButtons {
  /** "Save draft", or "Publish changes" on a published story. */
  save: boolean;
  submit: boolean;
  publish: boolean;
  schedule: boolean;
  unpublish: boolean;
  archive: boolean;
  restore: boolean;
  delete: boolean;
}

/**
 * The buttons for every status, worked out on the server from the same rules the save checks, so the
 * editor can follow a story from draft to published without asking again. `authorIds` is the byline as
 * saved (a new story's is its writer).
 */
export function storyButtons(actor: Actor, authorIds: number[]): Record<ArticleStatus, StoryButtons> {
  const table = {} as Record<ArticleStatus, StoryButtons>;
  for (const status of articleStatuses) {
    const facts = { status, authorIds };
    const may = (transition: Transition, needs = transition === 'restore' ? ('edit' as const) : transition) =>
      isAllowedTransition(status, transition) && canOnArticle(actor, needs, facts);
    table[status] = {
      save: canOnArticle(actor, 'edit', facts),
      // Editors publish straight away; review is for those who need someone else's say-so (and authors who want it).
      submit: !atLeast(actor.role, 'editor') && may('submit'),
      publish: status !== 'published' && may('publish'),
      schedule: may('schedule'),
      unpublish: may('unpublish'),
      archive: may('archive'),
      restore: may('restore'),
      delete: canOnArticle(actor, 'delete', facts),
    };
  }
  return table;
}
