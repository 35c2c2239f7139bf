import { describe, expect, it } from 'vitest';
import { libraryStarters } from '../../content/library.ts';
import type { Starter } from '../../content/schema.ts';
import {
  eventStarters,
  likelyAttendees,
  practiceStepFor,
  seriesKey,
  type LikelyInput,
  type PrepPerson,
} from './prep.ts';

const starters = libraryStarters();

const person = (id: string, extra: Partial<PrepPerson> = {}): PrepPerson => ({
  id,
  displayName: id,
  tags: [],
  archived: false,
  ...extra,
});
const event = { id: 'e1', name: 'DevConf 2026', organisations: ['Acme'], tags: ['frontend'], going: ['going'] };
const base: LikelyInput = { event, people: [], pastEvents: new Map(), metHere: new Set() };

describe('seriesKey', () => {
  it.each([
    ['DevConf 2026', 'devconf'],
    ['devconf   2025', 'devconf'],
    ['Leeds JS #12', 'leeds js'],
    ['The 3rd Annual Summit', 'the annual summit'],
    ['2026', ''],
  ])('%s → %s', (name, key) => expect(seriesKey(name)).toBe(key));
});

describe('likelyAttendees', () => {
  it.each<[string, PrepPerson, Partial<LikelyInput>, string[] | null]>([
    ['marked going', person('going'), {}, ['going']],
    ['same organisation, any case and spacing', person('a', { organisation: ' acme ' }), {}, ['organisation']],
    ['other organisation', person('a', { organisation: 'Acme Ltd' }), {}, null],
    ['shared tag', person('a', { tags: ['Frontend'] }), {}, ['tag']],
    [
      'met at last year’s edition',
      person('a'),
      { pastEvents: new Map([['a', [{ id: 'e0', name: 'DevConf 2025' }]]]) },
      ['past-event'],
    ],
    ['met at an unrelated event', person('a'), { pastEvents: new Map([['a', [{ id: 'e0', name: 'PyCon' }]]]) }, null],
    ['archived and matching', person('a', { organisation: 'Acme', archived: true }), {}, null],
    ['archived but going', person('going', { archived: true }), {}, ['going']],
    ['already met here', person('a', { organisation: 'Acme' }), { metHere: new Set(['a']) }, null],
    [
      'several reasons',
      person('going', { organisation: 'Acme', tags: ['frontend'] }),
      {},
      ['going', 'organisation', 'tag'],
    ],
  ])('%s', (_label, who, extra, reasons) => {
    const result = likelyAttendees({ ...base, ...extra, people: [who] });
    expect(result).toEqual(reasons ? [{ contactId: who.id, reasons }] : []);
  });

  it('lists going first, then by number of reasons, then by name, up to the limit', () => {
    const people = [
      person('Zoe', { organisation: 'Acme' }),
      person('Amy', { organisation: 'Acme' }),
      person('Bob', { organisation: 'Acme', tags: ['frontend'] }),
      person('going'),
    ];
    expect(likelyAttendees({ ...base, people }).map((p) => p.contactId)).toEqual(['going', 'Bob', 'Amy', 'Zoe']);
    expect(likelyAttendees({ ...base, people, limit: 2 })).toHaveLength(2);
  });
});

describe('eventStarters', () => {
  it.each(['conference', 'meet-up', 'course', 'other'] as const)('gives three ready lines for a %s', (kind) => {
    const picked = eventStarters({ eventId: 'e1', kind }, starters);
    expect(picked).toHaveLength(3);
    for (const s of picked) {
      expect(s.text).not.toMatch(/\[|\{/);
      expect(['in-person', 'any']).toContain(s.channel);
    }
  });

  it('puts favourites first and is stable for one event', () => {
    const library: Starter[] = ['a', 'b', 'c', 'd'].map((id) => ({
      id,
      text: `Line ${id} with enough words`,
      situation: 'event-small-talk',
      channel: 'in-person',
      tone: 'warm',
      tags: [],
    })) as Starter[];
    expect(eventStarters({ eventId: 'e1', kind: 'conference', favourites: ['d'] }, library)[0]!.id).toBe('d');
    expect(eventStarters({ eventId: 'e1', kind: 'conference' }, library)).toEqual(
      eventStarters({ eventId: 'e1', kind: 'conference' }, library),
    );
    expect(eventStarters({ eventId: 'e1', kind: 'course' }, library).length).toBe(3);
  });
});

describe('practiceStepFor', () => {
  const ladder = {
    id: 'L',
    name: 'Events',
    steps: [
      { id: 's1', text: 'Say hello to a speaker', suds: 6, situation: 'conference' },
      { id: 's2', text: 'Ask one question', suds: 4, situation: 'conference' },
      { id: 's3', text: 'Smile at someone', suds: 2 },
      { id: 's4', text: 'Join a table at a meet-up', suds: 3, situation: 'meet-up' },
    ],
  };
  it.each<[string, Parameters<typeof practiceStepFor>[0], string | undefined, boolean?]>([
    ['easiest matching undone step', { situation: 'conference', ladders: [ladder], doneStepIds: new Set() }, 's2'],
    ['skips steps done', { situation: 'conference', ladders: [ladder], doneStepIds: new Set(['s2']) }, 's1'],
    ['falls back to a general step', { situation: 'short-course', ladders: [ladder], doneStepIds: new Set() }, 's3'],
    ['nothing left', { situation: 'short-course', ladders: [ladder], doneStepIds: new Set(['s3']) }, undefined],
    ['no ladders', { situation: 'conference', ladders: [], doneStepIds: new Set() }, undefined],
    [
      'keeps the chosen step',
      { situation: 'conference', ladders: [ladder], doneStepIds: new Set(), chosen: { ladderId: 'L', stepId: 's4' } },
      's4',
      true,
    ],
    [
      'a chosen step that was deleted',
      { situation: 'conference', ladders: [ladder], doneStepIds: new Set(), chosen: { ladderId: 'L', stepId: 'gone' } },
      's2',
      false,
    ],
  ])('%s', (_label, input, stepId, chosen) => {
    const step = practiceStepFor(input);
    expect(step?.stepId).toBe(stepId);
    if (chosen !== undefined) expect(step?.chosen).toBe(chosen);
  });
});
