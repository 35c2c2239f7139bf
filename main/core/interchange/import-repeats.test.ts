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
});
