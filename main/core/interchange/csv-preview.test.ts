import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CsvMapping } from '../../../shared/domain/csv-mapping.ts';
import type { ImportPreview } from '../../../shared/ipc/channels/interchange.ts';
import { openTestCore, type TestCore } from '../testing/test-core.ts';
import { CSV_LAYOUTS, headRows, MAX_REMEMBERED_LAYOUTS } from './csv-preview.ts';

/** Outlook desktop's real header row (File → Export → Comma Separated Values), from the fixture. */
const OUTLOOK_HEADER = readFileSync(new URL('./csv/fixtures/outlook.csv', import.meta.url), 'latin1')
  .split(/\r?\n/)[0]!
  .split(',')
  .map((cell) => cell.replace(/^"|"$/g, ''));

const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
/** An Outlook export with these people, each given as header → value. */
const outlookCsv = (people: Record<string, string>[]) =>
  [OUTLOOK_HEADER, ...people.map((p) => OUTLOOK_HEADER.map((h) => p[h] ?? ''))]
    .map((row) => row.map(quote).join(','))
    .join('\r\n') + '\r\n';

// Fictional people; "User 1" is where this user kept LinkedIn profiles, which Outlook has no field for.
const OUTLOOK = outlookCsv([
  {
    'First Name': 'Ines',
    'Last Name': 'Okonkwo-Berg',
    Company: 'Harbourline Freight',
    'E-mail Address': 'ines@harbourline.example',
    'Mobile Phone': '+44 7700 900111',
    'User 1': 'https://www.linkedin.com/in/ines-okonkwo-berg',
  },
  { 'First Name': 'Tomasz', 'Last Name': 'Wielki', 'User 1': 'https://www.linkedin.com/in/tomasz-wielki' },
]);

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const preview = (t: TestCore, text: string, extra: Record<string, unknown> = {}) =>
  t.call('interchange.preview', { fileName: 'contacts.csv', base64: b64(text), ...extra });

/** The mapping with one column (by header) sent somewhere else. */
const remap = (mapping: CsvMapping, header: string, field: CsvMapping['columns'][number]['field']): CsvMapping => ({
  ...mapping,
  columns: mapping.columns.map((c) => (c.header === header ? { index: c.index, header: c.header, field } : c)),
});
const columnOf = (p: ImportPreview, header: string) => p.csv!.mapping.columns.find((c) => c.header === header)!;

async function people(t: TestCore) {
  return (await t.core.db.contacts.find().exec()).map((d) => d.toJSON());
}

describe('CSV mapping preview', () => {
  it('says which layout was detected, where each column goes and what is in it', async () => {
    const t = await openTestCore();
    const result = await preview(t, OUTLOOK);
    expect(result.format).toBe('outlook-csv');
    expect(result.csv).toMatchObject({ layout: 'outlook', source: 'detected', remembered: false });
    expect(result.csv!.mapping.columns).toHaveLength(OUTLOOK_HEADER.length);
    expect(columnOf(result, 'Mobile Phone')).toMatchObject({ field: 'phone', label: 'mobile' });
    expect(columnOf(result, 'User 1').field).toBe('keep');
    const samples = (header: string) => result.csv!.samples[columnOf(result, header).index];
    expect(samples('First Name')).toEqual(['Ines', 'Tomasz']);
    expect(samples('User 1')).toEqual([
      'https://www.linkedin.com/in/ines-okonkwo-berg',
      'https://www.linkedin.com/in/tomasz-wielki',
    ]);
    expect(samples('Pager')).toEqual([]);
    expect(result.cards.map((c) => c.displayName)).toEqual(['Ines Okonkwo-Berg', 'Tomasz Wielki']);
  });

  it('takes the samples from the rows after the header, wherever the header is', async () => {
    const t = await openTestCore();
    const linkedIn = [
      'Notes:',
      '"When exporting your connection data, you may notice that some of the email addresses are missing."',
      '',
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      'Ada,Lovelace,https://www.linkedin.com/in/ada,ada@example.org,Engines,Analyst,12 Mar 2024',
      'Linus,Pauling,https://www.linkedin.com/in/linus,,,,03 Jan 2023',
    ].join('\n');
    const result = await preview(t, linkedIn);
    expect(result.csv).toMatchObject({ layout: 'linkedin', source: 'detected' });
    expect(result.csv!.samples).toEqual([
      ['Ada', 'Linus'],
      ['Lovelace', 'Pauling'],
      ['https://www.linkedin.com/in/ada', 'https://www.linkedin.com/in/linus'],
      ['ada@example.org'],
      ['Engines'],
      ['Analyst'],
      ['12 Mar 2024', '03 Jan 2023'],
    ]);
  });

  it('reads the file again with a corrected column, replacing the earlier preview', async () => {
    const t = await openTestCore();
    const first = await preview(t, OUTLOOK);
    const corrected = remap(first.csv!.mapping, 'User 1', 'url');
    const again = await t.call('interchange.preview', {
      fileName: 'contacts.csv',
      sessionId: first.sessionId,
      csvMapping: corrected,
    });
    expect(again.csv).toMatchObject({ layout: 'outlook', source: 'chosen', remembered: false });
    expect(columnOf(again, 'User 1').field).toBe('url');
    // The earlier preview is closed: only the corrected one can be imported.
    await expect(t.call('interchange.commit', { sessionId: first.sessionId })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(await t.call('interchange.commit', { sessionId: again.sessionId })).toMatchObject({ created: 2 });
    const ines = (await people(t)).find((p) => p.givenName === 'Ines')!;
    expect(ines.social).toEqual([{ kind: 'linkedin', url: 'https://www.linkedin.com/in/ines-okonkwo-berg' }]);
    expect(ines.extensions.filter((e) => e.params.column === 'User 1')).toEqual([]);
  });

  it('remembers a corrected layout for its header, uses it next time and says so, and forgets it', async () => {
    const t = await openTestCore();
    const first = await preview(t, OUTLOOK);
    const corrected = remap(first.csv!.mapping, 'User 1', 'url');
    const remembered = await t.call('interchange.preview', {
      fileName: 'contacts.csv',
      sessionId: first.sessionId,
      csvMapping: corrected,
      rememberLayout: true,
    });
    expect(remembered.csv).toMatchObject({ source: 'chosen', remembered: true });

    // A later export from the same Outlook, with other people, after a restart.
    await t.reopen();
    const later = outlookCsv([{ 'First Name': 'Aiko', 'User 1': 'https://www.linkedin.com/in/aiko-t' }]);
    const next = await preview(t, later);
    expect(next.csv).toMatchObject({ layout: 'outlook', source: 'remembered', remembered: true });
    expect(columnOf(next, 'User 1').field).toBe('url');
    await t.call('interchange.commit', { sessionId: next.sessionId });
    expect((await people(t))[0]!.social).toEqual([{ kind: 'linkedin', url: 'https://www.linkedin.com/in/aiko-t' }]);

    // Stored as the interchange area's synced setting, under the header's signature.
    const stored = await t.core.db.settings.findOne(CSV_LAYOUTS.id).exec();
    expect(stored?.value).toMatchObject({ layouts: [{ signature: first.csv!.mapping.signature }] });

    const forgotten = await t.call('interchange.preview', {
      fileName: 'contacts.csv',
      sessionId: (await preview(t, later)).sessionId,
      csvMapping: corrected,
      rememberLayout: false,
    });
    expect(forgotten.csv).toMatchObject({ source: 'chosen', remembered: false });
    expect((await preview(t, later)).csv).toMatchObject({ source: 'detected', remembered: false });
  });

  it('guesses the columns of an unknown CSV, reads nobody until the guess is confirmed, then remembers it', async () => {
    const t = await openTestCore();
    const text = 'Full name,Mail,Employer,Mobile number\nRuth Adeyemi,ruth@example.org,Kestrel Labs,+44 7700 900222\n';
    const guessed = await preview(t, text);
    expect(guessed.cards).toEqual([]);
    expect(guessed.csv).toMatchObject({ layout: 'custom', source: 'guessed', remembered: false });
    expect(guessed.csv!.mapping.columns.map((c) => c.field)).toEqual(['displayName', 'email', 'organisation', 'phone']);
    expect(guessed.csv!.samples).toEqual([
      ['Ruth Adeyemi'],
      ['ruth@example.org'],
      ['Kestrel Labs'],
      ['+44 7700 900222'],
    ]);
    // Remembering a guess that read nobody is refused; confirming it reads the person.
    const unconfirmed = await preview(t, text, { rememberLayout: true });
    expect(unconfirmed.csv?.remembered).toBe(false);
    const confirmed = await t.call('interchange.preview', {
      fileName: 'contacts.csv',
      sessionId: guessed.sessionId,
      csvMapping: guessed.csv!.mapping,
      rememberLayout: true,
    });
    expect(confirmed.format).toBe('csv');
    expect(confirmed.cards.map((c) => [c.displayName, c.email, c.organisation, c.phone])).toEqual([
      ['Ruth Adeyemi', 'ruth@example.org', 'Kestrel Labs', '+44 7700 900222'],
    ]);
    expect((await preview(t, text)).csv).toMatchObject({ layout: 'custom', source: 'remembered', remembered: true });
  });

  it('keeps a vCard preview without CSV details, and cannot read it again with columns', async () => {
    const t = await openTestCore();
    const card = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Noor Haddad\r\nEND:VCARD\r\n';
    const result = await t.call('interchange.preview', { fileName: 'noor.vcf', base64: b64(card) });
    expect(result.csv).toBeUndefined();
    await expect(
      t.call('interchange.preview', { fileName: 'noor.vcf', sessionId: result.sessionId, rememberLayout: true }),
    ).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('Only a CSV file') });
  });

  it('refuses a mapping that maps a column twice, and a request naming two files or none', async () => {
    const t = await openTestCore();
    const first = await preview(t, OUTLOOK);
    const [a, b] = first.csv!.mapping.columns;
    const twice = { ...first.csv!.mapping, columns: [a!, { ...b!, index: a!.index }] };
    const refused = await t.core.request('interchange.preview', {
      fileName: 'contacts.csv',
      sessionId: first.sessionId,
      csvMapping: twice,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(refused)).toContain('Each column can be mapped only once');
    for (const input of [
      { fileName: 'contacts.csv' },
      { fileName: 'contacts.csv', base64: b64(OUTLOOK), sessionId: first.sessionId },
    ])
      expect(await t.core.request('interchange.preview', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
  });
});

describe('headRows', () => {
  it('reads the first 64 KB of a large file and drops the row the cut went through', () => {
    // Quoted notes with line breaks: a cut after any line feed may fall inside a row.
    const row = (n: number) => `Person ${n},"Line one of ${n}\nline two ${'x'.repeat(2000)}"`;
    const text = ['Name,Notes', ...Array.from({ length: 100 }, (_, n) => row(n))].join('\n');
    const rows = headRows(new TextEncoder().encode(text), 'big.csv');
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.length).toBeLessThan(100);
    for (const [i, r] of rows.slice(1).entries())
      expect(r.cells).toEqual([`Person ${i}`, expect.stringMatching(/line two x+$/)]);
  });
});

describe('remembered CSV layouts setting', () => {
  const mapping = (n: number): CsvMapping => ({
    layout: 'custom',
    signature: `csv1-1-${n.toString(16).padStart(8, '0')}`,
    columns: [{ index: 0, header: 'Name', field: 'displayName' }],
  });

  it('ignores one damaged entry without losing the others', () => {
    const read = CSV_LAYOUTS.schema.parse({ layouts: [mapping(1), { signature: 7 }, mapping(2)] });
    expect(read.layouts.map((m) => m.signature)).toEqual([mapping(1).signature, mapping(2).signature]);
    expect(CSV_LAYOUTS.schema.parse({ layouts: 'broken' })).toEqual({ layouts: [] });
  });

  it(`keeps the ${MAX_REMEMBERED_LAYOUTS} remembered most recently`, async () => {
    const t = await openTestCore();
    const header = (n: number) => `Name,Column ${n}\nRuth,${n}\n`;
    const firstSignature = (await preview(t, header(0))).csv!.mapping.signature;
    for (let n = 0; n <= MAX_REMEMBERED_LAYOUTS; n++) {
      const guessed = await preview(t, header(n));
      await t.call('interchange.preview', {
        fileName: 'contacts.csv',
        sessionId: guessed.sessionId,
        csvMapping: guessed.csv!.mapping,
        rememberLayout: true,
      });
    }
    const stored = CSV_LAYOUTS.schema.parse((await t.core.db.settings.findOne(CSV_LAYOUTS.id).exec())?.value);
    expect(stored.layouts).toHaveLength(MAX_REMEMBERED_LAYOUTS);
    expect(stored.layouts.map((m) => m.signature)).not.toContain(firstSignature);
    expect((await preview(t, header(MAX_REMEMBERED_LAYOUTS))).csv?.source).toBe('remembered');
  });
});

describe('vCard export report', () => {
  it('names each person whose kept data was renamed or left out, with counts', async () => {
    const t = await openTestCore();
    const zofia = await t.call('contacts.create', {
      displayName: 'Zofia Nowak',
      extensions: [
        { name: 'X-MESSAGING/GADU-ALL', params: {}, value: '1234567' },
        { name: 'X-BROKEN', params: { encoding: 'b' }, value: '%%%not base64' },
      ],
    });
    const plain = await t.call('contacts.create', { displayName: 'Plain Person' });
    const file = await t.call('interchange.exportVCard', { version: '4.0' });
    expect(file.count).toBe(2);
    expect(file.text).toContain('X-MESSAGING-GADU-ALL');
    expect(file.report).toMatchObject({ renamed: 1, leftOut: 1 });
    expect(file.report.notes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: zofia.id, displayName: 'Zofia Nowak', property: 'X-MESSAGING/GADU-ALL' }),
        expect.objectContaining({ personId: zofia.id, property: 'X-BROKEN', outcome: 'left out' }),
      ]),
    );
    const clean = await t.call('interchange.exportVCard', { version: '3.0', ids: [plain.id] });
    expect(clean.report).toEqual({ renamed: 0, converted: 0, leftOut: 0, notes: [] });
  });
});

describe('re-importing our own export', () => {
  it('matches everyone to themselves when two of them share a phone, and links neither to the other', async () => {
    const t = await openTestCore();
    try {
      const line = [{ value: '+44 7700 900727' }];
      await t.call('contacts.create', {
        displayName: 'Lars Asante',
        emails: [{ value: 'lars@example.org' }],
        phones: line,
      });
      await t.call('contacts.create', {
        displayName: 'Lucía Ramírez',
        emails: [{ value: 'lucia@example.org' }],
        phones: line,
      });
      const exported = await t.call('interchange.exportCsv', {});
      const again = await t.call('interchange.preview', { fileName: exported.fileName, base64: b64(exported.text) });
      expect(again.counts).toEqual({ new: 0, match: 2, conflict: 0, duplicate: 0 });
      expect(again.problems.map((p) => p.message).join('\n')).not.toMatch(/same person/);
      await t.call('interchange.cancel', { sessionId: again.sessionId });
    } finally {
      await t.dispose();
    }
  });
});
