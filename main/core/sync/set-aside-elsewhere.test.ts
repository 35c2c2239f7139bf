import { describe, expect, it } from 'vitest';
import { inArea } from '../area.ts';
import { openTestCore } from '../testing/test-core.ts';

const at = '2026-03-18T11:00:00.000Z';
const conflict = (field: string, value: unknown, itemKey?: string) => ({
  id: itemKey ? `${field}/${itemKey}@${at}` : `${field}@${at}`,
  field,
  value,
  editedAt: at,
  ...(itemKey ? { itemKey } : {}),
});

/** Events, ladders, practices and your own starters: listed in Settings → Sync, settled by their owners. */
describe('set-aside values with no person page', () => {
  it('lists each record with its values, and each owner settles its own', async () => {
    const t = await openTestCore({ now: '2026-03-18T12:00:00Z' });
    const { db } = t.core;
    const event = await t.call('events.create', {
      fields: { kind: 'meet-up', name: 'Leeds JS', startsOn: '2026-04-02', notes: 'Bring cards' },
    });
    const ladder = await t.call('practice.saveLadder', {
      fields: {
        name: 'Phone calls',
        steps: [
          { text: 'Call a shop', suds: 3 },
          { text: 'Call a friend', suds: 5 },
        ],
      },
    });
    const starter = await t.call('starters.saveOwn', {
      fields: { text: 'How did the talk go, [name]?', situation: 'follow-up-48h' },
    });
    const [first, second] = ladder.steps;
    const eventNotes = conflict('notes', 'Bring cards and a charger');
    const step = conflict('steps', { ...first!, text: 'Call a shop about opening hours' }, first!.id);
    const starterText = conflict('text', 'How was the talk, [name]?');
    await inArea('events', () => db.events.findOne(event.id).incrementalPatch({ conflicts: [eventNotes] }));
    await inArea('practice', () => db.practice_ladders.findOne(ladder.id).incrementalPatch({ conflicts: [step] }));
    await inArea('starters', () => db.user_starters.findOne(starter.id).incrementalPatch({ conflicts: [starterText] }));

    const listed = await t.next('sync.watchSetAside', {}, (records) => records.length === 3);
    expect(listed).toEqual(
      expect.arrayContaining([
        { kind: 'event', id: event.id, title: 'Leeds JS', values: [eventNotes] },
        { kind: 'ladder', id: ladder.id, title: 'Phone calls', values: [step] },
        { kind: 'starter', id: starter.id, title: 'How did the talk go, [name]?', values: [starterText] },
      ]),
    );

    expect(
      await t.call('events.settleSetAside', { id: event.id, conflictId: eventNotes.id, choice: 'use' }),
    ).toMatchObject({ notes: 'Bring cards and a charger' });
    await t.call('practice.settleSetAside', { kind: 'ladder', id: ladder.id, conflictId: step.id, choice: 'use' });
    // The step goes back in its place, by its id; the other step is untouched.
    const steps = (await db.practice_ladders.findOne(ladder.id).exec())!.toMutableJSON().steps;
    expect(steps.map((s) => s.text)).toEqual(['Call a shop about opening hours', second!.text]);
    await t.call('starters.settleSetAside', { id: starter.id, conflictId: starterText.id, choice: 'dismiss' });
    expect((await db.user_starters.findOne(starter.id).exec())!.text).toBe('How did the talk go, [name]?');

    await t.next('sync.watchSetAside', {}, (records) => records.length === 0);
  });

  it('refuses a practice value that is not valid, and keeps it set aside', async () => {
    const t = await openTestCore({ now: '2026-03-18T12:00:00Z' });
    const session = await t.call('practice.startSession', {
      date: '2026-03-18',
      task: 'Phone the library',
      situation: 'phone',
      sudsBefore: 7,
      prediction: 'They will sound annoyed',
      beliefBefore: 70,
    });
    const bad = conflict('sudsBefore', 140);
    await inArea('practice', () =>
      t.core.db.practice_sessions.findOne(session.id).incrementalPatch({ conflicts: [bad] }),
    );
    const refused = await t.core.request('practice.settleSetAside', {
      kind: 'session',
      id: session.id,
      conflictId: bad.id,
      choice: 'use',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/sudsBefore/) },
    });
    const listed = await t.next('sync.watchSetAside', {});
    expect(listed).toEqual([{ kind: 'session', id: session.id, title: 'Phone the library', values: [bad] }]);
  });
});
