import { describe, expect, it } from 'vitest';
import { roles, type ArticleStatus, type Role } from '@/db/schema';
import { can, canDeleteMedia, canOnArticle, siteActionForPath, type ArticleAction, type SiteAction } from './permissions';

const me = 10;
const someoneElse = 20;
const actor = (role: Role) => ({ id: me, role });

// The whole table, written out: Y allowed, - refused. Columns: reader contributor author editor admin.
const siteTable: Record<SiteAction, string> = {
  dashboard: '-YYYY',
  'article:create': '-YYYY',
  'media:upload': '-YYYY',
  'review:queue': '---YY',
  'comments:moderate': '---YY',
  'taxonomy:manage': '---YY',
  'users:manage': '----Y',
  'settings:manage': '----Y',
  'audit:view': '----Y',
};

// Own story, by status: draft / in_review / scheduled / published / archived.
const ownTable: Record<ArticleAction, Record<Role, string>> = {
  view: { reader: '-----', contributor: 'YYYYY', author: 'YYYYY', editor: 'YYYYY', admin: 'YYYYY' },
  edit: { reader: '-----', contributor: 'YY---', author: 'YYYYY', editor: 'YYYYY', admin: 'YYYYY' },
  submit: { reader: '-----', contributor: 'YY---', author: 'YYYYY', editor: 'YYYYY', admin: 'YYYYY' },
  publish: { reader: '-----', contributor: '-----', author: 'YYYYY', editor: 'YYYYY', admin: 'YYYYY' },
  schedule: { reader: '-----', contributor: '-----', author: 'YYYYY', editor: 'YYYYY', admin: 'YYYYY' },
  unpublish: { reader: '-----', contributor: '-----', author: 'YYYYY', editor: 'YYYYY', admin: 'YYYYY' },
  archive: { reader: '-----', contributor: '-----', author: 'YYYYY', editor: 'YYYYY', admin: 'YYYYY' },
  delete: { reader: '-----', contributor: 'YY---', author: 'YYYYY', editor: 'YYYYY', admin: 'YYYYY' },
  note: { reader: '-----', contributor: 'YYYYY', author: 'YYYYY', editor: 'YYYYY', admin: 'YYYYY' },
};

const statuses: ArticleStatus[] = ['draft', 'in_review', 'scheduled', 'published', 'archived'];

describe('site permissions', () => {
  for (const [action, row] of Object.entries(siteTable) as Array<[SiteAction, string]>) {
    it(`${action}: ${row}`, () => {
      expect(roles.map((role) => (can(actor(role), action) ? 'Y' : '-')).join('')).toBe(row);
    });
  }
});

describe('story permissions', () => {
  for (const [action, byRole] of Object.entries(ownTable) as Array<[ArticleAction, Record<Role, string>]>) {
    it(`${action} on one's own story`, () => {
      for (const role of roles) {
        const row = statuses.map((status) => (canOnArticle(actor(role), action, { status, authorIds: [me] }) ? 'Y' : '-')).join('');
        expect(`${role} ${row}`).toBe(`${role} ${byRole[role]}`);
      }
    });

    it(`${action} on someone else's story: editors and admins only`, () => {
      for (const role of roles) {
        for (const status of statuses) {
          const allowed = canOnArticle(actor(role), action, { status, authorIds: [someoneElse] });
          expect(`${role} ${status} ${allowed}`).toBe(`${role} ${status} ${role === 'editor' || role === 'admin'}`);
        }
      }
    });
  }
});

describe('media permissions', () => {
  it('lets the uploader or an editor delete, nobody else', () => {
    expect(roles.map((role) => (canDeleteMedia(actor(role), { uploadedBy: me }) ? 'Y' : '-')).join('')).toBe('-YYYY');
    expect(roles.map((role) => (canDeleteMedia(actor(role), { uploadedBy: someoneElse }) ? 'Y' : '-')).join('')).toBe('---YY');
  });
});

describe('siteActionForPath', () => {
  it.each([
    ['/dashboard', 'dashboard'],
    ['/dashboard/articles/12', 'dashboard'],
    ['/dashboard/users', 'users:manage'],
    ['/dashboard/users/7', 'users:manage'],
    ['/dashboard/usersx', 'dashboard'],
    ['/dashboard/audit', 'audit:view'],
    ['/dashboard/sections', 'taxonomy:manage'],
    ['/account', undefined],
  ])('%s needs %s', (path, needs) => {
    expect(siteActionForPath(path)).toBe(needs);
  });
});
