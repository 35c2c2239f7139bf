import { describe, expect, it } from 'vitest';
import { tagsThatFit } from './tags-that-fit.ts';

describe('tagsThatFit', () => {
  it('shows the tags that fit and counts the rest, never cutting one', () => {
    expect(tagsThatFit(['engineering', 'hiring'])).toEqual({ shown: ['engineering', 'hiring'], more: 0 });
    expect(tagsThatFit(['engineering', 'hiring', 'climate', 'data'])).toEqual({ shown: ['engineering'], more: 3 });
    expect(tagsThatFit(['former colleague', 'product'])).toEqual({ shown: ['former colleague'], more: 1 });
    expect(tagsThatFit(['data', 'ml', 'ai', 'ops', 'qa', 'ux', 'pm'])).toEqual({
      shown: ['data', 'ml', 'ai'],
      more: 4,
    });
  });

  it('always shows the first, however long, and nothing for no tags', () => {
    expect(tagsThatFit(['a very long tag that never fits the column', 'x'])).toEqual({
      shown: ['a very long tag that never fits the column'],
      more: 1,
    });
    expect(tagsThatFit([])).toEqual({ shown: [], more: 0 });
  });
});
