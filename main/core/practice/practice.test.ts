import { describe, expect, it } from 'vitest';
import type { RequestInput } from '../../../shared/ipc/contract.ts';
import { useCore } from './test-helpers.ts';

const setup = useCore();

const before = (extra: Partial<RequestInput<'practice.startSession'>> = {}): RequestInput<'practice.startSession'> => ({
  date: '2026-03-18',
  task: 'Phone the library to ask about the book club',
  situation: 'phone',
  sudsBefore: 7,
  prediction: 'They will sound annoyed and end the call within a minute',
  beliefBefore: 70,
  safetyBehavioursToDrop: ['Rehearsing every word in advance'],
  ...extra,
});
const after = (
  extra: Partial<RequestInput<'practice.finishSession'>['after']> = {},
): RequestInput<'practice.finishSession'>['after'] => ({
  sudsPeak: 8,
  sudsEnd: 3,
  stayed: 'until-done',
  outcome: 'They were friendly and told me the next date',
  predictionHappened: false,
  beliefAfter: 15,
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
  it('saves the plan, then finishes it today and shows it on its ladder step and in the belief chart', async () => {
    const { call, watch } = await setup('2026-03-18T12:00:00Z');
    const ladder = await call('practice.saveLadder', {
      fields: { name: 'Phone calls', steps: [{ text: 'Phone the library', suds: 6 }] },
    });
    const step = ladder.steps[0]!;
    const planned = await call(
      'practice.startSession',
      before({ date: '2026-03-17', ladderId: ladder.id, stepId: step.id }),
    );
    expect(planned).toMatchObject({
      status: 'planned',
      sudsBefore: 7,
      beliefBefore: 70,
      safetyBehavioursToDrop: ['Rehearsing every word in advance'],
    });

    const done = await call('practice.finishSession', { id: planned.id, after: after() });
    expect(done).toMatchObject({
      status: 'done',
      completedOn: '2026-03-18',
      after: { sudsPeak: 8, sudsEnd: 3, stayed: 'until-done', predictionHappened: false, beliefAfter: 15 },
    });

    const progress = await watch('practice.watchProgress', {}, (p) => p.beliefs.points.length === 1);
    expect(progress.ladders[0]!.steps[0]).toMatchObject({
      stepId: step.id,
      attempts: [{ sessionId: planned.id, completedOn: '2026-03-18', peak: 8, end: 3, stayed: 'until-done' }],
      advice: { kind: 'repeat' },
    });
    expect(progress.beliefs.points[0]).toMatchObject({ before: 70, after: 15, happened: false });
    expect(progress.otherPractices).toEqual([]);
    expect(progress.goal).toMatchObject({ goal: 2, done: 1, remaining: 1 });
  });

  it('keeps how the user coped when the prediction came true, and names a missing re-rating', async () => {
    const { call, core } = await setup();
    const { id } = await call('practice.startSession', before());
    const { beliefAfter: _b, ...noRerating } = after();
    const refused = await core.requestUnchecked('practice.finishSession', { id, after: noRerating });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: [{ path: ['after', 'beliefAfter'] }] },
    });
    const coping = 'I said “no worries, another time” and rang the next place';
    const done = await call('practice.finishSession', {
      id,
      after: after({ predictionHappened: true, coping, stayed: 'left-early' }),
    });
    expect(done.after).toMatchObject({ predictionHappened: true, coping, stayed: 'left-early' });
  });

  it('does not count planned sessions as completions', async () => {
    const { call, watch } = await setup();
    await call('practice.startSession', before());
    const sessions = await watch('practice.watchSessions', {}, (s) => s.length === 1);
    expect(sessions[0]!.status).toBe('planned');
    expect((await watch('practice.watchProgress', {})).beliefs.points).toEqual([]);
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
