import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, importContactsFile } from '../detect.ts';
import { importGoogleCsv } from './google.ts';
import { importLinkedInCsv, parseConnectedOn } from './linkedin.ts';
import { readCsv } from './read-csv.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('LinkedIn Connections.csv', () => {
  const result = importLinkedInCsv(fixture('linkedin-connections.csv'), 'Connections.csv');

  it('skips the notes before the header and reads every connection with its line', () => {
    expect(result.problems).toEqual([]);
    // Teodor's position holds a quoted line break, so Ayasha starts two lines later.
    expect(result.cards.map((c) => [c.line, c.draft.displayName, c.connectedOn])).toEqual([
      [5, 'Marisol Okonkwo-Reyes', '2024-03-12'],
      [6, 'Teodor Lindqvist', '2023-01-03'],
      [8, 'Ayasha Whitfeather', '2019-11-07'],
      [9, 'Barnaby Quist', '2025-02-28'],
    ]);
  });

  it('maps company, position, profile URL and e-mail, leaving an empty e-mail out', () => {
    expect(result.cards[0]!.draft).toEqual({
      displayName: 'Marisol Okonkwo-Reyes',
      givenName: 'Marisol',
      familyName: 'Okonkwo-Reyes',
      emails: [{ value: 'marisol.or@example.com' }],
      social: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/marisol-okonkwo-reyes-4b1a2c' }],
      organisation: 'Fernhill Analytics, Ltd.',
      role: 'Head of Data',
      phones: [],
      addresses: [],
      tags: [],
      // Kept with the person so a vCard export carries the date (docs/vcard.md).
      extensions: [{ name: 'X-RAPPORT-CONNECTED-ON', params: {}, value: '2024-03-12' }],
    });
    expect(result.cards[1]!.draft).toMatchObject({ emails: [], role: 'Operations Lead\nNordic Region' });
    expect(result.cards[2]!.draft.organisation).toBe('Quill & Lantern "Studio"');
  });

  it('warns about a date it cannot read but keeps the person', () => {
    const text =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAl,Bo,https://www.linkedin.com/in/albo,,,,yesterday\r\n';
    const r = importLinkedInCsv(bytes(text), 'c.csv');
    expect(r.cards).toHaveLength(1);
    expect(r.cards[0]!.connectedOn).toBeUndefined();
    expect(r.problems).toEqual([expect.objectContaining({ file: 'c.csv', line: 2, severity: 'warning' })]);
  });
  it('flags an e-mail address without a dot in its domain, as the person form does, and keeps it', () => {
    const text =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nAl,Bo,,al@example.org,,,\r\nBob,Cy,,bob@example,,,\r\n';
    const r = importLinkedInCsv(bytes(text), 'c.csv');
    expect(r.cards.map((c) => c.draft.emails)).toEqual([[{ value: 'al@example.org' }], [{ value: 'bob@example' }]]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        file: 'c.csv',
        line: 3,
        severity: 'warning',
        message: expect.stringContaining('E-mail 1: “bob@example” is not an email address'),
      }),
    ]);
  });
});

describe('Google Contacts CSV', () => {
  it('reads the current export: labels, multi-values, tags, name parts and line numbers', () => {
    const result = importGoogleCsv(fixture('google-contacts.csv'), 'contacts.csv');
    expect(result.problems).toEqual([]);
    // Perpetua's notes and formatted address hold three quoted line breaks.
    expect(result.cards.map((c) => [c.line, c.draft.displayName])).toEqual([
      [2, 'Perpetua Jane Hollowell'],
      [6, 'Kwabena Asante-Lund'],
      [7, 'Gull & Gannet Ferries'],
      [8, 'Odalys Vance'],
    ]);
    const perpetua = result.cards[0]!.draft;
    expect(perpetua).toMatchObject({
      givenName: 'Perpetua',
      familyName: 'Hollowell',
      nickname: 'Pet',
      organisation: 'Saltmarsh Research, Inc.',
      role: 'Principal Scientist',
      birthday: { year: 1979, month: 8, day: 23 },
      notes: 'Met at the estuary symposium.\nPrefers e-mail, not calls.',
      tags: ['Colleagues', 'Birders'],
      emails: [
        { value: 'p.hollowell@example.com', label: 'work', preferred: true },
        { value: 'perpetua@example.net', label: 'home' },
        { value: 'pet.h@example.org', label: 'home' },
      ],
      phones: [{ value: '+44 7700 900123', label: 'mobile' }],
      addresses: [
        { label: 'work', street: '12 Dune Row', locality: 'Saltburn', postalCode: 'TS12 1AA', country: 'UK' },
      ],
      social: [
        { kind: 'github', url: 'https://github.com/phollowell', label: 'Profile' },
        { kind: 'website', url: 'https://saltmarsh.example.com/blog', label: 'Blog' },
      ],
    });
    expect(perpetua.extensions).toEqual([
      { name: 'N', params: {}, value: ';;Jane;Dr.;' },
      { name: 'ORG', params: {}, value: ';Coastal Ecology' },
      { name: 'X-GOOGLE-CSV', params: { column: 'Relation 1 - Label' }, value: 'Spouse' },
      { name: 'X-GOOGLE-CSV', params: { column: 'Relation 1 - Value' }, value: 'Ambrose Hollowell' },
    ]);
    expect(result.cards[1]!.draft.birthday).toEqual({ month: 2, day: 29 });
    expect(result.cards[3]!.draft.emails).toEqual([]);
  });

  it('reads the older Given Name / Group Membership / E-mail 1 - Type variant', () => {
    const result = importGoogleCsv(fixture('google-contacts-legacy.csv'), 'google.csv');
    expect(result.problems).toEqual([]);
    expect(result.cards[0]!.draft).toMatchObject({
      displayName: 'Rosalind Achterberg',
      organisation: 'Velo Works',
      role: 'Mechanic',
      notes: 'Cycling club, "Tuesday" group',
      tags: ['Cycling'],
      emails: [{ value: 'ros@example.com', label: 'home', preferred: true }],
      phones: [
        { value: '06 12345678', label: 'mobile' },
        { value: '020 7946 0000', label: 'mobile' },
      ],
      social: [{ kind: 'mastodon', url: 'https://mastodon.example/@rosa', label: 'Home Page' }],
    });
    expect(result.cards[1]!.draft.tags).toEqual(['starred']);
  });
});

describe('detectFormat', () => {
  it('recognises each supported format by content', () => {
    expect(detectFormat(fixture('linkedin-connections.csv'), 'Connections.csv')).toEqual({ format: 'linkedin-csv' });
    expect(detectFormat(fixture('google-contacts.csv'), 'contacts.csv')).toEqual({ format: 'google-csv' });
    expect(detectFormat(fixture('google-contacts-legacy.csv'), 'google.csv')).toEqual({ format: 'google-csv' });
    expect(detectFormat(bytes('\ufeffBEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n'), 'a.txt')).toEqual({
      format: 'vcard',
    });
  });

  it('explains what is wrong with an unknown file', () => {
    expect(detectFormat(bytes('Name,Phone\nA,1\n'), 'export.csv')).toEqual({
      format: 'unknown',
      error: expect.stringContaining('not a LinkedIn, Google Contacts, Outlook or Thunderbird export'),
    });
    expect(detectFormat(bytes('hello'), 'card.vcf')).toEqual({
      format: 'unknown',
      error: expect.stringContaining('no BEGIN:VCARD'),
    });
    const result = importContactsFile(bytes('%PDF-1.7'), 'scan.pdf');
    expect(result).toMatchObject({
      format: 'unknown',
      cards: [],
      problems: [{ file: 'scan.pdf', line: 1, severity: 'error' }],
    });
  });
});

describe('parseConnectedOn', () => {
  it.each([
    ['12 Mar 2024', '2024-03-12'],
    ['3 jan 2019', '2019-01-03'],
    ['12-Mar-24', '2024-03-12'],
    ['2024-03-12', '2024-03-12'],
    ['29 Feb 2024', '2024-02-29'],
    ['29 Feb 2023', undefined],
    ['31 Apr 2024', undefined],
    ['12 Foo 2024', undefined],
    ['yesterday', undefined],
    ['', undefined],
  ])('reads %j as %j', (text, expected) => {
    expect(parseConnectedOn(text)).toBe(expected);
  });
});

describe('readCsv', () => {
  it('leaves out a line whose quote is never closed, says which lines ran together, and reads the lines after it', () => {
    const text = [
      'Name,Organisation',
      'Ada Lovelace,Engines',
      'Kofi Mensah,"Unclosed quote org',
      'Megan Hughes,Fieldwork',
      'Lars Berg,Nordlys',
      '',
    ].join('\n');
    const { rows, problems } = readCsv(bytes(text), 'people.csv');
    expect(rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [1, 'Name'],
      [2, 'Ada Lovelace'],
      [4, 'Megan Hughes'],
      [5, 'Lars Berg'],
    ]);
    expect(problems).toEqual([
      {
        file: 'people.csv',
        line: 3,
        severity: 'error',
        message:
          'A quote (") opens here and is never closed, so lines 3–5 ran together: this line was left out, and the lines after it were read on their own.',
      },
    ]);
  });

  it('leaves out a line whose quote the next line closed, in a file that quotes every field', () => {
    const text = [
      '"Name","Organisation"',
      '"Ada Lovelace","Engines"',
      '"Kofi Mensah","Unclosed quote org',
      '"Megan Hughes","Fieldwork"',
      '"Lars Berg","Nordlys"',
      '',
    ].join('\n');
    const { rows, problems } = readCsv(bytes(text), 'people.csv');
    // Before, Megan was read into Kofi's organisation ("Unclosed quote org\n\"Megan Hughes"), with a warning.
    expect(rows.map((r) => [r.line, ...r.cells])).toEqual([
      [1, 'Name', 'Organisation'],
      [2, 'Ada Lovelace', 'Engines'],
      [4, 'Megan Hughes', 'Fieldwork'],
      [5, 'Lars Berg', 'Nordlys'],
    ]);
    expect(problems).toEqual([
      {
        file: 'people.csv',
        line: 3,
        severity: 'error',
        message:
          'A quote (") opens here and is never closed, so lines 3–4 ran together: this line was left out, and the lines after it were read on their own.',
      },
    ]);
  });

  it('reads a quoted note over several lines, in a file that quotes every field, without a word', () => {
    const { rows, problems } = readCsv(bytes('"Name","Notes"\n"Ada","met at\nthe talk"\n"Ben","x"\n'), 'people.csv');
    expect(rows.map((r) => [r.line, ...r.cells])).toEqual([
      [1, 'Name', 'Notes'],
      [2, 'Ada', 'met at\nthe talk'],
      [4, 'Ben', 'x'],
    ]);
    expect(problems).toEqual([]);
  });

  it('keeps a quoted note whose second line starts with a quote, in a file that quotes every field', () => {
    const text = ['"Name","Notes"', '"Ada","Met at the talk.', '"Great speaker" she said"', '"Ben","x"', ''].join('\n');
    const { rows, problems } = readCsv(bytes(text), 'people.csv');
    expect(rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [1, 'Name'],
      [2, 'Ada'],
      [4, 'Ben'],
    ]);
    expect(rows[1]!.cells[1]).toMatch(/^Met at the talk\.\n"Great speaker/);
    expect(problems.map((p) => [p.line, p.severity])).toEqual([[2, 'warning']]);
  });

  it('says in its own words when it could not tell the columns apart', () => {
    const { rows, problems } = readCsv(bytes('Name\nAda Lovelace\nKofi Mensah\n'), 'people.csv');
    expect(rows).toHaveLength(3);
    expect(problems).toEqual([
      {
        file: 'people.csv',
        line: 1,
        severity: 'warning',
        message:
          'Could not tell which character separates the columns, so each line was read as one column. If the file has several, save it again as CSV with commas between them.',
      },
    ]);
  });

  it('keeps a quoted field over several lines as one cell, on the line it starts', () => {
    const { rows, problems } = readCsv(bytes('Name,Notes\nAda,"met at\nthe talk"\nBen,x'), 'people.csv');
    expect(rows.map((r) => [r.line, r.cells[1]])).toEqual([
      [1, 'Notes'],
      [2, 'met at\nthe talk'],
      [4, 'x'],
    ]);
    expect(problems).toEqual([]);
  });

  it('reads a last line whose quote is never closed as it stands, as nothing was swallowed', () => {
    const { rows, problems } = readCsv(bytes('Name,Organisation\nAda,Engines\nCy,"Unclosed\n'), 'people.csv');
    expect(rows.map((r) => [r.line, ...r.cells])).toEqual([
      [1, 'Name', 'Organisation'],
      [2, 'Ada', 'Engines'],
      [3, 'Cy', 'Unclosed\n'],
    ]);
    expect(problems).toMatchObject([{ line: 3, severity: 'warning', message: /read as it stands/ }]);
  });

  it('stops reading after 20 lines with a quote that never closes, rather than reading the rest again for each', () => {
    const text = ['Name,Organisation', ...Array.from({ length: 30 }, (_, i) => `P${i},"Org ${i}`), 'Last,One'].join(
      '\n',
    );
    const { rows, problems } = readCsv(bytes(text), 'people.csv');
    expect(problems.filter((p) => p.severity === 'error')).toHaveLength(21);
    expect(problems.at(-1)).toMatchObject({ line: 22, message: /^More than 20 lines .* reading stopped here\.$/ });
    expect(rows.map((r) => r.line)).toEqual([1]);
  });

  it('stops at a header whose quote is never closed', () => {
    const { rows, problems } = readCsv(bytes('Name,"Organisation\nAda,Engines'), 'people.csv');
    expect(rows).toEqual([]);
    expect(problems[0]).toMatchObject({
      line: 1,
      severity: 'error',
      message: expect.stringMatching(/^The first line opens a quote/),
    });
  });
});
