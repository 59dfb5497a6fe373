import { describe, expect, it } from 'vitest';
import { storyButtons, type StoryButtons } from './story-actions';

const contributor = { id: 4, role: 'contributor' as const };
const author = { id: 3, role: 'author' as const };
const editor = { id: 2, role: 'editor' as const };

const shown = (buttons: StoryButtons) => (Object.keys(buttons) as Array<keyof StoryButtons>).filter((name) => buttons[name]);

describe('storyButtons', () => {
  it('lets a contributor save and submit their own draft, never publish', () => {
    const table = storyButtons(contributor, [contributor.id]);
    expect(shown(table.draft)).toEqual(['save', 'submit', 'delete']);
    expect(shown(table.in_review)).toEqual(['save', 'delete']);
    expect(shown(table.published)).toEqual([]);
  });

  it('gives a contributor nothing on someone else’s story', () => {
    expect(shown(storyButtons(contributor, [author.id]).draft)).toEqual([]);
  });

  it('lets an author publish, schedule and unpublish their own story, and still submit it for review', () => {
    const table = storyButtons(author, [author.id]);
    expect(shown(table.draft)).toEqual(['save', 'submit', 'publish', 'schedule', 'delete']);
    expect(shown(table.published)).toEqual(['save', 'unpublish', 'archive', 'delete']);
    expect(shown(table.scheduled)).toEqual(['save', 'publish', 'schedule', 'unpublish', 'delete']);
  });

  it('gives an editor publishing on anyone’s story but no review step', () => {
    const table = storyButtons(editor, [contributor.id]);
    expect(shown(table.in_review)).toEqual(['save', 'publish', 'schedule', 'delete']);
    expect(shown(table.archived)).toEqual(['save', 'publish', 'restore', 'delete']);
  });
});
