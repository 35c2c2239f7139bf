import { describe, expect, it } from 'vitest';
import type { ContactDraft } from '../../../../shared/domain/contact.ts';
import { foldLine } from './fold.ts';
import { importLinkedInCsv } from '../csv/linkedin.ts';
import { serialiseVCard, toVCard } from './serialise.ts';
import { canonical, importText, only } from './test-helpers.ts';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const everything: ContactDraft = {
  displayName: 'Zoë “Zed” Ångström-Nakamura',
  givenName: 'Zoë',
  familyName: 'Ångström-Nakamura',
  nickname: 'Zed, Z',
  photo: { mediaType: 'image/png', data: PNG },
  emails: [
    { value: 'zoe@example.com', label: 'work', preferred: true },
    { value: 'zed@example.org', label: "Partner's inbox" },
    { value: 'z@example.net' },
  ],
  phones: [
    { value: '+81 3-1234-5678', label: 'mobile' },
    { value: '+44 20 7946 0000', label: 'home fax' },
  ],
  addresses: [
    {
      label: 'home',
      street: '1 Chōme; Flat 2\nBack door',
      locality: 'Tōkyō',
      postalCode: '100-0001',
      country: 'Japan',
    },
  ],
  organisation: 'Kumo, Inc.',
  role: 'CTO; co-founder',
  location: 'Tokyo',
  howWeMet: 'Rust meetup',
  lookingFor: 'Hiring, mostly',
  canHelpWith: 'Intros to investors',
  tier: 'close',
  archived: true,
  social: [
    { kind: 'linkedin', url: 'https://www.linkedin.com/in/zoe' },
    { kind: 'website', url: 'https://zoe.example.com/a,b;c', label: 'Blog' },
    { kind: 'x', url: 'https://zed.example.com/not-twitter' },
    { kind: 'other', url: 'xmpp:zoe@example.org', label: 'Jabber' },
    { kind: 'mastodon', url: '@zoe@example.social' },
  ],
  tags: ['Friends', 'Work, past', 'back\\slash'],
  birthday: { month: 2, day: 29 },
  notes: 'Line one\nLine two, with \\ backslash; and semicolon. '.repeat(20).trim(),
  extensions: [
    {
      group: 'item1',
      name: 'X-ABDATE',
      params: { type: ['a', 'b'], 'x-note': 'has "quotes", commas' },
      value: '2010-01-01',
    },
  ],
};

describe('toVCard', () => {
  it('writes vCard 3.0 by default with CRLF line endings', () => {
    const text = toVCard([{ displayName: 'A' }]);
    expect(text.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it.each(['3.0', '4.0'] as const)('gives back exactly the same person after a %s round trip', (version) => {
    const text = toVCard([everything], version);
    const back = only(importText(text));
    expect(canonical(back)).toEqual(canonical(everything));
  });

  it('writes standard labels as TYPE and custom labels as itemN + X-ABLabel, avoiding kept groups', () => {
    const text = toVCard([everything]);
    expect(text).toContain('EMAIL;TYPE=work,pref:zoe@example.com');
    expect(text).toContain('TEL;TYPE=cell:+81 3-1234-5678');
    expect(text).toContain("item2.EMAIL:zed@example.org\r\nitem2.X-ABLabel:Partner's inbox");
    expect(text).toContain('item1.X-ABDATE');
  });

  it('writes photos inline: ENCODING=b in 3.0, a data: URI in 4.0', () => {
    const unfold = (s: string) => s.replace(/\r\n /g, '');
    expect(unfold(toVCard([everything], '3.0'))).toContain(`PHOTO;ENCODING=b;TYPE=PNG:${PNG}`);
    expect(unfold(toVCard([everything], '4.0'))).toContain(`PHOTO:data:image/png;base64,${PNG}`);
  });

  it('writes birthdays with and without a year in a form that reads back', () => {
    const bday = (b: ContactDraft['birthday'], v: '3.0' | '4.0') =>
      /BDAY[^\r]*/.exec(toVCard([{ displayName: 'B', birthday: b }], v))?.[0];
    expect(bday({ year: 1985, month: 4, day: 12 }, '3.0')).toBe('BDAY:1985-04-12');
    expect(bday({ month: 4, day: 12 }, '3.0')).toBe('BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12');
    expect(bday({ month: 4, day: 12 }, '4.0')).toBe('BDAY:--0412');
    for (const v of ['3.0', '4.0'] as const)
      expect(only(importText(toVCard([{ displayName: 'B', birthday: { month: 2, day: 29 } }], v))).birthday).toEqual({
        month: 2,
        day: 29,
      });
  });

  it('escapes backslash, comma, semicolon and newline in text', () => {
    const text = toVCard([{ displayName: 'a\\b,c;d\ne' }]);
    expect(text).toContain('FN:a\\\\b\\,c\\;d\\ne\r\n');
  });

  it('keeps several people apart', () => {
    const text = toVCard([{ displayName: 'One' }, { displayName: 'Two' }], '4.0');
    expect(importText(text).cards.map((c) => c.draft.displayName)).toEqual(['One', 'Two']);
  });
});

describe('folding', () => {
  const octets = (s: string) => new TextEncoder().encode(s).length;

  it('keeps every physical line within 75 octets and never splits a UTF-8 sequence', () => {
    const text = toVCard([
      { displayName: '🙂é中'.repeat(40), notes: 'ü'.repeat(200) + 'x'.repeat(3) + '𝄞'.repeat(50) },
    ]);
    const lines = text.split('\r\n');
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // Each physical line must decode on its own: no sequence was cut at a fold.
      expect(() => strict.decode(new TextEncoder().encode(line))).not.toThrow();
    }
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(5);
    expect(only(importText(text)).displayName).toBe('🙂é中'.repeat(40));
  });

  it('uses the full 75 octets on the first line and 74 after the leading space', () => {
    const folded = foldLine(`NOTE:${'a'.repeat(200)}`).split('\r\n');
    // 205 octets: 75 on the first line, then 1 space + 74, then 1 space + the remaining 56.
    expect(folded.map(octets)).toEqual([75, 75, 57]);
  });

  it('leaves short lines alone', () => {
    expect(foldLine('FN:Short')).toBe('FN:Short');
  });
});

describe('export hygiene', () => {
  const kept = (extensions: ContactDraft['extensions']): ContactDraft => ({ displayName: 'K', extensions });
  const lines = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

  it('renames kept extensions whose names are not valid, and reports it', () => {
    const { text, report } = serialiseVCard(
      [
        kept([
          { name: 'X-MESSAGING/GADU-ALL', params: {}, value: '123456' },
          { name: '\\X-BROKEN', params: {}, value: 'x' },
          { group: 'item 1', name: 'X-ABDATE', params: { 'x-bad param': 'v' }, value: '2010-01-01' },
        ]),
      ],
      '3.0',
    );
    expect(lines(text)).toEqual(
      expect.arrayContaining(['X-MESSAGING-GADU-ALL:123456', 'X-BROKEN:x', 'item-1.X-ABDATE;X-BAD-PARAM=v:2010-01-01']),
    );
    expect(report).toEqual([
      expect.objectContaining({
        index: 0,
        property: 'X-MESSAGING/GADU-ALL',
        outcome: 'renamed',
        writtenAs: 'X-MESSAGING-GADU-ALL',
      }),
      expect.objectContaining({ property: '\\X-BROKEN', outcome: 'renamed', writtenAs: 'X-BROKEN' }),
      expect.objectContaining({ property: 'X-ABDATE', outcome: 'converted' }),
    ]);
  });

  it('never copies a broken line: END, BEGIN and invalid base64 are left out with a note', () => {
    const { text, report } = serialiseVCard([
      {
        ...kept([
          { name: 'END', params: {}, value: 'VCARD.' },
          { name: 'KEY', params: { encoding: 'b', type: 'PGP' }, value: 'mQINBF$$$' },
          { name: 'KEY', params: { encoding: 'b', type: 'PGP' }, value: 'mQINBFc=' },
        ]),
        photo: { mediaType: 'image/jpeg', data: '/9j/4AAQ*' },
      },
    ]);
    expect(text.match(/^END:/gm)).toEqual(['END:']);
    expect(text).not.toContain('$$$');
    expect(text).not.toContain('PHOTO');
    expect(lines(text)).toContain('KEY;ENCODING=b;TYPE=PGP:mQINBFc=');
    expect(report.map((n) => [n.property, n.outcome])).toEqual([
      ['PHOTO', 'left out'],
      ['END', 'left out'],
      ['KEY', 'left out'],
    ]);
  });

  it('writes 3.0-only properties as X- in 4.0, binary values as data: URIs, and one BDAY', () => {
    const { text, report } = serialiseVCard(
      [
        {
          ...kept([
            { name: 'LABEL', params: { type: 'work' }, value: '1 Main St\\nSpringfield' },
            { name: 'LOGO', params: { encoding: 'b', type: 'PNG' }, value: 'iVBORw0KGgo=' },
            { name: 'BDAY', params: {}, value: 'circa 1800' },
            { name: 'GENDER', params: {}, value: 'F' },
          ]),
          birthday: { year: 1990, month: 1, day: 2 },
        },
      ],
      '4.0',
    );
    expect(lines(text)).toEqual(
      expect.arrayContaining([
        'X-LABEL;TYPE=work:1 Main St\\nSpringfield',
        'LOGO:data:image/png;base64,iVBORw0KGgo=',
        'X-BDAY:circa 1800',
        'GENDER:F',
      ]),
    );
    expect(report.map((n) => [n.property, n.outcome, n.writtenAs])).toEqual([
      ['LABEL', 'renamed', 'X-LABEL'],
      ['LOGO', 'converted', undefined],
      ['BDAY', 'renamed', 'X-BDAY'],
    ]);
    // The same person in 3.0 needs no change: LABEL, ENCODING=b and a second BDAY are all 3.0.
    expect(serialiseVCard([kept([{ name: 'LABEL', params: {}, value: 'x' }])], '3.0').report).toEqual([]);
  });
});

describe('lossless round trips', () => {
  it('carries the LinkedIn connection date as X-RAPPORT-CONNECTED-ON and gives it back', () => {
    const linkedin = importLinkedInCsv(
      new TextEncoder().encode(
        'First Name,Last Name,Email Address,Company,Position,Connected On\r\nAla,Nowak,ala@example.pl,Tartak,Owner,12 Mar 2024\r\n',
      ),
      'Connections.csv',
    ).cards[0]!;
    for (const version of ['3.0', '4.0'] as const) {
      const text = toVCard([linkedin.draft], version);
      expect(text).toContain('X-RAPPORT-CONNECTED-ON:2024-03-12\r\n');
      const back = importText(text).cards[0]!;
      expect(back.connectedOn).toBe('2024-03-12');
      expect(canonical(back.draft)).toEqual(canonical(linkedin.draft));
    }
  });

  it('reads empty labels and empty given names as none, so the round trip is identical', () => {
    const result = importText(
      [
        'BEGIN:VCARD',
        'VERSION:3.0',
        'FN:Doe',
        'N:Doe; ;;;',
        'item1.EMAIL:doe@example.com',
        'item1.X-ABLabel:',
        'item2.TEL:+1 555 0100',
        'item2.X-ABLabel: ',
        'X-SOCIALPROFILE;TYPE=facebook:https://facebook.com/doe',
        'END:VCARD',
      ].join('\r\n'),
    );
    const draft = only(result);
    expect(draft).not.toHaveProperty('givenName');
    expect(draft.emails).toEqual([{ value: 'doe@example.com' }]);
    expect(draft.phones).toEqual([{ value: '+1 555 0100' }]);
    for (const version of ['3.0', '4.0'] as const)
      expect(canonical(only(importText(toVCard([draft], version))))).toEqual(canonical(draft));
    // A draft typed with empty text (a cleared form field) exports as if it had none.
    const typed = { displayName: 'T', givenName: '', emails: [{ value: 't@example.com', label: '' }] };
    expect(only(importText(toVCard([typed])))).toEqual({
      ...only(importText(toVCard([{ displayName: 'T', emails: [{ value: 't@example.com' }] }]))),
    });
  });
});
