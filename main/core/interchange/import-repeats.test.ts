import { describe, expect, it } from 'vitest';
import type { Core } from '../core.ts';
import { openCore } from '../backup/test-helpers.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const card = (lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';
const preview = (core: Core, fileName: string, text: string) =>
  core.call('interchange.preview', { fileName, base64: b64(text) });

async function seed(core: Core) {
  const ada = await core.call('contacts.create', {
    displayName: 'Ada Lovelace',
    emails: [{ value: 'ADA@example.org' }],
    organisation: 'Engines',
  });
  const grace = await core.call('contacts.create', { displayName: 'Grace Hopper', organisation: 'Navy' });
  return { ada: ada.id, grace: grace.id };
}

describe('a person repeated in one file', () => {
  // Ada twice (the same e-mail), then Grace twice (the same phone), the second time with notes.
  const twice =
    card(['FN:Ada Lovelace', 'EMAIL:ada@example.org', 'NOTE:Met at the Analytical Society']) +
    card(['FN:Grace Hopper', 'TEL:+1 202 555 0143']) +
    card(['FN:Ada Lovelace', 'EMAIL:ADA@example.org', 'EMAIL:ada@engines.example', 'NOTE:Prefers letters']) +
    card(['FN:Grace Hopper', 'TEL:+1 (202) 555-0143', 'ORG:Navy']) +
    card(['FN:Admiral Hopper', 'TEL:+1 202 555 0143', 'ORG:Harvard']);

  it('is flagged in the preview, naming the line it repeats', async () => {
    const core = await openCore();
    const result = await preview(core, 'twice.vcf', twice);
    expect(result.cards.map((c) => [c.line, c.status, c.action, c.sameAs?.map((s) => s.line)])).toEqual([
      [1, 'new', 'create', undefined],
      [7, 'new', 'create', undefined],
      [12, 'duplicate', 'merge', [1]],
      [19, 'duplicate', 'merge', [7]],
      // Another name and organisation on Grace's phone: merging would lose one, so it stays apart.
      [25, 'new', 'create', [7]],
    ]);
    expect(result.cards[2]!.sameAs).toEqual([
      { index: 0, line: 1, displayName: 'Ada Lovelace', reasons: ['email', 'name'], differs: [] },
    ]);
    expect(result.cards[4]!.sameAs).toEqual([
      { index: 1, line: 7, displayName: 'Grace Hopper', reasons: ['phone'], differs: ['displayName', 'organisation'] },
    ]);
    expect(result.counts).toEqual({ new: 3, match: 0, conflict: 0, duplicate: 2 });
  });

  it('is merged into one person by default, keeping every e-mail, phone and note the file held', async () => {
    const core = await openCore();
    const result = await preview(core, 'twice.vcf', twice);
    const summary = await core.call('interchange.commit', { sessionId: result.sessionId });
    expect(summary).toEqual({ cancelled: false, created: 3, merged: 2, skipped: 0, interactions: 0 });
    const people = (await core.db.contacts.find().exec()).map((d) => d.toJSON());
    expect(people.map((p) => p.displayName).sort()).toEqual(['Ada Lovelace', 'Admiral Hopper', 'Grace Hopper']);
    expect(people.find((p) => p.displayName === 'Ada Lovelace')).toMatchObject({
      emails: [{ value: 'ada@example.org' }, { value: 'ada@engines.example' }],
      notes: 'Met at the Analytical Society\n\nPrefers letters',
    });
    expect(people.find((p) => p.displayName === 'Grace Hopper')).toMatchObject({
      phones: [{ value: '+1 202 555 0143' }],
      organisation: 'Navy',
    });
  });

  it('goes where the line it repeats goes: into someone here, or skipped with it', async () => {
    const core = await openCore();
    const { ada, grace } = await seed(core);
    const result = await preview(core, 'twice.vcf', twice);
    expect(result.cards.map((c) => c.status)).toEqual(['match', 'match', 'duplicate', 'duplicate', 'new']);
    // The policy for matches reaches a duplicate only through the line it repeats.
    const summary = await core.call('interchange.commit', {
      sessionId: result.sessionId,
      policy: 'merge',
      choices: [{ index: 1, action: 'skip' }],
    });
    expect(summary).toEqual({ cancelled: false, created: 1, merged: 2, skipped: 2, interactions: 0 });
    expect(await core.call('contacts.get', { id: ada })).toMatchObject({
      emails: [{ value: 'ADA@example.org' }, { value: 'ada@engines.example' }],
      notes: 'Met at the Analytical Society\n\nPrefers letters',
    });
    expect(await core.call('contacts.get', { id: grace })).toMatchObject({ phones: [] });
    expect(await core.db.contacts.count().exec()).toBe(3);
  });

  it('becomes a person of its own when the user chooses so', async () => {
    const core = await openCore();
    const result = await preview(core, 'twice.vcf', twice);
    const summary = await core.call('interchange.commit', {
      sessionId: result.sessionId,
      choices: [{ index: 2, action: 'create' }],
    });
    expect(summary).toEqual({ cancelled: false, created: 4, merged: 1, skipped: 0, interactions: 0 });
    const adas = await core.db.contacts.find({ selector: { displayName: 'Ada Lovelace' } }).exec();
    expect(adas.map((d) => d.emails.length).sort()).toEqual([1, 2]);
  });

  it('is matched with someone here through the values of all its cards', async () => {
    const core = await openCore();
    const grace = await core.call('contacts.create', {
      displayName: 'Amazing Grace',
      phones: [{ value: '+1 202 555 0143' }],
    });
    const file =
      card(['FN:Rear Admiral', 'EMAIL:grace@navy.example']) +
      card(['FN:Rear Admiral', 'EMAIL:grace@navy.example', 'TEL:+1 202 555 0143']);
    const result = await preview(core, 'grace.vcf', file);
    // The first card alone is nobody here; with the phone of the second it is Grace, under another name.
    expect(result.cards[0]).toMatchObject({
      status: 'conflict',
      matches: [{ id: grace.id, reasons: ['phone'] }],
      conflictFields: ['displayName'],
    });
    expect(result.cards[1]).toMatchObject({ status: 'duplicate', sameAs: [{ line: 1 }] });
  });

  it('is not merged on evidence from a line the user set apart: the commit says which line to choose for', async () => {
    const core = await openCore();
    const grace = await core.call('contacts.create', {
      displayName: 'Grace Hopper',
      phones: [{ value: '+1 202 555 0143' }],
    });
    const file =
      card(['FN:G. Hopper', 'EMAIL:grace@navy.example']) +
      card(['FN:G. Hopper', 'EMAIL:grace@navy.example', 'TEL:+1 202 555 0143']);
    const result = await preview(core, 'grace.vcf', file);
    expect(result.cards.map((c) => c.status)).toEqual(['conflict', 'duplicate']);
    // Line 1 is Grace only through line 6's phone: merging it once line 6 is set apart would be a guess.
    const merging = { index: 0, action: 'merge' } as const;
    await expect(
      core.call('interchange.commit', {
        sessionId: result.sessionId,
        choices: [merging, { index: 1, action: 'create' }],
      }),
    ).rejects.toThrow('Line 1 looked like Grace Hopper only through line 6, which you set apart.');
    expect(await core.db.contacts.count().exec()).toBe(1);
    // Kept together, the merge goes ahead; chosen for again, it goes as chosen.
    const summary = await core.call('interchange.commit', {
      sessionId: result.sessionId,
      choices: [
        { index: 0, action: 'create' },
        { index: 1, action: 'skip' },
      ],
    });
    expect(summary).toMatchObject({ created: 1, merged: 0, skipped: 1 });
    expect(await core.call('contacts.get', { id: grace.id })).toMatchObject({ emails: [] });
  });

  it('does not join a line to one it was linked to only through a line set apart', async () => {
    const core = await openCore();
    // One-word names are no evidence: line 12 is line 1's person only through line 6's phone.
    const file =
      card(['FN:Sam', 'EMAIL:sam@example.org']) +
      card(['FN:Sam', 'EMAIL:sam@example.org', 'TEL:+44 7700 900123']) +
      card(['FN:Sam', 'TEL:+44 7700 900123']);
    const result = await preview(core, 'sam.vcf', file);
    expect(result.cards.map((c) => [c.status, c.sameAs?.map((r) => r.line)])).toEqual([
      ['new', undefined],
      ['duplicate', [1]],
      ['duplicate', [1]],
    ]);
    await expect(
      core.call('interchange.commit', { sessionId: result.sessionId, choices: [{ index: 1, action: 'skip' }] }),
    ).rejects.toThrow('Line 12 looked like line 1 only through line 6, which you set apart.');
    expect(await core.db.contacts.count().exec()).toBe(0);
    // Line 6 kept with them, all three are one person.
    const summary = await core.call('interchange.commit', { sessionId: result.sessionId });
    expect(summary).toMatchObject({ created: 1, merged: 2 });
  });

  it('keeps the earliest day a repeated LinkedIn connection was made', async () => {
    const core = await openCore();
    const csv = [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,Engines,Analyst,12 Mar 2024',
      'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,Engines,Analyst,03 Jan 2021',
    ].join('\n');
    const result = await preview(core, 'Connections.csv', csv);
    expect(result.cards.map((c) => c.status)).toEqual(['new', 'duplicate']);
    await core.call('interchange.commit', { sessionId: result.sessionId });
    const connected = (await core.db.interactions.find().exec()).map((d) => d.date);
    expect(connected).toEqual(['2021-01-03']);
  });
});
