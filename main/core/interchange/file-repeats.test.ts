import { describe, expect, it } from 'vitest';
import { ContactFields, type ContactDraft } from '../../../shared/domain/contact.ts';
import { MAX_SHARED_KEY } from '../../../shared/domain/duplicates/match.ts';
import { findRepeatsSteps } from './file-repeats.ts';
import { runToEnd } from './sliced.ts';

const repeatsOf = (drafts: ContactDraft[]) => runToEnd(findRepeatsSteps(drafts.map((d) => ContactFields.parse(d))));
const email = (value: string) => [{ value }];

describe('people repeated in one import file', () => {
  it('finds a later card with the same e-mail, phone or full name, and merges it without losing a value', () => {
    const repeats = repeatsOf([
      { displayName: 'Ada Lovelace', emails: email('ada@example.org'), notes: 'Met at the Analytical Society' },
      { displayName: 'Alan Turing' },
      {
        displayName: 'ADA lovelace',
        emails: [{ value: 'Ada@Example.org' }, { value: 'ada@engines.example' }],
        phones: [{ value: '+44 20 7946 0000' }],
        notes: 'Prefers letters',
        tags: ['maths'],
      },
      // The same phone as the card merged above, under another name (kept apart, see below).
      { displayName: 'Countess of Lovelace', phones: [{ value: '020 7946 0000' }], organisation: 'Engines' },
      // The same full name, words in another order.
      { displayName: 'Turing Alan', role: 'Cryptanalyst' },
    ]);
    expect(repeats.firstOf).toEqual([0, 1, 0, 3, 1]);
    expect(repeats.sameAs[2]).toEqual([{ index: 0, reasons: ['email', 'name'], differs: [] }]);
    expect(repeats.sameAs[4]).toEqual([{ index: 1, reasons: ['name'], differs: [] }]);
    expect(repeats.merged.get(0)).toMatchObject({
      displayName: 'Ada Lovelace',
      emails: [{ value: 'ada@example.org' }, { value: 'ada@engines.example' }],
      phones: [{ value: '+44 20 7946 0000' }],
      notes: 'Met at the Analytical Society\n\nPrefers letters',
      tags: ['maths'],
    });
    expect(repeats.merged.get(1)).toMatchObject({ displayName: 'Alan Turing', role: 'Cryptanalyst' });
    // Another name on the same phone would be lost in a merge: kept apart, and said why.
    expect(repeats.sameAs[3]).toEqual([{ index: 0, reasons: ['phone'], differs: ['displayName'] }]);
  });

  it('compares later cards with everything merged so far', () => {
    const repeats = repeatsOf([
      { displayName: 'Grace Hopper', emails: email('grace@navy.example') },
      { displayName: 'Grace Hopper', phones: [{ value: '+1 202 555 0143' }] },
      { displayName: 'Amazing Grace', phones: [{ value: '+1 (202) 555-0143' }], emails: email('grace@navy.example') },
    ]);
    expect(repeats.firstOf).toEqual([0, 0, 2]);
    expect(repeats.sameAs[2]).toEqual([{ index: 0, reasons: ['email', 'phone'], differs: ['displayName'] }]);
  });

  it('keeps a card apart when it looks like several earlier people, or a single value differs', () => {
    const repeats = repeatsOf([
      { displayName: 'Ann Lee', emails: email('ann@acme.example'), organisation: 'Acme' },
      { displayName: 'Ann Lee', emails: email('ann@globex.example'), organisation: 'Globex' },
      { displayName: 'Bo Chen', phones: [{ value: '+44 7700 900111' }] },
      { displayName: 'Ann Lee', emails: email('ann@acme.example'), phones: [{ value: '+44 7700 900111' }] },
    ]);
    expect(repeats.firstOf).toEqual([0, 1, 2, 3]);
    expect(repeats.sameAs[1]).toEqual([{ index: 0, reasons: ['name'], differs: ['organisation', 'emails'] }]);
    expect(repeats.sameAs[3]).toEqual([
      { index: 0, reasons: ['email', 'name'], differs: [] },
      { index: 1, reasons: ['name'], differs: [] },
      { index: 2, reasons: ['phone'], differs: [] },
    ]);
    expect(repeats.merged.size).toBe(0);
  });

  it('keeps namesakes apart: the same full name, each with e-mails or phones the other does not share', () => {
    const repeats = repeatsOf([
      { displayName: 'John Smith', emails: email('john@acme.example') },
      { displayName: 'John Smith', emails: email('jsmith@globex.example') },
      { displayName: 'Mary Jones', phones: [{ value: '+44 7700 900222' }] },
      { displayName: 'Mary Jones', phones: [{ value: '+44 7700 900333' }], emails: email('mary@example.org') },
      // Only one card has a way to reach her: nothing contradicts the name.
      { displayName: 'Li Wei' },
      { displayName: 'Li Wei', emails: email('li@example.org') },
    ]);
    expect(repeats.firstOf).toEqual([0, 1, 2, 3, 4, 4]);
    expect(repeats.sameAs[1]).toEqual([{ index: 0, reasons: ['name'], differs: ['emails'] }]);
    expect(repeats.sameAs[3]).toEqual([{ index: 2, reasons: ['name'], differs: ['phones'] }]);
  });

  it('takes neither a lone first name nor a switchboard number for the same person', () => {
    const switchboard = Array.from({ length: MAX_SHARED_KEY + 2 }, (_, i) => ({
      displayName: `Colleague ${String.fromCharCode(65 + (i % 26))}${i}`,
      // No e-mails: a phone shared by people whose e-mails differ is a shared line (below).
      phones: [{ value: '+44 20 7946 0999' }],
    }));
    const repeats = repeatsOf([{ displayName: 'Sam' }, { displayName: 'Sam' }, ...switchboard]);
    expect(repeats.firstOf.slice(0, 2)).toEqual([0, 1]);
    expect(repeats.sameAs[1]).toEqual([]);
    // Up to MAX_SHARED_KEY people a shared phone is evidence (their names differ, so they are kept apart) …
    expect(repeats.sameAs[2 + MAX_SHARED_KEY]!.length).toBe(5);
    // … past it, it says nothing about who is who.
    expect(repeats.sameAs[2 + MAX_SHARED_KEY + 1]).toEqual([]);
  });
});

describe('a phone two people share', () => {
  it('does not make them one person when their e-mails and names differ', () => {
    const line = [{ value: '+44 7700 900727' }];
    const repeats = repeatsOf([
      { displayName: 'Lars Asante', emails: email('lars@example.org'), phones: line },
      { displayName: 'Lucía Ramírez', emails: email('lucia@example.org'), phones: line },
    ]);
    expect(repeats.sameAs[1]).toEqual([]);
    expect(repeats.firstOf).toEqual([0, 1]);
  });
});
