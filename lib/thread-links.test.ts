import { describe, expect, it } from 'vitest';
import { isThreadSort, threadHref } from './thread-links';

describe('threadHref', () => {
  it('leaves the default sort and the first page out of the URL', () => {
    expect(threadHref('a-story')).toBe('/articles/a-story#comments');
    expect(threadHref('a-story', { sort: 'newest', page: 1 }, 'comment-7')).toBe('/articles/a-story#comment-7');
  });

  it('puts another sort and a later page in the query, and can drop the anchor', () => {
    expect(threadHref('a-story', { sort: 'top', page: 3 }, 'comment-7')).toBe('/articles/a-story?sort=top&page=3#comment-7');
    expect(threadHref('a-story', { sort: 'oldest' }, '')).toBe('/articles/a-story?sort=oldest');
  });

  it('knows the three sorts and nothing else', () => {
    expect(['newest', 'oldest', 'top'].every(isThreadSort)).toBe(true);
    expect(['', 'NEWEST', 'random', 1, null].some(isThreadSort)).toBe(false);
  });
});
