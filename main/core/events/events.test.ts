import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/result.ts';
import { openTestCore } from '../testing/test-core.ts';

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//EN',
  'BEGIN:VEVENT',
  'UID:devconf-2026@example.com',
  'DTSTAMP:20260301T000000Z',
  'DTSTART;VALUE=DATE:20260318',
  'DTEND;VALUE=DATE:20260320',
  'SUMMARY:DevConf Leeds 2026',
  'LOCATION:Leeds Dock\\, Leeds',
  'URL:https://devconf.example.com',
  'DESCRIPTION:Two days of talks.\\nBring cards.',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

async function setup() {
  const t = await openTestCore({ now: '2026-03-18T09:00:00Z' });
  const fields = await t.call('events.parseIcs', { text: ICS });
  const event = await t.call('events.create', { fields: { ...fields, organisations: ['Acme'] } });
  return { t, event };
}

describe('events from .ics', { timeout: 30_000 }, () => {
  it('reads title, all-day dates (DTEND exclusive), place, link, notes and kind, with the default goal', async () => {
    const { event } = await setup();
    expect(event).toMatchObject({
      kind: 'conference',
      name: 'DevConf Leeds 2026',
      startsOn: '2026-03-18',
      endsOn: '2026-03-19',
      place: 'Leeds Dock, Leeds',
      link: 'https://devconf.example.com',
      notes: 'Two days of talks.\nBring cards.',
      goal: 'One or two genuine connections',
      icsUid: 'devconf-2026@example.com',
    });
  });

  it.each([
    ['not a calendar', 'hello', /VCALENDAR/],
    ['no event', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', /VEVENT: the file holds no event/],
    ['no title', ICS.replace(/SUMMARY:.*\r\n/, ''), /SUMMARY: the event has no title/],
    ['no start', ICS.replace(/DTSTART.*\r\n/, ''), /DTSTART: the event has no start date/],
    ['a link that is not a web address', ICS.replace('URL:https://', 'URL:ftp://'), /URL: Use a web address/],
  ])('names the field when the file is wrong: %s', async (_label, text, message) => {
    const t = await openTestCore();
    const result = await t.core.request('events.parseIcs', { text });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('exports an event that reads back the same', async () => {
    const { t, event } = await setup();
    const { fileName, text } = await t.call('events.exportIcs', { id: event.id });
    expect(fileName).toBe('devconf-leeds-2026-2026-03-18.ics');
    const back = await t.call('events.parseIcs', { text });
    expect(back).toMatchObject({
      name: event.name,
      startsOn: event.startsOn,
      endsOn: event.endsOn,
      place: event.place,
    });
    expect(back.notes).toBe(event.notes);
  });

  it('keeps a course’s sessions through export and import', async () => {
    const t = await openTestCore();
    const course = await t.call('events.create', {
      fields: {
        kind: 'course',
        name: 'Evening pottery',
        startsOn: '2026-04-01',
        startTime: '18:30',
        endTime: '20:00',
        sessions: [
          { date: '2026-04-01', startTime: '18:30' },
          { date: '2026-04-08', startTime: '18:30' },
          { date: '2026-04-15', startTime: '18:30' },
        ],
      },
    });
    const back = await t.call('events.parseIcs', { text: (await t.call('events.exportIcs', { id: course.id })).text });
    expect(back.kind).toBe('course');
    expect(back.sessions.map((s) => s.date)).toEqual(['2026-04-01', '2026-04-08', '2026-04-15']);
  });
});

describe('one event, one set of records', { timeout: 30_000 }, () => {
  it('prep sheet, quick capture, follow-up queue, marking sent, review, person page and search', async () => {
    const { t, event } = await setup();
    const colleague = await t.call('contacts.create', { displayName: 'Priya Raman', organisation: 'Acme' });
    await t.call('details.add', {
      contactId: colleague.id,
      text: 'her talk on accessibility',
      learnedOn: '2026-03-01',
    });
    await t.call('details.add', {
      contactId: colleague.id,
      text: 'hospital visit',
      learnedOn: '2026-03-02',
      sensitivity: 'sensitive',
    });
    const stranger = await t.call('contacts.create', { displayName: 'Unrelated Person', organisation: 'Other' });
    await t.call('events.setGoing', { id: event.id, contactId: stranger.id, going: true });

    const prep = (await t.next('events.watch', { id: event.id }, (v) => v.prep.likely.length === 2)).prep;
    expect(prep.likely.map((p) => [p.displayName, p.reasons])).toEqual([
      ['Unrelated Person', ['going']],
      ['Priya Raman', ['organisation']],
    ]);
    expect(prep.likely[1]!.askAbout.map((d) => d.text)).toEqual(['her talk on accessibility']);
    expect(prep.starters).toHaveLength(3);

    for (const [name, detail, followUp] of [
      ['Ann Lee', 'runs the Leeds JS meet-up', 'ann@example.com'],
      ['Bo Chen', 'moving to Berlin in May', 'linkedin.com/in/bochen'],
      ['Cy Diaz', 'learning Rust', 'coffee next week'],
    ]) {
      await t.call('events.capture', { eventId: event.id, name: name!, detail, followUp });
    }
    t.clock.set('2026-03-19T09:00:00Z');
    const view = await t.next(
      'events.watch',
      { id: event.id },
      (v) => v.followUps.length === 3 && v.today === '2026-03-19',
    );
    expect(view.followUps.map((f) => [f.displayName, f.state, f.dueBy])).toEqual([
      ['Ann Lee', 'due', '2026-03-20'],
      ['Bo Chen', 'due', '2026-03-20'],
      ['Cy Diaz', 'due', '2026-03-20'],
    ]);
    for (const item of view.followUps) expect(item.draft).toMatch(new RegExp(`^Hi ${item.displayName.split(' ')[0]},`));
    expect(view.followUps[0]!.email).toBe('ann@example.com');
    expect(view.followUps[1]!.email).toBeUndefined();

    const ann = view.followUps[0]!.contactId;
    const annPerson = await t.call('contacts.get', { id: ann });
    expect(annPerson).toMatchObject({ emails: [{ value: 'ann@example.com' }], metAtEventId: event.id });
    const bo = await t.call('contacts.get', { id: view.followUps[1]!.contactId });
    expect(bo.social).toEqual([{ kind: 'linkedin', url: 'https://linkedin.com/in/bochen' }]);

    await t.call('events.markSent', { id: event.id, contactId: ann });
    await t.call('events.markSent', { id: event.id, contactId: view.followUps[1]!.contactId, via: 'message' });
    const after = await t.next('events.watch', { id: event.id }, (v) => v.review.followedUp === 2);
    expect(after.review).toMatchObject({ met: 3, followedUp: 2, waiting: 1 });
    expect(after.followUps.map((f) => f.state)).toEqual(['due', 'done', 'done']);

    // The interactions are ordinary ones, on each person's timeline.
    const page = await t.call('timeline.page', { filter: { contactId: ann }, offset: 0, limit: 10 });
    expect(page.entries.map((e) => [e.type, e.eventId])).toEqual([
      ['email', event.id],
      ['conference', event.id],
    ]);
    const cy = after.followUps.find((f) => f.displayName === 'Cy Diaz')!.contactId;
    expect((await t.call('timeline.page', { filter: { contactId: cy }, offset: 0, limit: 10 })).entries[0]!.notes).toBe(
      'Follow up: coffee next week',
    );

    expect(await t.next('events.watchForPerson', { contactId: ann })).toEqual([
      { id: event.id, name: event.name, kind: 'conference', startsOn: '2026-03-18', relation: 'met' },
    ]);
    expect((await t.next('events.watchForPerson', { contactId: stranger.id }))[0]!.relation).toBe('going');

    const hits = await t.call('search.query', { q: 'devconf leeds' });
    expect(hits[0]).toMatchObject({ kind: 'event', id: event.id, title: 'DevConf Leeds 2026' });

    const list = await t.next('events.watchList', {}, (v) => v[0]?.metCount === 3);
    expect(list).toHaveLength(1);
  });

  it('refuses a follow-up for someone not met there, and a deleted event comes back with undo', async () => {
    const { t, event } = await setup();
    const someone = await t.call('contacts.create', { displayName: 'Someone' });
    await expect(t.call('events.markSent', { id: event.id, contactId: someone.id })).rejects.toThrow(AppError);
    const { undoToken } = await t.call('events.delete', { id: event.id });
    await expect(t.call('events.exportIcs', { id: event.id })).rejects.toThrow(/no longer exists/);
    await t.call('undo.apply', { token: undoToken });
    expect((await t.call('events.exportIcs', { id: event.id })).text).toContain('DevConf');
  });

  it('refuses to mark sent a follow-up to someone captured ahead of the event’s day, and logs nothing', async () => {
    const t = await openTestCore({ now: '2026-03-18T09:00:00Z' });
    const fields = await t.call('events.parseIcs', { text: ICS });
    const event = await t.call('events.create', {
      fields: { ...fields, startsOn: '2026-03-20', endsOn: '2026-03-20' },
    });
    await t.call('events.capture', { eventId: event.id, name: 'Priya Natarajan', detail: '', followUp: '' });
    const view = await t.next('events.watch', { id: event.id }, (v) => v.followUps.length === 1);
    expect(view.followUps[0]!.metOn).toBe('2026-03-20');
    const before = await t.call('timeline.page', { filter: {}, offset: 0, limit: 50 });
    const refused = await t.core.request('events.markSent', { id: event.id, contactId: view.followUps[0]!.contactId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: /still to come/ } });
    expect(await t.call('timeline.page', { filter: {}, offset: 0, limit: 50 })).toEqual(before);
    await t.dispose();
  });

  it('offers a matching ladder step as the practice and shows the SUDS once practised', async () => {
    const { t, event } = await setup();
    const ladder = await t.call('practice.saveLadder', {
      fields: {
        name: 'Events',
        steps: [
          { text: 'Ask a speaker one question', suds: 6, situation: 'conference' },
          { text: 'Say hello to one person at the coffee table', suds: 4, situation: 'conference' },
        ],
      },
    });
    const offered = (await t.next('events.watch', { id: event.id }, (v) => !!v.prep.practice)).prep.practice!;
    expect(offered).toMatchObject({ text: 'Say hello to one person at the coffee table', chosen: false });
    await t.call('events.setPractice', { id: event.id, practice: { ladderId: ladder.id, stepId: offered.stepId } });
    const session = await t.call('practice.startSession', {
      date: '2026-03-18',
      task: offered.text,
      situation: 'conference',
      ladderId: ladder.id,
      stepId: offered.stepId,
      sudsBefore: 6,
      prediction: 'They will look away',
      beliefBefore: 60,
    });
    await t.call('practice.finishSession', {
      id: session.id,
      after: {
        sudsPeak: 7,
        sudsEnd: 2,
        stayed: 'until-done',
        outcome: 'We talked for ten minutes',
        predictionHappened: false,
        beliefAfter: 20,
      },
    });
    const done = await t.next('events.watch', { id: event.id }, (v) => v.prep.practice?.session?.status === 'done');
    expect(done.prep.practice).toMatchObject({ chosen: true, session: { sudsBefore: 6, sudsPeak: 7, sudsEnd: 2 } });
    expect(await t.next('events.watchPracticeLinks', {}, (links) => links.length > 0)).toEqual([
      { ladderId: ladder.id, stepId: offered.stepId, eventId: event.id, name: event.name, startsOn: event.startsOn },
    ]);
  });
});
