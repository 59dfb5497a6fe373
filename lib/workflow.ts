import type { ArticleStatus } from '@/db/schema';
import type { ArticleAction } from './permissions';

// A story's life: draft → in review → scheduled → published → archived. Pure rules, tested as a table.

export type Transition = 'submit' | 'publish' | 'schedule' | 'unpublish' | 'archive' | 'restore';

const moves: Record<Transition, { from: ArticleStatus[]; to: ArticleStatus; needs: ArticleAction }> = {
  submit: { from: ['draft'], to: 'in_review', needs: 'submit' },
  publish: { from: ['draft', 'in_review', 'scheduled', 'archived'], to: 'published', needs: 'publish' },
  schedule: { from: ['draft', 'in_review', 'scheduled'], to: 'scheduled', needs: 'schedule' },
  unpublish: { from: ['published', 'scheduled'], to: 'draft', needs: 'unpublish' },
  archive: { from: ['published'], to: 'archived', needs: 'archive' },
  restore: { from: ['archived'], to: 'draft', needs: 'edit' },
};

export function transitionTarget(transition: Transition): ArticleStatus {
  return moves[transition].to;
}

export function permissionFor(transition: Transition): ArticleAction {
  return moves[transition].needs;
}

export function isAllowedTransition(from: ArticleStatus, transition: Transition): boolean {
  return moves[transition].from.includes(from);
}

export const statusLabels: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
  archived: 'Archived',
};

const wording: Record<Transition, string> = {
  submit: 'submitted for review',
  publish: 'published',
  schedule: 'scheduled',
  unpublish: 'unpublished',
  archive: 'archived',
  restore: 'restored to a draft',
};

/** The refusal a person reads when a move is not possible from where the story is. */
export function illegalTransitionMessage(from: ArticleStatus, transition: Transition): string {
  return `A story that is ${statusLabels[from].toLowerCase()} cannot be ${wording[transition]}.`;
}
