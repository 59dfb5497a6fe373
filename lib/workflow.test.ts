import { describe, expect, it } from 'vitest';
import { articleStatuses } from '@/db/schema';
import { illegalTransitionMessage, isAllowedTransition, transitionTarget, type Transition } from './workflow';

// From each status (draft, in_review, scheduled, published, archived): Y the move is possible.
const table: Record<Transition, string> = {
  submit: 'Y----',
  publish: 'YYY-Y',
  schedule: 'YYY--',
  unpublish: '--YY-',
  archive: '---Y-',
  restore: '----Y',
};

describe('the editorial workflow', () => {
  for (const [transition, row] of Object.entries(table) as Array<[Transition, string]>) {
    it(`${transition} → ${transitionTarget(transition)} from ${row}`, () => {
      expect(articleStatuses.map((status) => (isAllowedTransition(status, transition) ? 'Y' : '-')).join('')).toBe(row);
    });
  }

  it('explains a refused move in words', () => {
    expect(illegalTransitionMessage('published', 'submit')).toBe('A story that is published cannot be submitted for review.');
  });
});
