import { describe, expect, it } from 'vitest';
import { restoreConflict, dismissConflict, type SyncConflict } from './conflict-record.ts';
import { stampFieldEdits } from './field-edits.ts';
import type { Doc, MergePolicy } from './merge.ts';
import {
  detailsPolicy,
  interactionsPolicy,
  laddersPolicy,
  peoplePolicy,
  sessionsPolicy,
  settingsPolicy,
} from './policies.ts';
import { resolveConflict } from './resolve.ts';

const T0 = '2026-03-01T09:00:00.000Z';
const T1 = '2026-03-02T09:00:00.000Z';
const T2 = '2026-03-03T09:00:00.000Z';

function person(fields: Doc = {}): Doc {
  return {
    id: 'p1',
    displayName: 'Sam Lee',
    emails: [],
    phones: [],
    tags: [],
    archived: false,
    createdAt: T0,
    updatedAt: T0,
    _deleted: false,
    ...fields,
  };
}

interface Case {
  name: string;
  policy: MergePolicy;
  base?: Doc;
  local: Doc;
  remote: Doc;
  expect: (merged: Doc) => void;
}

const cases: Case[] = [
  {
    name: 'people: different fields on each side keep both edits',
    policy: peoplePolicy,
    base: person(),
    local: person({ organisation: 'Acme', updatedAt: T1 }),
    remote: person({ notes: 'Met at PyCon', updatedAt: T2 }),
    expect: (m) => {
      expect(m.organisation).toBe('Acme');
      expect(m.notes).toBe('Met at PyCon');
      expect(m.conflicts).toEqual([]);
      expect(m.updatedAt).toBe(T2);
    },
  },
  {
    name: 'people: the same field on both sides: the newest edit wins and the other is set aside',
    policy: peoplePolicy,
    base: person({ notes: 'old' }),
    local: person({ notes: 'typed on the laptop', editedAt: { notes: T2 }, updatedAt: T2 }),
    remote: person({ notes: 'typed on the desktop', editedAt: { notes: T1 }, updatedAt: T1 }),
    expect: (m) => {
      expect(m.notes).toBe('typed on the laptop');
      expect(m.conflicts).toEqual([{ id: `notes@${T1}`, field: 'notes', value: 'typed on the desktop', editedAt: T1 }]);
    },
  },
  {
    name: 'people: per-field stamps beat the document time (the other side edited something else later)',
    policy: peoplePolicy,
    base: person({ notes: 'old' }),
    local: person({ notes: 'laptop', role: 'CTO', editedAt: { notes: T1, role: T2 }, updatedAt: T2 }),
    remote: person({ notes: 'desktop', editedAt: { notes: T2 }, updatedAt: T2 }),
    expect: (m) => {
      expect(m.notes).toBe('desktop');
      expect(m.role).toBe('CTO');
      expect((m.conflicts as SyncConflict[]).map((c) => c.value)).toEqual(['laptop']);
    },
  },
  {
    name: 'people: lists merge by value (added on both sides, removed on one)',
    policy: peoplePolicy,
    base: person({ tags: ['a', 'b'], emails: [{ value: 'sam@old.example' }] }),
    local: person({ tags: ['a', 'b', 'c'], emails: [] }),
    remote: person({ tags: ['b', 'd'], emails: [{ value: 'sam@old.example' }, { value: 'sam@new.example' }] }),
    expect: (m) => {
      expect(m.tags).toEqual(['b', 'c', 'd']);
      expect(m.emails).toEqual([{ value: 'sam@new.example' }]);
    },
  },
  {
    name: 'interactions: a derived field follows the merged document',
    policy: interactionsPolicy((doc) => ({ ...doc, sortKey: `${String(doc.date)}|${String(doc.id)}` })),
    base: { id: 'i1', date: '2026-03-01', sortKey: '2026-03-01|i1', createdAt: T0, updatedAt: T0 },
    local: { id: 'i1', date: '2026-03-05', sortKey: '2026-03-05|i1', createdAt: T0, updatedAt: T1 },
    remote: { id: 'i1', date: '2026-03-01', summary: 'Coffee', sortKey: 'stale', createdAt: T0, updatedAt: T2 },
    expect: (m) => expect([m.date, m.summary, m.sortKey]).toEqual(['2026-03-05', 'Coffee', '2026-03-05|i1']),
  },
  {
    name: 'people: a value cleared on the newer side still keeps the older typed value',
    policy: peoplePolicy,
    base: person({ notes: 'a' }),
    local: person({ updatedAt: T2 }),
    remote: person({ notes: 'b', updatedAt: T1 }),
    expect: (m) => {
      expect(m.notes).toBeUndefined();
      expect((m.conflicts as SyncConflict[]).map((c) => c.value)).toEqual(['b']);
    },
  },
  {
    name: 'people: earlier conflict records from both sides are kept, a dismissed one stays dismissed',
    policy: peoplePolicy,
    base: person({ conflicts: [{ id: 'x', field: 'notes', value: 'x', editedAt: T0 }] }),
    local: person({ conflicts: [] }),
    remote: person({
      conflicts: [
        { id: 'x', field: 'notes', value: 'x', editedAt: T0 },
        { id: 'y', field: 'role', value: 'y', editedAt: T1 },
      ],
    }),
    expect: (m) => expect((m.conflicts as SyncConflict[]).map((c) => c.id)).toEqual(['y']),
  },
  {
    name: 'no base (both devices created the same id): every difference is a conflict, nothing is lost',
    policy: peoplePolicy,
    local: person({ notes: 'one', tags: ['a'], updatedAt: T1 }),
    remote: person({ notes: 'two', tags: ['b'], updatedAt: T2 }),
    expect: (m) => {
      expect(m.notes).toBe('two');
      expect(m.tags).toEqual(['a', 'b']);
      expect((m.conflicts as SyncConflict[]).map((c) => c.value)).toEqual(['one']);
    },
  },
  {
    name: 'interactions: field merge, people are a set, sortKey recomputed',
    policy: interactionsPolicy((d) => ({ ...d, sortKey: `${String(d.date)} ${String(d.id)}` })),
    base: { id: 'i1', date: '2026-03-01', contactIds: ['a'], notes: 'n', updatedAt: T0, sortKey: 'x' },
    local: { id: 'i1', date: '2026-03-02', contactIds: ['a', 'b'], notes: 'n', updatedAt: T1, sortKey: 'y' },
    remote: { id: 'i1', date: '2026-03-01', contactIds: ['a', 'c'], notes: 'n2', updatedAt: T2, sortKey: 'x' },
    expect: (m) => {
      expect(m.contactIds).toEqual(['a', 'b', 'c']);
      expect([m.date, m.notes, m.sortKey]).toEqual(['2026-03-02', 'n2', '2026-03-02 i1']);
    },
  },
  {
    name: 'details: resolved on one side stays resolved even when the other side edited the status later',
    policy: detailsPolicy,
    base: { id: 'd1', text: 'puppy', status: 'open', updatedAt: T0 },
    local: { id: 'd1', text: 'puppy', status: 'resolved', resolvedOn: '2026-03-02', updatedAt: T1 },
    remote: { id: 'd1', text: 'puppy Biscuit', status: 'expired', updatedAt: T2 },
    expect: (m) => expect([m.status, m.resolvedOn, m.text]).toEqual(['resolved', '2026-03-02', 'puppy Biscuit']),
  },
  {
    name: 'settings: per key, newest wins; keys changed on one side only are kept',
    policy: settingsPolicy,
    base: { id: 'reminders', value: { digest: '08:00', nudges: true }, updatedAt: T0 },
    local: { id: 'reminders', value: { digest: '07:00', nudges: true, quiet: true }, updatedAt: T2 },
    remote: { id: 'reminders', value: { digest: '09:00', nudges: false }, updatedAt: T1 },
    expect: (m) => expect(m.value).toEqual({ digest: '07:00', nudges: false, quiet: true }),
  },
  {
    name: 'ladders: steps merged by id; a step edited on both sides keeps the loser aside',
    policy: laddersPolicy,
    base: {
      id: 'l1',
      steps: [
        { id: 's1', text: 'say hi' },
        { id: 's2', text: 'ask a question' },
      ],
      updatedAt: T0,
    },
    local: {
      id: 'l1',
      steps: [
        { id: 's1', text: 'say hello' },
        { id: 's3', text: 'new local' },
      ],
      updatedAt: T2,
    },
    remote: {
      id: 'l1',
      steps: [
        { id: 's1', text: 'wave' },
        { id: 's2', text: 'ask two questions' },
      ],
      updatedAt: T1,
    },
    expect: (m) => {
      expect(m.steps).toEqual([
        { id: 's1', text: 'say hello' },
        { id: 's3', text: 'new local' },
        { id: 's2', text: 'ask two questions' },
      ]);
      expect(m.conflicts).toEqual([
        { id: `steps/s1@${T1}`, field: 'steps', value: { id: 's1', text: 'wave' }, editedAt: T1, itemKey: 's1' },
      ]);
    },
  },
  {
    name: 'sessions: a session completed on one side stays done, with the other side’s edits',
    policy: sessionsPolicy,
    base: { id: 's1', status: 'planned', prediction: 'awkward', updatedAt: T0 },
    local: { id: 's1', status: 'done', after: { outcome: 'fine' }, prediction: 'awkward', updatedAt: T1 },
    remote: { id: 's1', status: 'planned', prediction: 'very awkward', updatedAt: T2 },
    expect: (m) => {
      expect(m.status).toBe('done');
      expect(m.after).toEqual({ outcome: 'fine' });
      expect(m.prediction).toBe('very awkward');
    },
  },
];

describe('resolveConflict: field merges', () => {
  it.each(cases)('$name', (c) => {
    const merged = resolveConflict(c.policy, {
      ...(c.base ? { base: c.base } : {}),
      local: c.local,
      remote: c.remote,
    });
    expect(merged._deleted).toBe(false);
    c.expect(merged);
  });

  it('gives the same result whichever device resolves it (up to list order)', () => {
    const normalise = (d: Doc): Doc =>
      Object.fromEntries(
        Object.entries(d).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => JSON.stringify(x)).sort() : v]),
      );
    for (const c of cases) {
      const a = resolveConflict(c.policy, { base: c.base, local: c.local, remote: c.remote });
      const b = resolveConflict(c.policy, { base: c.base, local: c.remote, remote: c.local });
      expect(normalise(a), c.name).toEqual(normalise(b));
    }
  });
});

describe('resolveConflict: delete against edit', () => {
  const base = person({ notes: 'n' });
  const table = [
    {
      name: 'delete here, edit there: the edit wins and the person comes back with it',
      local: { ...base, _deleted: true },
      remote: person({ notes: 'edited', updatedAt: T1 }),
      deleted: false,
    },
    {
      name: 'edit here, delete there: the edit wins',
      local: person({ notes: 'edited', updatedAt: T1 }),
      remote: { ...base, _deleted: true, updatedAt: T2 },
      deleted: false,
    },
    {
      name: 'delete here, untouched there: the delete wins',
      local: { ...base, _deleted: true },
      remote: base,
      deleted: true,
    },
    {
      name: 'delete here, only the bookkeeping changed there: the delete wins',
      local: { ...base, _deleted: true },
      remote: { ...base, updatedAt: T2 },
      deleted: true,
    },
    {
      name: 'both deleted: stays deleted',
      local: { ...base, _deleted: true },
      remote: { ...base, _deleted: true },
      deleted: true,
    },
  ];
  it.each(table)('$name', (row) => {
    const merged = resolveConflict(peoplePolicy, { base, local: row.local, remote: row.remote });
    expect(merged._deleted).toBe(row.deleted);
    if (!row.deleted) expect(merged.notes).toBe('edited');
  });

  it('keeps edits the deleting side made before it deleted', () => {
    const merged = resolveConflict(peoplePolicy, {
      base,
      local: { ...person({ role: 'CTO', updatedAt: T1 }), _deleted: true },
      remote: person({ notes: 'edited', updatedAt: T2 }),
    });
    expect([merged._deleted, merged.role, merged.notes]).toEqual([false, 'CTO', 'edited']);
  });
});

describe('conflict records', () => {
  const doc = person({
    notes: 'winner',
    conflicts: [{ id: `notes@${T1}`, field: 'notes', value: 'loser', editedAt: T1 }],
  });
  it('restores a set-aside value and drops the record', () => {
    expect(restoreConflict(doc, `notes@${T1}`)).toMatchObject({ notes: 'loser', conflicts: [] });
  });
  it('dismisses a record and keeps the current value', () => {
    expect(dismissConflict(doc, `notes@${T1}`)).toMatchObject({ notes: 'winner', conflicts: [] });
  });
  it('restores a keyed-list item in place', () => {
    const ladder = {
      steps: [{ id: 's1', text: 'a' }],
      conflicts: [{ id: 'k', field: 'steps', value: { id: 's1', text: 'b' }, editedAt: T1, itemKey: 's1' }],
    };
    const restored = restoreConflict(ladder, 'k', (s) => (s as { id: string }).id);
    expect(restored.steps).toEqual([{ id: 's1', text: 'b' }]);
  });
  it('names an unknown record', () => {
    expect(() => restoreConflict(doc, 'nope')).toThrow('No set-aside value with id "nope"');
  });
});

describe('stampFieldEdits', () => {
  it('stamps changed and removed fields, leaves the others', () => {
    const before = { id: 'p', notes: 'a', role: 'x', editedAt: { role: T0 } };
    const after = stampFieldEdits(before, { id: 'p', notes: 'b' }, T2);
    expect(after.editedAt).toEqual({ notes: T2, role: T2 });
    expect(stampFieldEdits(undefined, { id: 'p', notes: 'b' }, T2).editedAt).toEqual({});
  });
});
