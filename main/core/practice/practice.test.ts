import { describe, expect, it } from 'vitest';
import type { RequestInput } from '../../../shared/ipc/contract.ts';
import { useCore } from './test-helpers.ts';

const setup = useCore();

const before = (extra: Partial<RequestInput<'practice.startSession'>> = {}): RequestInput<'practice.startSession'> => ({
  date: '2026-03-18',
  task: 'Phone the library to ask about the book club',
  situation: 'phone',
  sudsBefore: 7,
  prediction: 'I will stumble over my words and they will be short with me',
  likelihood: 70,
  ...extra,
});
const after = (
  extra: Partial<RequestInput<'practice.finishSession'>['after']> = {},
): RequestInput<'practice.finishSession'>['after'] => ({
  sudsPeak: 8,
  sudsAfter: 3,
  outcome: 'They were friendly and told me the next date',
  predictionHappened: false,
  learned: 'A short call is survivable',
  droppedSafetyBehaviours: ['Rehearsing every word in advance'],
  ...extra,
});

describe('fear ladders', () => {
  it('keeps the order the steps were given in, gives each step an id, and keeps ids on reorder', async () => {
    const { call, watch } = await setup();
    const ladder = await call('practice.saveLadder', {
      fields: {
        name: 'Phone calls',
        steps: [
          { text: 'Call a shop', suds: 3 },
          { text: 'Call a friend', suds: 5 },
          { text: 'Call a stranger', suds: 8 },
        ],
      },
    });
    expect(ladder.steps.map((s) => s.text)).toEqual(['Call a shop', 'Call a friend', 'Call a stranger']);
    expect(new Set(ladder.steps.map((s) => s.id)).size).toBe(3);

    const [a, b, c] = ladder.steps;
    await call('practice.saveLadder', { id: ladder.id, fields: { name: 'Phone calls', steps: [b!, a!, c!] } });
    const ladders = await watch('practice.watchLadders', {}, (l) => l[0]?.steps[0]?.id === b!.id);
    expect(ladders[0]!.steps.map((s) => s.id)).toEqual([b!.id, a!.id, c!.id]);
    expect(ladders[0]!.createdAt).toBe(ladder.createdAt);
  });

  it.each([
    ['no steps', { name: 'Empty', steps: [] }, 'Add at least one step'],
    ['an anxiety rating above 10', { name: 'Too much', steps: [{ text: 'Give a talk', suds: 11 }] }, 'Use 0 to 10'],
    ['no name', { name: '  ', steps: [{ text: 'Say hello', suds: 1 }] }, 'Give the ladder a name'],
  ])('refuses a ladder with %s, naming the problem', async (_label, fields, message) => {
    const { core } = await setup();
    const result = await core.requestUnchecked('practice.saveLadder', { fields });
    expect(result.ok ? '' : result.error.details?.map((d) => d.message)).toContain(message);
  });

  it('deletes a ladder with undo', async () => {
    const { call, watch } = await setup();
    const ladder = await call('practice.saveLadder', {
      fields: { name: 'Meet-ups', steps: [{ text: 'Go for ten minutes', suds: 6 }] },
    });
    const { undoToken } = await call('practice.deleteLadder', { id: ladder.id });
    await watch('practice.watchLadders', {}, (l) => l.length === 0);
    await call('undo.apply', { token: undoToken });
    expect((await watch('practice.watchLadders', {}, (l) => l.length === 1))[0]!.name).toBe('Meet-ups');
  });
});

describe('practice sessions', () => {
  it('saves the before half as planned, then finishes it today and shows it in progress', async () => {
    const { call, watch } = await setup('2026-03-18T12:00:00Z');
    const planned = await call('practice.startSession', before({ date: '2026-03-17' }));
    expect(planned).toMatchObject({ status: 'planned', sudsBefore: 7, likelihood: 70 });

    const done = await call('practice.finishSession', { id: planned.id, after: after() });
    expect(done).toMatchObject({
      status: 'done',
      completedOn: '2026-03-18',
      after: { sudsPeak: 8, sudsAfter: 3, predictionHappened: false },
    });

    const progress = await watch('practice.watchProgress', { weeks: 2 }, (p) => p.points.length === 1);
    expect(progress.points[0]).toMatchObject({
      completedOn: '2026-03-18',
      before: 7,
      peak: 8,
      after: 3,
      task: 'Phone the library to ask about the book club',
    });
    expect(progress.weeks).toEqual([
      { weekStart: '2026-03-09', count: 0 },
      { weekStart: '2026-03-16', count: 1 },
    ]);
    expect(progress.goal).toMatchObject({ goal: 2, done: 1, remaining: 1 });
    expect(progress.calibration).toMatchObject({ count: 1, averagePredicted: 70, happenedPercent: 0 });
  });

  it('does not count planned sessions as completions', async () => {
    const { call, watch } = await setup();
    await call('practice.startSession', before());
    const sessions = await watch('practice.watchSessions', {}, (s) => s.length === 1);
    expect(sessions[0]!.status).toBe('planned');
    expect((await watch('practice.watchProgress', {})).points).toEqual([]);
  });

  it('refuses to finish a session twice', async () => {
    const { call, core } = await setup();
    const { id } = await call('practice.startSession', before());
    await call('practice.finishSession', { id, after: after() });
    const again = await core.requestUnchecked('practice.finishSession', { id, after: after() });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('logs an interaction of the matching type with a linked person, without anxiety ratings in the notes', async () => {
    const { call, person } = await setup('2026-03-18T12:00:00Z');
    const sam = await person('Sam Okafor');
    const { id } = await call(
      'practice.startSession',
      before({ situation: 'meet-up', task: 'Introduce myself to one new person at the meet-up' }),
    );
    const done = await call('practice.finishSession', {
      id,
      after: after({ contactId: sam.id, outcome: 'Sam told me about a design job' }),
    });
    expect(done.interactionId).toBeTruthy();

    const page = await call('timeline.page', { filter: { contactId: sam.id }, offset: 0, limit: 10 });
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({ type: 'meet-up', date: '2026-03-18', title: 'Practice session' });
    expect(page.entries[0]!.notes).toContain('What happened: Sam told me about a design job');
    expect(page.entries[0]!.notes).not.toMatch(/\b[0-9]+\s*(%|\/ ?10)|anxi/i);
  });

  it('leaves the session unfinished and names the field when the linked person no longer exists', async () => {
    const { call, core, watch } = await setup();
    const { id } = await call('practice.startSession', before());
    const result = await core.requestUnchecked('practice.finishSession', {
      id,
      after: after({ contactId: 'ghost' }),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: [{ path: ['after', 'contactId'] }] },
    });
    expect((await watch('practice.watchSessions', {}))[0]!.status).toBe('planned');
  });

  it('deletes a session with undo', async () => {
    const { call, watch } = await setup();
    const { id } = await call('practice.startSession', before());
    const { undoToken } = await call('practice.deleteSession', { id });
    await watch('practice.watchSessions', {}, (s) => s.length === 0);
    await call('undo.apply', { token: undoToken });
    await watch('practice.watchSessions', {}, (s) => s.length === 1);
  });
});

describe('weekly goal', () => {
  it('starts at a gentle default, can be changed or turned off, and refuses more than seven', async () => {
    const { call, core, watch } = await setup();
    expect((await watch('practice.watchProgress', {})).goal.goal).toBe(2);
    await call('practice.setWeeklyGoal', { goal: 0 });
    expect((await watch('practice.watchProgress', {}, (p) => p.goal.goal === 0)).goal.message).toMatch(/No goal set/);
    const tooMany = await core.requestUnchecked('practice.setWeeklyGoal', { goal: 30 });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
