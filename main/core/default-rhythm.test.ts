import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/ipc/channels/interchange.ts';
import type { Contact } from '../../shared/domain/contact.ts';
import type { PersonListItem } from '../../shared/domain/views.ts';
import { DEFAULT_TIER_CADENCES } from '../../shared/domain/cadence.ts';
import { call, closeAll, openCore } from './backup/test-helpers.ts';

afterEach(closeAll);

const tiers = DEFAULT_TIER_CADENCES;
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('the default rhythm for new people', () => {
  it('is given to people created while logging and to imported people, not to people added with a choice', async () => {
    const core = await openCore();
    await call(core, 'settings.setKeepInTouch', { tiers, defaultTier: 'regular' });
    expect(await call(core, 'settings.getKeepInTouch', {})).toEqual({ tiers, defaultTier: 'regular' });

    const logged = await call<{ contactIds: string[] }>(core, 'interactions.log', {
      interaction: { type: 'coffee', date: '2026-03-09', contactIds: [] },
      newPeople: ['Sam Okafor'],
    });
    expect((await call<Contact>(core, 'contacts.get', { id: logged.contactIds[0] })).tier).toBe('regular');

    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,Engines,Analyst,12 Mar 2024',
    ].join('\n');
    const preview = await call<ImportPreview>(core, 'interchange.preview', { fileName: 'c.csv', base64: b64(csv) });
    await call(core, 'interchange.commit', { sessionId: preview.sessionId });

    const plain = await call<Contact>(core, 'contacts.create', { displayName: 'Grace Hopper' });
    expect(plain.tier).toBeUndefined();

    const list = await new Promise<PersonListItem[]>((resolve) => {
      const stop = core.dispatcher.subscribe('contacts.watch', {}, (r) => {
        queueMicrotask(() => stop());
        if (r.ok) resolve(r.value as PersonListItem[]);
      });
    });
    const ada = list.find((p) => p.displayName === 'Ada Lovelace')!;
    // Connected in March 2024 with a two-month rhythm: long overdue, so Today is not empty.
    expect(ada.tier).toBe('regular');
    expect(ada.status.state).toBe('overdue');
  });

  it('leaves new people without a rhythm while no default is set', async () => {
    const core = await openCore();
    const logged = await call<{ contactIds: string[] }>(core, 'interactions.log', {
      interaction: { type: 'call', date: '2026-03-09', contactIds: [] },
      newPeople: ['Ana Ruiz'],
    });
    expect((await call<Contact>(core, 'contacts.get', { id: logged.contactIds[0] })).tier).toBeUndefined();
  });
});
