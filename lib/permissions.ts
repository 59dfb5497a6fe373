import type { ArticleStatus, Role } from '@/db/schema';

// Pure rules, no I/O: the same table answers the server's checks and the dashboard's buttons.

const rank: Record<Role, number> = { reader: 0, contributor: 1, author: 2, editor: 3, admin: 4 };

export function atLeast(role: Role, minimum: Role): boolean {
  return rank[role] >= rank[minimum];
}

export const isStaff = (role: Role) => atLeast(role, 'contributor');

export interface Actor {
  id: number;
  role: Role;
}

/** What the rules need to know about a story. */
export interface ArticleFacts {
  status: ArticleStatus;
  authorIds: number[];
}

export type ArticleAction = 'view' | 'edit' | 'submit' | 'publish' | 'schedule' | 'unpublish' | 'archive' | 'delete' | 'note';

const owns = (actor: Actor, article: ArticleFacts) => article.authorIds.includes(actor.id);

/** May `actor` do `action` to this story? Contributors work on their own unpublished drafts only. */
export function canOnArticle(actor: Actor, action: ArticleAction, article: ArticleFacts): boolean {
  if (atLeast(actor.role, 'editor')) return true;
  if (!isStaff(actor.role) || !owns(actor, article)) return false;
  if (actor.role === 'author') return true;
  // contributor
  const unpublished = article.status === 'draft' || article.status === 'in_review';
  switch (action) {
    case 'view':
    case 'note':
      return true;
    case 'edit':
    case 'submit':
    case 'delete':
      return unpublished;
    default:
      return false;
  }
}

export type SiteAction =
  | 'dashboard'
  | 'article:create'
  | 'media:upload'
  | 'review:queue'
  | 'comments:moderate'
  | 'taxonomy:manage'
  | 'users:manage'
  | 'settings:manage'
  | 'audit:view';

const siteMinimum: Record<SiteAction, Role> = {
  dashboard: 'contributor',
  'article:create': 'contributor',
  'media:upload': 'contributor',
  'review:queue': 'editor',
  'comments:moderate': 'editor',
  'taxonomy:manage': 'editor',
  'users:manage': 'admin',
  'settings:manage': 'admin',
  'audit:view': 'admin',
};

// The staff area's pages and what opening each needs, most specific first.
const areas: Array<[prefix: string, needs: SiteAction]> = [
  ['/dashboard/users', 'users:manage'],
  ['/dashboard/audit', 'audit:view'],
  ['/dashboard/settings', 'settings:manage'],
  ['/dashboard/sections', 'taxonomy:manage'],
  ['/dashboard/comments', 'comments:moderate'],
  ['/dashboard', 'dashboard'],
];

/** What opening a staff page needs: proxy.ts answers 403 from it before any rendering starts. */
export function siteActionForPath(pathname: string): SiteAction | undefined {
  return areas.find(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`))?.[1];
}

export function can(actor: Actor, action: SiteAction): boolean {
  return atLeast(actor.role, siteMinimum[action]);
}

/** Media: anyone on staff uses the library; only the uploader or an editor deletes. */
export function canDeleteMedia(actor: Actor, media: { uploadedBy: number | null }): boolean {
  return atLeast(actor.role, 'editor') || (isStaff(actor.role) && media.uploadedBy === actor.id);
}
