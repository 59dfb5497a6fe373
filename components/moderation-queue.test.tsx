import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { QueueItem } from '@/lib/moderation';
import { decisionDetail, ModerationLogTable } from './moderation-log-table';
import { ModerationQueue, QueueTabs, type QueueActions } from './moderation-queue';

const noop = async () => ({ status: 'idle' as const });
const actions: QueueActions = { moderate: noop, feature: noop, ban: noop };
const editor = { id: 99, isAdmin: false };
const admin = { id: 98, isAdmin: true };

let nextId = 1;
function item(overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id: nextId++,
    body: 'A fair point, well made.',
    status: 'pending',
    depth: 0,
    parentId: null,
    featured: false,
    reactionCount: 0,
    reportCount: 0,
    createdAt: new Date('2026-11-01T10:00:00Z'),
    editedAt: null,
    article: { id: 7, slug: 'the-story', title: 'The Story' },
    author: { id: 5, name: 'Ada Reader', slug: 'ada-reader', role: 'reader', status: 'active', trusted: false },
    heldFor: [],
    reports: [],
    ...overrides,
  };
}

// React appends its own script that replays form submits made before hydration: not part of our markup.
const render = (items: QueueItem[], moderator = editor, tab: 'pending' | 'reported' | 'spam' | 'all' = 'all') =>
  renderToStaticMarkup(<ModerationQueue tab={tab} items={items} actions={actions} moderator={moderator} />).replace(/<script>addEventListener\("submit"[^<]*<\/script>$/, '');

/** The labels of the submit buttons in the markup, in order. */
const buttons = (html: string) => [...html.matchAll(/<button type="submit"[^>]*>([^<]*)<\/button>/g)].map((match) => match[1]);

describe('ModerationQueue', () => {
  it('shows what a pending comment needs: its text, who wrote it where, why it waits, and every decision', () => {
    const held = item({ heldFor: ['new_reader', 'links'] });
    const html = render([held], editor, 'pending');
    expect(html).toContain('A fair point, well made.');
    expect(html).toContain(`href="/articles/the-story#comment-${held.id}"`);
    expect(html).toContain('Ada Reader (reader, active, not yet trusted)');
    expect(html).toContain('New reader: fewer than two approved comments');
    expect(html).toContain('Has two or more links');
    expect(buttons(html)).toEqual(['Approve selected', 'Approve', 'Remove', 'Mark as spam', 'Ban author']);
    // The Duration select offers exactly the four lengths, and the checkbox belongs to the bulk form.
    expect([...html.matchAll(/<option value="([^"]+)"[^>]*>([^<]+)<\/option>/g)].map((m) => `${m[1]}=${m[2]}`)).toEqual(['1=1 day', '7=7 days', '30=30 days', 'permanent=Permanent']);
    expect(html).toMatch(new RegExp(`<input type="checkbox"(?=[^>]*name="ids")(?=[^>]*value="${held.id}")(?=[^>]*form="bulk-approve")`));
    expect(html).toMatch(/<form id="bulk-approve"[^>]*>/);
    // Each form names itself, so a refused submission without JavaScript can come back to it.
    for (const key of ['approve', 'remove', 'spam', 'ban']) expect(html).toMatch(new RegExp(`<form id="${key}-${held.id}"[^>]*><input type="hidden" name="_form" value="${key}-${held.id}"/>`));
  });

  it('shows an outcome kept from a no-JavaScript submission in the form it came from, and only there', () => {
    const first = item();
    const second = item();
    const flash = { form: `ban-${second.id}`, state: { status: 'error' as const, message: 'Only an admin can ban a member of staff.' } };
    const html = renderToStaticMarkup(<ModerationQueue tab="pending" items={[first, second]} actions={actions} moderator={editor} flash={flash} />);
    expect(html.match(/role="alert"/g)).toHaveLength(1);
    expect(html).toMatch(new RegExp(`<form id="ban-${second.id}"[^>]*>.*?<p role="alert"[^>]*>Only an admin can ban a member of staff.</p>`));
  });

  it('offers only the decisions that change something, by status', () => {
    expect(buttons(render([item({ status: 'published', reportCount: 2 })]))).toEqual(['Approve selected', 'Approve', 'Remove', 'Mark as spam', 'Feature', 'Ban author']);
    // Published and unreported: approving would change nothing, so no Approve and no bulk form.
    expect(buttons(render([item({ status: 'published', featured: true })]))).toEqual(['Remove', 'Mark as spam', 'Unfeature', 'Ban author']);
    expect(buttons(render([item({ status: 'spam' })]))).toEqual(['Approve selected', 'Approve', 'Remove', 'Ban author']);
    expect(buttons(render([item({ status: 'removed' })]))).toEqual(['Approve selected', 'Approve', 'Mark as spam', 'Ban author']);
  });

  it('lets an editor ban readers only; an admin bans staff too; nobody bans themselves or an account already banned', () => {
    const staff = item({ author: { id: 6, name: 'Ed Staff', slug: 'ed', role: 'author', status: 'active', trusted: true } });
    expect(buttons(render([staff], editor))).not.toContain('Ban author');
    expect(buttons(render([staff], admin))).toContain('Ban author');
    const own = item({ author: { id: admin.id, name: 'Me', slug: 'me', role: 'admin', status: 'active', trusted: true } });
    expect(buttons(render([own], admin))).not.toContain('Ban author');
    const banned = item({ author: { id: 5, name: 'Ada Reader', slug: 'ada-reader', role: 'reader', status: 'banned', trusted: false } });
    expect(buttons(render([banned], admin))).not.toContain('Ban author');
    expect(buttons(render([item({ author: null })], admin))).not.toContain('Ban author');
  });

  it('lists reports with their reasons and notes', () => {
    const reported = item({
      status: 'published',
      reportCount: 2,
      reports: [
        { reason: 'abuse', note: 'Rude to another reader', at: new Date('2026-11-02T09:00:00Z'), by: 'Bo' },
        { reason: 'spam', note: '', at: new Date('2026-11-02T08:00:00Z'), by: null },
      ],
    });
    const html = render([reported], editor, 'reported');
    expect(html).toContain('2 open reports');
    expect(html).toContain('Abusive or hateful: “Rude to another reader”');
    expect(html).toMatch(/Spam<span[^>]*> — a deleted account/);
  });

  it('keeps every reader string inert: no tag or handler of theirs reaches the page', () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(1)</script>';
    const html = render([
      item({
        body: payload,
        author: { id: 5, name: `<b onmouseover=alert(1)>x</b>`, slug: 'x', role: 'reader', status: 'active', trusted: false },
        reports: [{ reason: 'other', note: payload, at: new Date(), by: '<svg onload=alert(1)>' }],
      }),
    ]);
    expect(html).not.toMatch(/<(script|img|svg|b)[\s>]/i);
    expect(html).not.toMatch(/\son\w+="/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says when a tab is empty', () => {
    expect(render([], editor, 'pending')).toContain('Nothing is waiting for a moderator.');
    expect(render([], editor, 'spam')).toContain('No comment is marked as spam.');
  });

  it('marks the open tab and shows each tab’s count', () => {
    const html = renderToStaticMarkup(<QueueTabs current="spam" counts={{ pending: 3, reported: 1, spam: 0, all: 12 }} />);
    expect(html).toMatch(/<a[^>]*href="\/dashboard\/comments"[^>]*>Pending <span[^>]*>\(3\)<\/span><\/a>/);
    expect(html).toMatch(/<a(?=[^>]*aria-current="page")[^>]*href="\/dashboard\/comments\?tab=spam"[^>]*>Spam/);
    expect(html.match(/aria-current/g)).toHaveLength(1);
  });
});

describe('the moderation log', () => {
  it('says what each decision did, in words', () => {
    expect(decisionDetail({ action: 'comment.approve', detail: { from: 'pending' } })).toBe('was pending');
    expect(decisionDetail({ action: 'comment.approve', detail: { from: 'published', dismissedReports: 3 } })).toBe('was published, 3 reports dismissed');
    expect(decisionDetail({ action: 'comment.ban_author', detail: { userId: 4, days: 7 } })).toBe('for 7 days');
    expect(decisionDetail({ action: 'comment.ban_author', detail: { userId: 4, days: null } })).toBe('permanently');
    expect(decisionDetail({ action: 'comment.hold', detail: { reasons: ['links'] } })).toBe('Has two or more links');
  });

  it('names who decided, what, and links the comment', () => {
    const html = renderToStaticMarkup(
      <ModerationLogTable
        entries={[
          {
            id: 1,
            at: new Date('2026-11-02T09:00:00Z'),
            action: 'comment.spam',
            actor: { id: 2, name: 'Eve Editor' },
            comment: { id: 41, excerpt: '<i>cheap pills</i>', articleTitle: 'The Story', articleSlug: 'the-story' },
            detail: { from: 'pending' },
          },
        ]}
      />,
    );
    expect(html).toContain('Eve Editor');
    expect(html).toContain('Marked as spam');
    expect(html).toContain('“&lt;i&gt;cheap pills&lt;/i&gt;”');
    expect(html).toContain('href="/articles/the-story#comment-41"');
    expect(renderToStaticMarkup(<ModerationLogTable entries={[]} />)).toContain('No decision has been recorded yet.');
  });
});
