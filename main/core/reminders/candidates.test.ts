/**
 * Today reads only the people who can be on it (candidates.ts), the follow-ups still waiting
 * (`follow_ups`) and the meetings still waiting (`meetings`), which name their people. Its
 * promise: on any data, any day and any rhythms, the scheduler answers from those exactly what it
 * answers from everyone, every open follow-up and every meeting.
 */
import { describe, expect, it } from 'vitest';
import { Tier } from '../../../shared/domain/contact.ts';
import { addCalendarDays } from '../../../shared/domain/keep-in-touch/days.ts';
import { comesDueThisWeek, THIS_WEEK_DAYS } from '../../../shared/domain/keep-in-touch/status.ts';
import { upcomingBirthdays } from '../../../shared/domain/reminders/birthdays.ts';
import { schedule } from '../../../shared/domain/reminders/schedule.ts';
import type { PersonHold } from '../../../shared/domain/reminders/settings.ts';
import { seededRandom } from '../../../shared/domain/search/generate.ts';
import type { TierCadences } from '../../../shared/domain/cadence.ts';
import { inArea } from '../area.ts';
import type { DetailDocument } from '../details/schema.ts';
import { rawContact, rawInteraction, WRITTEN_AT } from '../testing/documents.ts';
import { openTestCore } from '../testing/test-core.ts';
import { birthdaysAhead } from './birthdays-ahead.ts';
import { dueSoonRows } from './candidates.ts';
import { loadReminderData } from './inputs.ts';

const PEOPLE = 300;
const BASE = '2027-01-01';
/** Days the data spreads around BASE, so clocks, follow-ups and meetings fall before and after "today". */
const SPREAD = 500;
const TODAYS = [
  '2026-12-28',
  '2027-01-29',
  '2027-01-01',
  '2027-02-27',
  '2027-02-28',
  '2028-02-26',
  '2028-02-29',
  '2027-06-15',
];

describe('the people Today reads', () => {
  it('give the same schedule, lanes and birthdays list as everyone, on random data, days and rhythms', async () => {
    const random = seededRandom(20261202);
    const day = () => addCalendarDays(BASE, random(SPREAD) - SPREAD / 2);
    const { core } = await openTestCore({ now: '2027-01-01T12:00:00Z' });
    const { db } = core;
    const contacts = Array.from({ length: PEOPLE }, (_, n) =>
      rawContact(`p${n}`, {
        displayName: `Person ${n}`,
        archived: random(10) === 0,
        ...(random(4) ? { tier: Tier.options[random(4)]! } : {}),
        ...(random(8) === 0 ? { cadence: { idealDays: 1 + random(40), maxDays: 45 } } : {}),
        ...(random(2)
          ? { birthday: random(15) ? { month: 1 + random(12), day: 1 + random(28) } : { month: 2, day: 29 } }
          : {}),
        createdAt: `${day()}T09:00:00.000Z`,
      }),
    );
    const interactions = Array.from({ length: PEOPLE * 2 }, (_, n) =>
      rawInteraction(`i${n}`, {
        date: day(),
        ...(random(2) ? { time: `${String(random(24)).padStart(2, '0')}:15` } : {}),
        type: random(4) ? 'coffee' : random(2) ? 'conference' : 'meet-up',
        contactIds: random(3) ? [`p${random(PEOPLE)}`] : [`p${random(PEOPLE)}`, `p${random(PEOPLE)}`],
      }),
    );
    const details: DetailDocument[] = Array.from({ length: PEOPLE }, (_, n) => ({
      id: `d${n}`,
      contactId: `p${random(PEOPLE)}`,
      text: `Detail ${n}`,
      learnedOn: BASE,
      ...(random(3) ? { followUpOn: day() } : {}),
      sensitivity: random(3) ? 'normal' : 'private',
      status: random(5) ? 'open' : 'resolved',
      createdAt: WRITTEN_AT,
      updatedAt: WRITTEN_AT,
    }));
    await inArea('replication', async () => {
      await db.contacts.bulkInsert(contacts);
      await db.interactions.bulkInsert(interactions);
      await db.details.bulkInsert(details);
    });
    await core.projection.flush();
    const everyone = (await db.people_index.find().exec()).map((d) => d.toMutableJSON());
    const openFollowUps = details
      .filter((d) => d.status === 'open' && d.followUpOn)
      .sort((a, b) => (a.followUpOn! < b.followUpOn! ? -1 : a.followUpOn! > b.followUpOn! ? 1 : a.id < b.id ? -1 : 1))
      .map(({ id, contactId, followUpOn }) => ({ id, contactId, followUpOn: followUpOn! }));
    // Every meeting ever, without names: the scheduler checks each against its person.
    const everyMeeting = interactions
      .filter((i) => i.type === 'conference' || i.type === 'meet-up')
      .flatMap((i) =>
        [...new Set(i.contactIds)].map((contactId) => ({
          interactionId: i.id,
          contactId,
          type: i.type as 'conference' | 'meet-up',
          date: i.date,
          time: i.time,
        })),
      );

    let due = 0;
    let followUpReasons = 0;
    let eventReasons = 0;
    let thisWeek = 0;
    let read = 0;
    let birthdaysCut = 0;
    for (let round = 0; round < 48; round++) {
      const today = TODAYS[round % TODAYS.length]!;
      const now = new Date(`${today}T${String(random(24)).padStart(2, '0')}:30:00Z`);
      const tiers = Object.fromEntries(
        Tier.options.map((tier) => {
          const idealDays = 1 + random(random(3) ? 90 : 8);
          return [tier, { idealDays, maxDays: idealDays + random(30) }];
        }),
      ) as TierCadences;
      const holds: Record<string, PersonHold> = {};
      for (let i = 0; i < 20; i++)
        holds[`p${random(PEOPLE)}`] = random(2)
          ? { skippedOn: addCalendarDays(today, -random(30)) }
          : { snoozedUntil: addCalendarDays(today, random(10)) };

      // The reference reads every person, every open follow-up and every meeting.
      const fromEveryone = await loadReminderData(db, today, async () => everyone);
      fromEveryone.followUps = openFollowUps;
      fromEveryone.events = everyMeeting;
      const fromFew = await loadReminderData(db, today, () =>
        dueSoonRows(db, { today, tiers, alsoIds: Object.keys(holds) }),
      );
      const plan = (data: typeof fromEveryone) => schedule({ now, timeZone: 'Europe/London', tiers, holds, ...data });
      const expected = plan(fromEveryone);
      const actual = plan(fromFew);
      expect(actual.due).toEqual(expected.due);
      expect(actual.nextChangeAt).toEqual(expected.nextChangeAt);
      const weekEnd = addCalendarDays(today, THIS_WEEK_DAYS);
      const week = (statuses: typeof expected.statuses) =>
        [...statuses]
          .filter(([, status]) => comesDueThisWeek(status, today, weekEnd))
          .map(([id, status]) => ({ id, status }))
          .sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(week(actual.statuses)).toEqual(week(expected.statuses));
      // The birthdays list, read from the index: small limits cut inside days, across the year's end and at 28 February.
      const allBirthdays = upcomingBirthdays(fromEveryone.people, today, 30);
      const limit = 1 + random(allBirthdays.length + 2);
      expect(await birthdaysAhead(db, today, 30, limit)).toEqual({
        first: allBirthdays.slice(0, limit),
        total: allBirthdays.length,
      });
      birthdaysCut += limit < allBirthdays.length ? 1 : 0;

      due += expected.due.length;
      followUpReasons += expected.due.flatMap((p) => p.reasons).filter((r) => r.kind === 'follow-up').length;
      eventReasons += expected.due.flatMap((p) => p.reasons).filter((r) => r.kind === 'event-follow-up').length;
      thisWeek += week(expected.statuses).length;
      read += fromFew.people.length;
    }
    // The comparison had something to compare, and the reads left people out.
    expect(due).toBeGreaterThan(400);
    expect(followUpReasons).toBeGreaterThan(100);
    expect(eventReasons).toBeGreaterThan(5);
    expect(thisWeek).toBeGreaterThan(40);
    expect(birthdaysCut).toBeGreaterThan(30);
    expect(read).toBeLessThan(48 * everyone.length * 0.8);
  }, 60_000);
});
