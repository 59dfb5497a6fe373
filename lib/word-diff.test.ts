import { describe, expect, it } from 'vitest';
import { diffCounts, hasChanges, wordDiff } from './word-diff';

describe('wordDiff', () => {
  it('marks a replaced word as removed then added, keeping the words around it', () => {
    expect(wordDiff('The band played loud music', 'The band played quiet music')).toEqual([
      { kind: 'same', text: 'The band played ' },
      { kind: 'removed', text: 'loud' },
      { kind: 'added', text: 'quiet' },
      { kind: 'same', text: ' music' },
    ]);
  });

  it('finds nothing to mark in identical texts', () => {
    const parts = wordDiff('Same words here.', 'Same words here.');
    expect(hasChanges(parts)).toBe(false);
    expect(parts).toEqual([{ kind: 'same', text: 'Same words here.' }]);
  });

  it('shows a whole new text as added and an emptied one as removed', () => {
    expect(wordDiff('', 'Brand new')).toEqual([{ kind: 'added', text: 'Brand new' }]);
    expect(wordDiff('Gone now', '')).toEqual([{ kind: 'removed', text: 'Gone now' }]);
  });

  it('counts the words a change adds and removes', () => {
    expect(diffCounts(wordDiff('one two three', 'one four five three'))).toEqual({ added: 2, removed: 1 });
  });
});
