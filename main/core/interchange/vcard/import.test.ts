import { describe, expect, it } from 'vitest';
import { importVCard } from './import.ts';
import { importText, only, vcf } from './test-helpers.ts';

const card = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Ada Lovelace',
  'N:Lovelace;Ada;;;',
  'EMAIL;TYPE=INTERNET,HOME:ada@example.com',
  'END:VCARD',
];

describe('line endings', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
    ['CR CR LF (old iOS)', '\r\r\n'],
  ])('reads %s files the same, with the same line numbers', (_, eol) => {
    const two = [...card, ...card.map((l) => l.replace('Ada Lovelace', 'Grace Hopper'))];
    const result = importVCard(vcf(two, eol), 'eol.vcf');
    expect(result.problems).toEqual([]);
    expect(result.cards.map((c) => [c.line, c.draft.displayName])).toEqual([
      [1, 'Ada Lovelace'],
      [7, 'Grace Hopper'],
    ]);
    expect(result.cards[0]!.draft.emails).toEqual([{ value: 'ada@example.com', label: 'home' }]);
  });

  it('keeps a lone CR inside a CRLF file as a line break in the value', () => {
    const text = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\r\nX-CUSTOM:one\rtwo\r\nEND:VCARD\r\n';
    expect(only(importText(text)).extensions).toEqual([{ name: 'X-CUSTOM', params: {}, value: 'one\\ntwo' }]);
  });
});

describe('text decoding', () => {
  it('falls back to windows-1252 when the bytes are not UTF-8', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ren'),
      0xe9,
      ...new TextEncoder().encode(' M\r\nNOTE:'),
      0x93,
      0x68,
      0x69,
      0x94,
      ...new TextEncoder().encode('\r\nEND:VCARD\r\n'),
    ]);
    const draft = only(importVCard(bytes, 'latin.vcf'));
    expect(draft.displayName).toBe('René M');
    expect(draft.notes).toBe('“hi”');
  });

  it('honours a CHARSET parameter and strips a UTF-8 BOM', () => {
    const sjis = [0x83, 0x65, 0x83, 0x58, 0x83, 0x67]; // テスト in Shift_JIS
    const head = new TextEncoder().encode('\ufeffBEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=SHIFT_JIS:');
    const bytes = new Uint8Array([...head, ...sjis, ...new TextEncoder().encode('\r\nEND:VCARD\r\n')]);
    expect(only(importVCard(bytes, 'sjis.vcf')).displayName).toBe('テスト');
  });

  it('decodes quoted-printable, joining soft line breaks and multi-byte characters split across them', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCr=',
      'gen M=C3=',
      '=BCller',
      'NOTE;ENCODING=QUOTED-PRINTABLE:line one=0D=0A=',
      'line two',
      'END:VCARD',
    ].join('\r\n');
    const draft = only(importText(text));
    expect(draft.displayName).toBe('Jürgen Müller');
    expect(draft.notes).toBe('line one\nline two');
  });

  it('unescapes \\; \\: \\, \\n and \\\\ in text', () => {
    const draft = only(
      importText('BEGIN:VCARD\nVERSION:3.0\nFN:A\\, B\\; C\\: D\nNOTE:one\\ntwo\\\\three\nEND:VCARD\n'),
    );
    expect(draft.displayName).toBe('A, B; C: D');
    expect(draft.notes).toBe('one\ntwo\\three');
  });
});

describe('vCard 2.1', () => {
  it('turns bare parameters into TYPE values', () => {
    const draft = only(
      importText(
        'BEGIN:VCARD\r\nVERSION:2.1\r\nN:Doe;John\r\nTEL;CELL;PREF:+1 555 0100\r\nTEL;WORK;FAX:+1 555 0199\r\nEMAIL;INTERNET:j@example.com\r\nEND:VCARD\r\n',
      ),
    );
    expect(draft.displayName).toBe('John Doe');
    expect(draft.phones).toEqual([
      { value: '+1 555 0100', label: 'mobile', preferred: true },
      { value: '+1 555 0199', label: 'work fax' },
    ]);
    expect(draft.emails).toEqual([{ value: 'j@example.com' }]);
  });

  it('reads a folded base64 photo ended by a blank line', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:Pic',
      'PHOTO;ENCODING=BASE64;JPEG:',
      '  /9j/4AAQSkZJRgABAQEA',
      '  YABgAAAA/9k=',
      '',
      'TEL:1',
      'END:VCARD',
    ].join('\r\n');
    const draft = only(importText(text));
    expect(draft.photo).toEqual({ mediaType: 'image/jpeg', data: '/9j/4AAQSkZJRgABAQEAYABgAAAA/9k=' });
    expect(draft.phones).toEqual([{ value: '1' }]);
  });
});

describe('Apple itemN groups', () => {
  it('keeps every itemN.URL with its X-ABLabel, and custom phone labels', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Lin',
      'item1.URL:https://lin.example.com/blog',
      'item1.X-ABLabel:Blog',
      'item2.TEL:+44 20 7946 0000',
      'item2.X-ABLabel:_$!<Mobile>!$_',
      'item3.URL;type=pref:https://github.com/lin',
      'item3.X-ABLabel:_$!<HomePage>!$_',
      'item4.X-ABDATE:2010-05-01',
      'item4.X-ABLabel:_$!<Anniversary>!$_',
      'END:VCARD',
    ].join('\r\n');
    const draft = only(importText(text));
    expect(draft.social).toEqual([
      { kind: 'website', url: 'https://lin.example.com/blog', label: 'Blog' },
      { kind: 'github', url: 'https://github.com/lin', label: 'HomePage' },
    ]);
    expect(draft.phones).toEqual([{ value: '+44 20 7946 0000', label: 'Mobile' }]);
    // A label whose property Rapport does not model stays with it.
    expect(draft.extensions).toEqual([
      { group: 'item4', name: 'X-ABDATE', params: {}, value: '2010-05-01' },
      { group: 'item4', name: 'X-ABLABEL', params: {}, value: '_$!<Anniversary>!$_' },
    ]);
  });
});

describe('mapping', () => {
  it.each([
    ['1985-04-12', { year: 1985, month: 4, day: 12 }],
    ['19850412', { year: 1985, month: 4, day: 12 }],
    ['1985-04-12T10:00:00Z', { year: 1985, month: 4, day: 12 }],
    ['--0412', { month: 4, day: 12 }],
    ['--04-12', { month: 4, day: 12 }],
    ['1604-04-12', { month: 4, day: 12 }],
  ])('reads BDAY %s', (value, birthday) => {
    expect(only(importText(`BEGIN:VCARD\nVERSION:4.0\nFN:B\nBDAY:${value}\nEND:VCARD\n`)).birthday).toEqual(birthday);
  });

  it('reads an Apple year-less birthday', () => {
    const draft = only(
      importText('BEGIN:VCARD\nVERSION:3.0\nFN:B\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-02-29\nEND:VCARD\n'),
    );
    expect(draft.birthday).toEqual({ month: 2, day: 29 });
  });

  it('detects social networks and keeps remote photos as extensions without fetching', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:S',
      'URL:https://www.linkedin.com/in/someone',
      'URL:https://twitter.com/someone',
      'URL:https://fosstodon.org/@someone',
      'X-SOCIALPROFILE;TYPE=mastodon:@someone@example.social',
      'X-SOCIALPROFILE;TYPE=facebook:https://facebook.com/someone',
      'IMPP;X-SERVICE-TYPE=Jabber:xmpp:someone@example.org',
      'PHOTO;VALUE=uri:https://example.com/me.jpg',
      'END:VCARD',
    ].join('\n');
    const draft = only(importText(text));
    expect(draft.social).toEqual([
      { kind: 'linkedin', url: 'https://www.linkedin.com/in/someone' },
      { kind: 'x', url: 'https://twitter.com/someone' },
      { kind: 'mastodon', url: 'https://fosstodon.org/@someone' },
      { kind: 'mastodon', url: '@someone@example.social' },
      { kind: 'other', url: 'https://facebook.com/someone', label: 'facebook' },
      { kind: 'other', url: 'xmpp:someone@example.org', label: 'Jabber' },
    ]);
    expect(draft.photo).toBeUndefined();
    expect(draft.extensions).toEqual([
      { name: 'PHOTO', params: { value: 'uri' }, value: 'https://example.com/me.jpg' },
    ]);
  });

  it('keeps N and ORG parts Rapport does not model, and UID, but drops VERSION, PRODID and REV', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'PRODID:-//X//Y//EN',
      'REV:2020-01-01T00:00:00Z',
      'UID:abc-123',
      'N:Doe;John;Q.;Dr.;Jr.',
      'ORG:Acme\\, Inc.;Research;Lab 2',
      'TITLE:Chemist',
      'CATEGORIES:Friends,Work\\, old',
      'END:VCARD',
    ].join('\n');
    const result = importText(text);
    const draft = only(result);
    expect(result.cards[0]!.uid).toBe('abc-123');
    expect(draft).toMatchObject({
      displayName: 'John Doe',
      givenName: 'John',
      familyName: 'Doe',
      organisation: 'Acme, Inc.',
      role: 'Chemist',
      tags: ['Friends', 'Work, old'],
    });
    expect(draft.extensions).toEqual([
      { name: 'N', params: {}, value: ';;Q.;Dr.;Jr.' },
      { name: 'ORG', params: {}, value: ';Research;Lab 2' },
      { name: 'UID', params: {}, value: 'abc-123' },
    ]);
  });

  it('falls back from FN to N, then ORG, then e-mail for the display name', () => {
    const name = (lines: string) => only(importText(`BEGIN:VCARD\nVERSION:3.0\n${lines}\nEND:VCARD\n`)).displayName;
    expect(name('N:Curie;Marie;;;')).toBe('Marie Curie');
    expect(name('ORG:Radium Institute')).toBe('Radium Institute');
    expect(name('EMAIL:marie@example.com')).toBe('marie@example.com');
  });
});

describe('problems', () => {
  it('imports the cards around a malformed one and names the file and line', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:First',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'this line is junk',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Third',
      'TEL;TYPE="unclosed:1',
      'END:VCARD',
    ].join('\r\n');
    const result = importText(text, 'mixed.vcf');
    expect(result.cards.map((c) => [c.line, c.draft.displayName])).toEqual([
      [1, 'First'],
      [9, 'Third'],
    ]);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        file: 'mixed.vcf',
        line: 7,
        severity: 'warning',
        message: expect.stringContaining('Line 7'),
      }),
    );
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        file: 'mixed.vcf',
        line: 5,
        severity: 'error',
        message: 'Card at line 5 is empty; not imported',
      }),
    );
  });

  it('leaves out an invalid value with a warning naming the field, keeping the person', () => {
    const long = 'x'.repeat(501);
    const result = importText(
      `BEGIN:VCARD\nVERSION:3.0\nFN:Val\nEMAIL:ok@example.com\nEMAIL:${long}@example.com\nEND:VCARD\n`,
      'v.vcf',
    );
    expect(only(result).emails).toEqual([{ value: 'ok@example.com' }]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'v.vcf',
        line: 1,
        severity: 'warning',
        message: expect.stringMatching(/^Card at line 1: E-mail 2: .* — left out$/),
      }),
    ]);
  });

  it('keeps an e-mail address the person form would refuse, with a warning naming the line and field', () => {
    const result = importText(
      `BEGIN:VCARD\nVERSION:3.0\nFN:Val\nEMAIL:ok@example.com\nEMAIL:bob@example\nEND:VCARD\n`,
      'v.vcf',
    );
    expect(only(result).emails).toEqual([{ value: 'ok@example.com' }, { value: 'bob@example' }]);
    expect(result.problems).toEqual([
      {
        file: 'v.vcf',
        line: 1,
        severity: 'warning',
        message:
          "Card at line 1: E-mail 2: “bob@example” is not an email address — kept as written, correct it on the person's page",
      },
    ]);
  });

  it('reports a file with no cards instead of throwing', () => {
    const result = importText('hello, world\n', 'notes.txt');
    expect(result.cards).toEqual([]);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('No BEGIN:VCARD') }),
    );
  });
});
