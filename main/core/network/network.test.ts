import { describe, expect, it } from 'vitest';
import type { Favour, InteractionType } from '../../../shared/domain/interaction.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';

/** The test clock's day (openTestCore starts at 2026-03-18). */
const TODAY = '2026-03-18';

const person = (t: TestCore, displayName: string, more: Record<string, unknown> = {}) =>
  t.call('contacts.create', { displayName, ...more });
const log = (
  t: TestCore,
  contactIds: string[],
  date: string,
  favours: { gave?: Favour[]; asked?: Favour[] } = {},
  type: InteractionType = 'coffee',
) =>
  t.call('interactions.log', {
    interaction: { type, date, contactIds, gave: favours.gave ?? [], asked: favours.asked ?? [] },
  });

describe('relationships', () => {
  it('are shown on both people, survive an edit of the person, and go from both when removed', async () => {
    const t = await openTestCore();
    const ana = await person(t, 'Ana Costa');
    const ben = await person(t, 'Ben Okafor');
    await t.call('network.relate', { fromId: ana.id, toId: ben.id, kind: 'introduced-by' });
    await t.call('network.relate', { fromId: ana.id, toId: ben.id, kind: 'family', label: 'sister' });

    const onAna = await t.next('network.watchPerson', { id: ana.id }, (v) => v.relationships.length === 2);
    expect(onAna.relationships.map((r) => [r.displayName, r.kind, r.label])).toEqual([
      ['Ben Okafor', 'introduced-by', undefined],
      ['Ben Okafor', 'family', 'sister'],
    ]);
    const onBen = await t.next('network.watchPerson', { id: ben.id });
    expect(onBen.relationships.map((r) => [r.displayName, r.kind])).toEqual([
      ['Ana Costa', 'introduced'],
      ['Ana Costa', 'family'],
    ]);

    // The edit form sends contact fields only; the relationships stay.
    await t.call('contacts.update', { id: ana.id, fields: { displayName: 'Ana C.' } });
    expect((await t.call('contacts.get', { id: ana.id })).relationships).toHaveLength(2);

    await t.call('network.unrelate', { fromId: ben.id, toId: ana.id, kind: 'introduced' });
    expect((await t.call('contacts.get', { id: ana.id })).relationships?.map((r) => r.kind)).toEqual(['family']);
    expect((await t.call('contacts.get', { id: ben.id })).relationships?.map((r) => r.kind)).toEqual(['family']);
  });

  it('refuses one person twice and unknown people', async () => {
    const t = await openTestCore();
    const ana = await person(t, 'Ana');
    await expect(t.call('network.relate', { fromId: ana.id, toId: ana.id, kind: 'knows' })).rejects.toThrow(
      'two different people',
    );
    await expect(t.call('network.relate', { fromId: ana.id, toId: 'nobody', kind: 'knows' })).rejects.toThrow(
      'no longer exists',
    );
  });

  it('move to the person kept when two people are merged', async () => {
    const t = await openTestCore();
    const ana = await person(t, 'Ana');
    const ana2 = await person(t, 'Ana Costa');
    const ben = await person(t, 'Ben');
    await t.call('network.relate', { fromId: ana2.id, toId: ben.id, kind: 'works-with' });
    await t.call('contacts.merge', { primaryId: ana.id, secondaryId: ana2.id, fields: { displayName: 'Ana Costa' } });
    expect((await t.call('contacts.get', { id: ana.id })).relationships).toEqual([
      { contactId: ben.id, kind: 'works-with' },
    ]);
    expect((await t.call('contacts.get', { id: ben.id })).relationships).toEqual([
      { contactId: ana.id, kind: 'works-with' },
    ]);
  });
});

describe('introductions', () => {
  it('suggests a looking-for/can-help pair, and logging it records gave: intro for both and the relationship', async () => {
    const t = await openTestCore();
    const ana = await person(t, 'Ana Costa', { lookingFor: 'a Rust mentor', emails: [{ value: 'ana@example.org' }] });
    const ben = await person(t, 'Ben Okafor', { canHelpWith: 'mentoring Rust developers' });
    await person(t, 'Cy', { canHelpWith: 'baking bread' });

    const [suggestion, ...rest] = await t.call('network.introSuggestions', {});
    expect(rest).toEqual([]);
    expect(suggestion).toMatchObject({
      seeker: { id: ana.id, email: 'ana@example.org', lookingFor: 'a Rust mentor' },
      helper: { id: ben.id, canHelpWith: 'mentoring Rust developers' },
      shared: ['rust', 'mentor'],
    });
    expect(suggestion!.drafts[1].body).toContain('Would you be open to an introduction?');
    expect((await t.next('network.watchPerson', { id: ben.id })).intros).toHaveLength(1);

    const { interaction: logged } = await t.call('network.logIntro', { seekerId: ana.id, helperId: ben.id });
    expect(logged).toMatchObject({ contactIds: [ana.id, ben.id], gave: ['intro'], date: TODAY });
    for (const id of [ana.id, ben.id]) {
      const view = await t.next('person.watch', { id });
      expect(view.reciprocity.gave).toBe(1);
    }
    expect((await t.call('contacts.get', { id: ana.id })).relationships).toEqual([
      { contactId: ben.id, kind: 'introduced-by-you', since: TODAY, introId: logged.id },
    ]);
    // Introduced: no longer suggested.
    expect(await t.call('network.introSuggestions', {})).toEqual([]);
  });
});

describe('the job-hunt guard', () => {
  it('is shown for an ask to someone last contacted 9 months ago with no gives, and not for a close contact', async () => {
    const t = await openTestCore();
    const distant = await person(t, 'Dana Distant', { tier: 'regular' });
    const close = await person(t, 'Cleo Close', { tier: 'close' });
    await log(t, [distant.id], '2025-06-10');
    await log(t, [close.id], '2026-03-02');

    // Off until job-hunt mode is on.
    expect((await t.call('network.askCheck', { contactId: distant.id })).guard).toEqual({ show: false });
    await t.call('network.setSettings', { weeklyNoAskTarget: 3, jobHuntMode: true, guardMonths: 6 });

    const check = await t.call('network.askCheck', { contactId: distant.id });
    expect(check.guard).toEqual({ show: true, reason: 'long-gap', lastContactOn: '2025-06-10', monthsSince: 9 });
    expect(check.reconnect.body).toContain('No agenda');
    expect((await t.call('network.askCheck', { contactId: close.id })).guard).toEqual({ show: false });
  });
});

describe('announcements', () => {
  it('drafts one per person of the segment, give-first for people only asked of lately, and marking one sent logs it', async () => {
    const t = await openTestCore();
    const asked = await person(t, 'Ana Asked', { tags: ['rust'], lookingFor: 'a flat in Lisbon' });
    const fine = await person(t, 'Ben Balanced', { tags: ['rust'], emails: [{ value: 'ben@example.org' }] });
    await person(t, 'Cy Other', { tags: ['design'] });
    await log(t, [asked.id], '2026-02-01', { asked: ['referral'] });
    await log(t, [fine.id], '2026-02-01', { gave: ['advice'] });

    const drafts = await t.call('network.announcementDrafts', {
      announcement: { kind: 'at-event', event: { name: 'RustConf', startsOn: '2026-04-14', place: 'Lisbon' } },
      segment: { tags: ['rust'] },
      signature: 'Sam',
    });
    expect(drafts.map((d) => [d.person.displayName, d.opening, d.person.email])).toEqual([
      ['Ana Asked', 'give-first', undefined],
      ['Ben Balanced', 'ask', 'ben@example.org'],
    ]);
    expect(drafts[0]!.body).toContain('looking for a flat in Lisbon; if I can help with that');
    expect(drafts[1]!.body).toContain('Will you be there too?');

    const sent = await t.call('network.markSent', {
      contactId: fine.id,
      subject: drafts[1]!.subject,
      purpose: 'invitation',
    });
    expect(sent).toMatchObject({ type: 'email', contactIds: [fine.id], title: 'Will you be at RustConf?', asked: [] });
    const week = await t.next('network.watchWeek', {}, (w) => w.done === 1);
    expect(week).toEqual({ weekStart: '2026-03-16', done: 1, target: 3, jobHuntMode: false });
  });
});
