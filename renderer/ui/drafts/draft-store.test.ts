import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDraftStore, forgetDraftsAbout, formDrafts, introDraftSlot, personDraftSlot } from './draft-store.ts';

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

  it("keeps an edit for each of 150 people met at one event, beside the forms' drafts", () => {
    formDrafts.save(personDraftSlot('detail', 'sam'), null, { text: 'new puppy Biscuit' });
    for (let i = 0; i < 150; i++)
      formDrafts.save(`event-follow-up:e1:c${i}`, null, { text: `Lovely to meet you, ${i}` });
    for (let i = 0; i < 150; i++)
      expect(formDrafts.load(`event-follow-up:e1:c${i}`, null, Values)).toEqual({ text: `Lovely to meet you, ${i}` });
    expect(formDrafts.load(personDraftSlot('detail', 'sam'), null, Values)).toEqual({ text: 'new puppy Biscuit' });
    formDrafts.forget(() => true);
  });

  it('reads what another window wrote since, not what it read before', () => {
    const store = createDraftStore('test.drafts', 5);
    const other = createDraftStore('test.drafts', 5);
    store.save('detail:sam', null, { text: 'typed here' });
    expect(store.load('detail:sam', null, Values)).toEqual({ text: 'typed here' });
    other.save('detail:sam', null, { text: 'typed in the other window' });
    other.save('detail:ann', null, { text: 'about Ann' });
    expect(store.load('detail:sam', null, Values)).toEqual({ text: 'typed in the other window' });
    // A save here keeps what the other window added.
    store.save('detail:bo', null, { text: 'about Bo' });
    expect(other.load('detail:ann', null, Values)).toEqual({ text: 'about Ann' });
    window.localStorage.setItem('test.drafts', 'not json');
    expect(store.load('detail:bo', null, Values)).toBeUndefined();
    window.localStorage.removeItem('test.drafts');
  });

  it('hands back what it forgets, to put back unless the slot was saved again since', () => {
    const store = createDraftStore('test.drafts', 5);
    for (const name of ['a', 'b', 'c']) store.save(name, { opened: name }, { text: `typed ${name}` });
    const taken = store.forget((slot) => slot !== 'c');
    expect(store.load('a', { opened: 'a' }, Values)).toBeUndefined();
    store.save('b', { opened: 'b' }, { text: 'typed again' });
    store.putBack(taken);
    // Back as it was, tied to the same opening; a newer draft is not overwritten.
    expect(store.load('a', { opened: 'a' }, Values)).toEqual({ text: 'typed a' });
    expect(store.load('b', { opened: 'b' }, Values)).toEqual({ text: 'typed again' });
    expect(store.load('c', { opened: 'c' }, Values)).toEqual({ text: 'typed c' });
  });

  it('takes a revision back, slot by slot, unless the slot was typed into again since', () => {
    const store = createDraftStore('test.drafts', 5);
    for (const name of ['a', 'b', 'c']) store.save(name, { opened: name }, { text: `typed ${name}` });
    const revision = store.revise((slot, values) =>
      slot === 'c' ? values : slot === 'a' ? undefined : { text: 'cut' },
    );
    expect(store.load('a', { opened: 'a' }, Values)).toBeUndefined();
    expect(store.load('b', { opened: 'b' }, Values)).toEqual({ text: 'cut' });
    store.save('a', { opened: 'a' }, { text: 'typed again' });
    store.takeBack(revision);
    expect(store.load('a', { opened: 'a' }, Values)).toEqual({ text: 'typed again' });
    expect(store.load('b', { opened: 'b' }, Values)).toEqual({ text: 'typed b' });
    expect(store.load('c', { opened: 'c' }, Values)).toEqual({ text: 'typed c' });
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

  it('makes room by dropping the oldest drafts when storage is full', () => {
    const items = new Map<string, string>();
    const small = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => {
        if (value.length > 150) throw new DOMException('full', 'QuotaExceededError');
        items.set(key, value);
      },
      removeItem: (key: string) => void items.delete(key),
    };
    const store = createDraftStore('test.drafts', 10, () => small);
    for (const name of ['a', 'b']) store.save(name, undefined, { text: name });
    store.save('c', undefined, { text: 'the newest' });
    expect(store.load('c', undefined, Values)).toEqual({ text: 'the newest' });
    expect(store.load('b', undefined, Values)).toEqual({ text: 'b' });
    expect(store.load('a', undefined, Values)).toBeUndefined();
  });

  it('forgets what was typed about people who are deleted, and only about them', () => {
    const keep = (slot: string) => formDrafts.save(slot, undefined, { text: slot });
    for (const id of ['sam', 'ann'])
      for (const form of ['person', 'detail', 'needs'] as const) keep(personDraftSlot(form, id));
    keep('event:new');
    forgetDraftsAbout(['sam']);
    expect(formDrafts.load(personDraftSlot('detail', 'sam'), undefined, Values)).toBeUndefined();
    expect(formDrafts.load(personDraftSlot('person', 'sam'), undefined, Values)).toBeUndefined();
    expect(formDrafts.load(personDraftSlot('needs', 'ann'), undefined, Values)).toEqual({ text: 'needs:ann' });
    expect(formDrafts.load('event:new', undefined, Values)).toEqual({ text: 'event:new' });
  });

  it('forgets messages to deleted people: asks, and opt-ins to an introduction either of the two was in', () => {
    const keep = (slot: string) => formDrafts.save(slot, null, { text: slot });
    keep(personDraftSlot('ask', 'sam'));
    keep(personDraftSlot('reconnect', 'sam'));
    keep(introDraftSlot('ann', 'sam', 'seeker'));
    keep(introDraftSlot('ann', 'bob', 'helper'));
    forgetDraftsAbout(['sam']);
    expect(formDrafts.load(personDraftSlot('ask', 'sam'), null, Values)).toBeUndefined();
    expect(formDrafts.load(personDraftSlot('reconnect', 'sam'), null, Values)).toBeUndefined();
    expect(formDrafts.load(introDraftSlot('ann', 'sam', 'seeker'), null, Values)).toBeUndefined();
    const kept = introDraftSlot('ann', 'bob', 'helper');
    expect(formDrafts.load(kept, null, Values)).toEqual({ text: kept });
  });

  it("keeps the user's own text in a draft that picked a deleted person, without the pick", () => {
    const Outcome = z.object({ learned: z.string(), contactId: z.string() });
    formDrafts.save('practice-outcome:1', undefined, { learned: 'It went fine', contactId: 'sam' });
    formDrafts.save('practice-outcome:2', undefined, { learned: 'Nervous', contactId: 'ann' });
    forgetDraftsAbout(['sam']);
    expect(formDrafts.load('practice-outcome:1', undefined, Outcome)).toEqual({
      learned: 'It went fine',
      contactId: '',
    });
    expect(formDrafts.load('practice-outcome:2', undefined, Outcome)).toEqual({ learned: 'Nervous', contactId: 'ann' });
    // Merged into another person, the pick follows them.
    forgetDraftsAbout(['ann'], 'anne');
    expect(formDrafts.load('practice-outcome:2', undefined, Outcome)).toEqual({
      learned: 'Nervous',
      contactId: 'anne',
    });
  });
});
