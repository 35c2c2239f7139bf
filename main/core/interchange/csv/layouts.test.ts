/**
 * The CSV layouts of LinkedIn (old), Outlook (desktop and web) and Thunderbird, from fixtures in
 * the exact header layouts those apps write (fictional people), and the mapping model a preview
 * uses: detect, correct, remember.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvMapping, headerSignature } from '../../../../shared/domain/csv-mapping.ts';
import { detectFormat, importContactsFile } from '../detect.ts';
import { detectCsvLayout } from './layouts.ts';
import { parseCsvWithMapping } from './mapping.ts';
import { readCsv } from './read-csv.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const importFixture = (name: string) => importContactsFile(fixture(name), name);

describe('the older LinkedIn layout (no URL column)', () => {
  const result = importFixture('linkedin-connections-legacy.csv');

  it('is recognised and read with its connection dates', () => {
    expect(result.format).toBe('linkedin-csv');
    expect(result.csv?.layout).toBe('linkedin-legacy');
    expect(result.problems).toEqual([]);
    expect(result.cards.map((c) => [c.line, c.draft.displayName, c.connectedOn])).toEqual([
      [2, 'Aoife Brennan', '2019-02-14'],
      [3, 'Dmitri Varga', '2018-11-03'],
      [4, 'Priya Raman-Holt', '2017-06-29'],
    ]);
    expect(result.cards[1]!.draft).toMatchObject({
      organisation: 'Kestrel & Finch, LLP',
      role: 'Associate',
      emails: [],
    });
  });
});

describe('Outlook desktop CSV', () => {
  const result = importFixture('outlook.csv');

  it('is recognised, and its Windows-1252 text is read as such, with a charset line', () => {
    expect(detectFormat(fixture('outlook.csv'), 'contacts.csv')).toEqual({ format: 'outlook-csv' });
    expect(result.csv?.layout).toBe('outlook');
    expect(result.problems).toEqual([
      expect.objectContaining({
        line: 1,
        severity: 'warning',
        message: expect.stringMatching(/^charset: guessed windows-1252/),
      }),
    ]);
  });

  it('maps names, phones by kind, addresses, categories and the US birthday; drops Outlook’s defaults', () => {
    const zoe = result.cards[0]!.draft;
    expect(zoe).toMatchObject({
      displayName: 'Zoë Amélie Lefèvre-Okafor',
      givenName: 'Zoë',
      familyName: 'Lefèvre-Okafor',
      organisation: 'Brightwater Analytics',
      role: 'Lead Statistician',
      location: 'Bristol',
      birthday: { year: 1985, month: 4, day: 12 },
      notes: 'Met at the Bristol data meetup.\nPrefers mornings.',
      emails: [{ value: 'zoe.lefevre@example.co.uk' }, { value: 'zoe@example.org' }],
      phones: [
        { value: '+44 117 496 0199', label: 'work fax' },
        { value: '+44 117 496 0123', label: 'work' },
        { value: '+44 7700 900456', label: 'mobile' },
      ],
      addresses: [
        {
          label: 'work',
          street: '14 Quay Street\nSuite 3',
          locality: 'Bristol',
          postalCode: 'BS1 4DJ',
          country: 'United Kingdom',
        },
      ],
      social: [{ kind: 'website', url: 'https://brightwater.example.co.uk' }],
      tags: ['Clients', 'Conference 2024'],
    });
    // Middle name, title and department go where a vCard N and ORG keep them; Spouse is kept.
    expect(zoe.extensions).toEqual([
      { name: 'N', params: {}, value: ';;Amélie;Dr.;' },
      { name: 'ORG', params: {}, value: ';Research' },
      { name: 'X-CSV', params: { column: 'Spouse' }, value: 'Tobias' },
    ]);
    // A day over 12 is read day-first; 0/0/00 is Outlook's empty date; a company-only row is kept.
    expect(result.cards[1]!.draft).toMatchObject({ birthday: { year: 1990, month: 7, day: 23 }, extensions: [] });
    expect(result.cards[2]!.draft).toMatchObject({
      displayName: 'Nordlys Ferries AS',
      phones: [{ value: '+47 22 55 01 00', label: 'Company main' }],
    });
  });
});

describe('Outlook on the web CSV', () => {
  it('is told apart from the desktop layout and read the same way', () => {
    const result = importFixture('outlook-web.csv');
    expect([result.format, result.csv?.layout, result.problems]).toEqual(['outlook-csv', 'outlook-web', []]);
    expect(result.cards[0]!.draft).toMatchObject({
      displayName: 'Hana Kobayashi',
      nickname: 'Hana-chan',
      organisation: 'Sakura Works, K.K.',
      birthday: { year: 1988, month: 11, day: 3 },
      phones: [
        { value: '+81 3 5555 0188', label: 'work' },
        { value: '+81 90 5555 0123', label: 'mobile' },
      ],
      social: [
        { kind: 'website', url: 'https://hana.example.jp', label: 'home' },
        { kind: 'linkedin', url: 'https://www.linkedin.com/in/hana-kobayashi-design' },
      ],
      extensions: [{ name: 'X-CSV', params: { column: 'IMAddress' }, value: 'hana.k@im.example.jp' }],
    });
    expect(result.cards[1]!.draft.phones).toEqual([{ value: '+46 8 555 012 34', label: 'other' }]);
  });
});

describe('Thunderbird CSV', () => {
  it('reads the trailing-comma layout, the display name and the split birthday', () => {
    const result = importFixture('thunderbird.csv');
    expect([result.format, result.csv?.layout, result.problems]).toEqual(['thunderbird-csv', 'thunderbird', []]);
    expect(result.cards[0]!.draft).toMatchObject({
      displayName: 'Ingrid Solberg (Fjord Labs)',
      givenName: 'Ingrid',
      nickname: 'Inga',
      birthday: { year: 1984, month: 2, day: 29 },
      emails: [{ value: 'ingrid@fjordlabs.example.no' }, { value: 'ingrid.solberg@example.no' }],
      addresses: [
        { label: 'work', street: 'Bryggen 12\n3rd floor', locality: 'Bergen', postalCode: '5003', country: 'Norway' },
      ],
      extensions: [
        { name: 'ORG', params: {}, value: ';Engineering' },
        { name: 'X-CSV', params: { column: 'Custom 1' }, value: 'Board member\\, Oslo Tech Forum' },
      ],
    });
    expect(result.cards[1]!.draft).toMatchObject({ displayName: 'Lars Eide', birthday: { month: 12, day: 24 } });
  });
});

describe('the mapping model', () => {
  const rowsOf = (name: string) => readCsv(fixture(name), name).rows;

  it('detects a layout from its header row alone, with a column → field mapping', () => {
    const [header] = rowsOf('thunderbird.csv');
    const detected = detectCsvLayout(header!.cells);
    expect(detected.layout).toBe('thunderbird');
    expect(detected.mapping.columns.slice(0, 5)).toEqual([
      { index: 0, header: 'First Name', field: 'givenName' },
      { index: 1, header: 'Last Name', field: 'familyName' },
      { index: 2, header: 'Display Name', field: 'displayName' },
      { index: 3, header: 'Nickname', field: 'nickname' },
      { index: 4, header: 'Primary Email', field: 'email' },
    ]);
    expect(CsvMapping.parse(detected.mapping)).toEqual(detected.mapping);
  });

  it('guesses a mapping for an unknown header, to be corrected, and imports nothing without one', () => {
    const file = new TextEncoder().encode(
      'Full Name,E-mail,Cell,Employer,Met at\nRui Costa,rui@example.pt,+351 900 000 001,Onda,Web Summit\n',
    );
    const result = importContactsFile(file, 'people.csv');
    expect(result.format).toBe('unknown');
    expect(result.cards).toEqual([]);
    expect(result.csv?.mapping.columns.map((c) => c.field)).toEqual([
      'displayName',
      'email',
      'phone',
      'organisation',
      'keep',
    ]);

    // The user says "Met at" is how they met; the corrected mapping imports the file.
    const corrected = CsvMapping.parse(result.csv!.mapping);
    corrected.columns[4] = { ...corrected.columns[4]!, field: 'notes' };
    const again = importContactsFile(file, 'people.csv', { csvMapping: corrected });
    expect(again.format).toBe('csv');
    expect(again.cards.map((c) => c.draft)).toEqual([
      expect.objectContaining({
        displayName: 'Rui Costa',
        emails: [{ value: 'rui@example.pt' }],
        phones: [{ value: '+351 900 000 001' }],
        organisation: 'Onda',
        notes: 'Web Summit',
      }),
    ]);
  });

  it('reads rows through a corrected mapping of a known layout', () => {
    const [header, ...rows] = rowsOf('outlook-web.csv');
    const mapping = detectCsvLayout(header!.cells).mapping;
    const hobby = mapping.columns.find((c) => c.header === 'Hobby')!;
    hobby.field = 'tags';
    const people = parseCsvWithMapping(rows, mapping, 'outlook-web.csv').cards;
    expect(people[1]!.draft).toMatchObject({ tags: ['Sailing'], extensions: [] });
  });

  it('keys a header by a signature that ignores case, spacing and a trailing empty column', () => {
    const a = headerSignature(['First Name', 'Last Name', 'Primary Email', '']);
    expect(headerSignature([' first  name', 'LAST NAME', 'Primary Email'])).toBe(a);
    expect(headerSignature(['First Name', 'Last Name', 'Secondary Email'])).not.toBe(a);
    expect(a).toMatch(/^csv1-3-[0-9a-f]{8}$/);
    const [header] = rowsOf('thunderbird.csv');
    expect(detectCsvLayout(header!.cells).mapping.signature).toBe(headerSignature(header!.cells));
  });

  it('refuses a remembered mapping whose header is not in the file', () => {
    const mapping = detectCsvLayout(['First Name', 'Nope']).mapping;
    const result = importContactsFile(fixture('thunderbird.csv'), 'tb.csv', { csvMapping: mapping });
    expect(result.cards).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('no header row matches') }),
    ]);
  });
});
