import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_CADENCES } from '../../../shared/domain/cadence.ts';
import { openTestCore } from '../testing/test-core.ts';

const tiers = DEFAULT_TIER_CADENCES;
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('the default rhythm for new people', () => {
  it('is given to people created while logging and to imported people, not to people added with a choice', async () => {
    const t = await openTestCore({ now: '2026-03-10T09:00:00Z' });
    await t.call('settings.setKeepInTouch', { tiers, defaultTier: 'regular' });
    expect(await t.call('settings.getKeepInTouch', {})).toEqual({ tiers, defaultTier: 'regular' });

    const logged = await t.call('interactions.log', {
      interaction: { type: 'coffee', date: '2026-03-09', contactIds: [] },
      newPeople: ['Sam Okafor'],
      details: [],
    });
    expect((await t.call('contacts.get', { id: logged.contactIds[0]! })).tier).toBe('regular');

    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,Engines,Analyst,12 Mar 2024',
    ].join('\n');
    const preview = await t.call('interchange.preview', { fileName: 'c.csv', base64: b64(csv) });
    await t.call('interchange.commit', { sessionId: preview.sessionId, choices: [] });

    const plain = await t.call('contacts.create', { displayName: 'Grace Hopper' });
    expect(plain.tier).toBeUndefined();

    const list = await t.next('contacts.watch', {}, (people) => people.length === 3);
    const ada = list.find((p) => p.displayName === 'Ada Lovelace')!;
    // Connected in March 2024 with a two-month rhythm: long overdue, so Today is not empty.
    expect(ada.tier).toBe('regular');
    expect(ada.status.state).toBe('overdue');
  });

  it('leaves new people without a rhythm while no default is set', async () => {
    const t = await openTestCore();
    const logged = await t.call('interactions.log', {
      interaction: { type: 'call', date: '2026-03-09', contactIds: [] },
      newPeople: ['Ana Ruiz'],
      details: [],
    });
    expect((await t.call('contacts.get', { id: logged.contactIds[0]! })).tier).toBeUndefined();
  });
});
