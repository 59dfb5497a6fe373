import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Thread, ThreadComment } from '@/lib/comments';
import { CommentThread } from './comment-thread';

let nextId = 1;
const comment = (body: string | null, depth: number, replies: ThreadComment[] = [], name = 'Ada'): ThreadComment => ({
  id: nextId++,
  parentId: null,
  depth,
  deleted: body === null,
  body,
  author: body === null ? null : { id: 1, name, slug: 'ada', staff: false },
  createdAt: new Date('2026-11-01T10:00:00Z'),
  editedAt: null,
  featured: false,
  reactionCount: 0,
  replyCount: replies.length,
  replies,
});

const thread = (comments: ThreadComment[]): Thread => ({ articleId: 1, sort: 'oldest', page: 1, pageCount: 1, topLevelCount: comments.length, commentCount: 9, comments });

describe('CommentThread', () => {
  it('nests each reply inside its parent’s <article> and counts comments in the h2', () => {
    const html = renderToStaticMarkup(<CommentThread thread={thread([comment('Parent', 0, [comment('Child', 1, [], 'Bo')])])} slug="a-story" closed={false} />);
    expect(html).toMatch(/<h2[^>]*>Comments <span[^>]*>\(9\)<\/span><\/h2>/);
    expect(html).toMatch(/<article[^>]*aria-label="Comment by Ada"[^>]*>[\s\S]*Parent[\s\S]*<article[^>]*aria-label="Comment by Bo"[^>]*>[\s\S]*Child[\s\S]*<\/article><\/article>/);
  });

  it('keeps every reader string inert: no tag, handler or script URL reaches the page', () => {
    const payloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', 'javascript:alert(1)', '<a href="javascript:alert(1)">x</a>'];
    const html = renderToStaticMarkup(<CommentThread thread={thread(payloads.map((p) => comment(p, 0, [], `<b onmouseover=alert(1)>${p}</b>`)))} slug="a-story" closed={false} />);
    expect(html).not.toMatch(/<(script|img|svg|b)[\s>]/i); // no element of the reader's
    expect(html).not.toMatch(/\son\w+="/i); // no event-handler attribute on any element
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('links URLs with nofollow ugc, and shows [deleted] for withdrawn comments with replies', () => {
    const html = renderToStaticMarkup(<CommentThread thread={thread([comment(null, 0, [comment('See https://example.com/a.', 1)])])} slug="a-story" closed={false} />);
    expect(html).toContain('<a href="https://example.com/a" rel="nofollow ugc noopener"');
    expect(html).toContain('[deleted]');
  });

  it('stops indenting after five levels and says whom a deep reply answers', () => {
    let deepest = comment('Level 6', 6, [], 'Deep');
    for (let depth = 5; depth >= 0; depth--) deepest = comment(`Level ${depth}`, depth, [deepest], depth === 5 ? 'Five' : 'Ada');
    const html = renderToStaticMarkup(<CommentThread thread={thread([deepest])} slug="a-story" closed={false} />);
    expect(html).toContain('replying to Five');
  });
});
