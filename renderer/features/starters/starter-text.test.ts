import { describe, expect, it } from 'vitest';
import { splitGaps } from './starter-text.ts';

describe('splitGaps', () => {
  it('splits a starter into plain runs and its [gap] runs, in order', () => {
    expect(splitGaps('Hi [name], how was [event]?')).toEqual([
      { text: 'Hi ', gap: false },
      { text: '[name]', gap: true },
      { text: ', how was ', gap: false },
      { text: '[event]', gap: true },
      { text: '?', gap: false },
    ]);
  });
});
