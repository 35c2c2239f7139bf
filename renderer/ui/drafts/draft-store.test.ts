import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDraftStore } from './draft-store.ts';

const Values = z.object({ text: z.string() });

describe('draft store', () => {
  it('gives a draft back only to a form that opens as it did, and forgets it when asked', () => {
    const store = createDraftStore('test.drafts', 3);
    store.save('detail:sam', { text: '' }, { text: 'new puppy Biscuit' });
    expect(store.load('detail:sam', { text: '' }, Values)).toEqual({ text: 'new puppy Biscuit' });
    // The record the edit started from has changed since: the old draft must not come back over it.
    expect(store.load('detail:sam', { text: 'changed elsewhere' }, Values)).toBeUndefined();
    expect(store.load('detail:ann', { text: '' }, Values)).toBeUndefined();
    store.save('detail:sam', { text: '' }, undefined);
    expect(store.load('detail:sam', { text: '' }, Values)).toBeUndefined();
    expect(window.localStorage.getItem('test.drafts')).toBeNull();
  });

  it('keeps the newest few, and ignores what does not parse', () => {
    const store = createDraftStore('test.drafts', 2);
    for (const name of ['a', 'b', 'c']) store.save(name, undefined, { text: name });
    expect(store.load('a', undefined, Values)).toBeUndefined();
    expect(store.load('c', undefined, Values)).toEqual({ text: 'c' });
    store.save('d', undefined, { text: 42 });
    expect(store.load('d', undefined, Values)).toBeUndefined();
    window.localStorage.setItem('test.drafts', '{not json');
    expect(store.load('c', undefined, Values)).toBeUndefined();
  });
});
