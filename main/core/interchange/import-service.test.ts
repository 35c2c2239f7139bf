import { describe, expect, it, vi } from 'vitest';
import type { Core } from '../core.ts';

import { openCore } from '../backup/test-helpers.ts';
import { openTestCore, typedData } from '../testing/test-core.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const card = (lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';
const preview = (core: Core, fileName: string, text: string) =>
  core.call('interchange.preview', { fileName, base64: b64(text) });
const LINKEDIN = [
  'Notes:',
  '"Some notes"',
  '',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,Engines,Analyst,12 Mar 2024',
  'Linus,Pauling,https://www.linkedin.com/in/linus,,,,03 Jan 2023',
].join('\n');

async function seed(core: Core) {
  const ada = await core.call('contacts.create', {
    displayName: 'Ada Lovelace',
    emails: [{ value: 'ADA@example.org' }],
    organisation: 'Engines',
  });
  const grace = await core.call('contacts.create', {
    displayName: 'Grace Hopper',
    organisation: 'Navy',
  });
  return { ada: ada.id, grace: grace.id };
}

describe('import preview', () => {
  it('marks each card new, match or conflict, and writes nothing', async () => {
    const core = await openCore();
    const { ada, grace } = await seed(core);
    const before = await typedData(core.db);
    const file =
      card(['FN:Ada Lovelace', 'EMAIL:ada@example.org', 'TEL:+44 20 7946 0000']) +
      card(['FN:Grace Hopper', 'ORG:Harvard']) +
      card(['FN:Alan Turing']);
    const result = await preview(core, 'people.vcf', file);
    expect(result.format).toBe('vcard');
    expect(result.cards.map((c) => [c.displayName, c.status, c.action])).toEqual([
      ['Ada Lovelace', 'match', 'merge'],
      ['Grace Hopper', 'conflict', 'skip'],
      ['Alan Turing', 'new', 'create'],
    ]);
    expect(result.cards[0]!.matches).toEqual([{ id: ada, displayName: 'Ada Lovelace', reasons: ['email', 'name'] }]);
    expect(result.cards[1]).toMatchObject({
      matches: [{ id: grace, reasons: ['name'] }],
      conflictFields: ['organisation'],
    });
    expect(result.counts).toEqual({ new: 1, match: 1, conflict: 1, duplicate: 0 });
    expect(await typedData(core.db)).toEqual(before);
  });

  it('reports a malformed card by file and line, and still imports the good ones', async () => {
    const core = await openCore();
    const file = card(['FN:Good One']) + 'BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n' + card(['FN:Good Two']);
    const result = await preview(core, 'mixed.vcf', file);
    expect(result.problems).toContainEqual({
      file: 'mixed.vcf',
      line: 5,
      severity: 'error',
      message: 'Card at line 5 is empty; not imported',
    });
    const summary = await core.call('interchange.commit', { sessionId: result.sessionId });
    expect(summary).toMatchObject({ created: 2 });
  });

  it('keeps line numbers right in files read in several segments', async () => {
    const core = await openCore();
    const filler = Array.from({ length: 3000 }, (_, i) => card([`FN:Person ${i}`, `NOTE:${'x'.repeat(160)}`])).join('');
    const result = await preview(
      core,
      'big.vcf',
      filler + 'BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n' + card(['FN:Last One']),
    );
    expect(filler.length).toBeGreaterThan(2 * 256 * 1024);
    expect(result.cards).toHaveLength(3001);
    expect(result.problems).toEqual([expect.objectContaining({ line: 3000 * 5 + 1, severity: 'error' })]);
    expect(result.cards.at(-1)).toMatchObject({ displayName: 'Last One', line: 3000 * 5 + 4 });
  });
});

describe('import commit', () => {
  it('applies the defaults, a policy for all, and choices per card', async () => {
    const core = await openCore();
    const { ada, grace } = await seed(core);
    const file =
      card(['FN:Ada Lovelace', 'EMAIL:ada@example.org', 'TEL:+44 20 7946 0000']) +
      card(['FN:Grace Hopper', 'ORG:Harvard']) +
      card(['FN:Alan Turing']);
    const first = await preview(core, 'people.vcf', file);
    // Policy "create" for matches, but card 0 chosen "merge" explicitly.
    const summary = await core.call('interchange.commit', {
      sessionId: first.sessionId,
      policy: 'create',
      choices: [{ index: 0, action: 'merge' }],
    });
    expect(summary).toEqual({ cancelled: false, created: 2, merged: 1, skipped: 0, interactions: 0 });
    expect(await core.call('contacts.get', { id: ada })).toMatchObject({
      phones: [{ value: '+44 20 7946 0000' }],
      emails: [{ value: 'ADA@example.org' }],
    });
    expect(await core.call('contacts.get', { id: grace })).toMatchObject({ organisation: 'Navy' });
    expect(await core.db.contacts.count().exec()).toBe(4);
    // The session is gone once written.
    expect(await core.requestUnchecked('interchange.commit', { sessionId: first.sessionId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('LinkedIn rows add a "Connected on LinkedIn" social interaction on the Connected On day, once', async () => {
    const core = await openCore();
    const { ada } = await seed(core);
    const first = await preview(core, 'Connections.csv', LINKEDIN);
    expect(first.cards.map((c) => [c.status, c.connectedOn])).toEqual([
      ['match', '2024-03-12'],
      ['new', '2023-01-03'],
    ]);
    expect(await core.call('interchange.commit', { sessionId: first.sessionId })).toMatchObject({
      created: 1,
      merged: 1,
      interactions: 2,
    });
    const interactions = (await core.db.interactions.find().exec()).map((d) => d.toJSON());
    expect(interactions).toContainEqual(
      expect.objectContaining({
        type: 'social',
        date: '2024-03-12',
        title: 'Connected on LinkedIn',
        contactIds: [ada],
      }),
    );
    expect(await core.db.participations.count().exec()).toBe(2);
    expect((await core.db.people_index.findOne(ada).exec())?.lastInteractionOn).toBe('2024-03-12');
    const again = await preview(core, 'Connections.csv', LINKEDIN);
    expect(await core.call('interchange.commit', { sessionId: again.sessionId, policy: 'merge' })).toMatchObject({
      merged: 2,
      interactions: 0,
    });
    expect(await core.db.interactions.count().exec()).toBe(2);
  });

  it('cancelling during the write leaves the database as it was', async () => {
    const core = await openCore();
    const { ada } = await seed(core);
    const before = await typedData(core.db);
    const many = Array.from(
      { length: 1600 },
      (_, i) => `P${i},Q${i},https://www.linkedin.com/in/p${i},,,,1 Feb 2024`,
    ).join('\n');
    const result = await preview(core, 'Connections.csv', `${LINKEDIN}\n${many}`);
    const progress: unknown[] = [];
    core.connect((message) => {
      if (message.type !== 'event' || message.name !== 'interchange.progress') return;
      progress.push(message.payload);
      // Cancel once the first chunk of people (Ada's merge first) is written.
      if (progress.length === 1) void core.call('interchange.cancel', { sessionId: result.sessionId });
    });
    const summary = await core.call('interchange.commit', { sessionId: result.sessionId });
    expect(summary).toMatchObject({ cancelled: true, created: 0 });
    expect(progress[0]).toMatchObject({ phase: 'writing', done: 50, total: 1 + 1601 + 1602 });
    expect(progress).toContainEqual(expect.objectContaining({ phase: 'undoing' }));
    expect(await typedData(core.db)).toEqual(before);
    expect(await core.call('contacts.get', { id: ada })).not.toHaveProperty('social.0');
  });

  it('a failing write is undone, merged people included, and the error surfaces', async () => {
    const core = await openCore();
    await seed(core);
    const before = await typedData(core.db);
    const result = await preview(core, 'Connections.csv', LINKEDIN);
    vi.spyOn(core.db.interactions, 'bulkInsert').mockRejectedValueOnce(new Error('disk full'));
    const failed = await core.requestUnchecked('interchange.commit', { sessionId: result.sessionId });
    expect(failed).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/taken back, so nothing was changed/) },
    });
    expect(await typedData(core.db)).toEqual(before);
    // The session survives a failure, so the user can try again.
    expect(await core.call('interchange.commit', { sessionId: result.sessionId })).toMatchObject({
      created: 1,
      merged: 1,
    });
  });

  it('closing the app in the middle of a commit undoes it before the folder is closed', async () => {
    const t = await openTestCore();
    await seed(t.core);
    const before = await typedData(t.core.db);
    const many = Array.from({ length: 600 }, (_, i) => card([`FN:Guest ${i}`, `EMAIL:g${i}@example.org`])).join('');
    const result = await preview(t.core, 'many.vcf', many);
    let closing: Promise<void> | undefined;
    t.core.on('interchange.progress', ({ phase }) => {
      if (phase === 'writing') closing ??= t.close();
    });
    const summary = await t.core.request('interchange.commit', { sessionId: result.sessionId });
    await closing;
    expect(summary).toMatchObject({ ok: true, value: { cancelled: true } });
    await t.reopen();
    expect(await typedData(t.core.db)).toEqual(before);
  });

  it('cancelling a preview forgets it', async () => {
    const core = await openCore();
    const result = await preview(core, 'a.vcf', card(['FN:Someone New']));
    expect(await core.call('interchange.cancel', { sessionId: result.sessionId })).toEqual({ cancelled: true });
    expect(await core.requestUnchecked('interchange.commit', { sessionId: result.sessionId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await core.db.contacts.count().exec()).toBe(0);
  });
});
