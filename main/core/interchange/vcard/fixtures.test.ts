/**
 * The classes of real-world files issue 17 found broken, each as a fixture written the way its
 * exporter writes it (fixtures/, fictional people).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBinaryString, unicodeForm } from '../decode.ts';
import { importVCard } from './import.ts';
import { importText, only } from './test-helpers.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const read = (name: string) => importVCard(fixture(name), name);
const messages = (name: string) => read(name).problems.map((p) => [p.line, p.message]);

describe('undeclared legacy charsets', () => {
  const result = read('windows-1251-no-charset.vcf');

  it('guesses Windows-1251 for a card that declares no charset, and says so once per file', () => {
    expect(result.cards[0]!.draft).toMatchObject({
      displayName: 'Оксана Петрівна Гнатюк',
      givenName: 'Оксана',
      familyName: 'Гнатюк',
      organisation: 'Видавництво «Сонях»',
      notes: 'Познайомились на книжковому ярмарку у Львові.',
    });
    expect(result.problems).toContainEqual({
      file: 'windows-1251-no-charset.vcf',
      line: 3,
      severity: 'warning',
      message:
        'charset: guessed windows-1251 for text that is not UTF-8 and declares no other charset (first on line 3)',
    });
  });

  it('uses a CHARSET declared elsewhere in the same card for its undeclared name', () => {
    expect(result.cards[1]!.draft).toMatchObject({
      displayName: 'Тарас Коваленко',
      addresses: [{ label: 'home', street: 'вул. Січових Стрільців 12', locality: 'Київ', country: 'Україна' }],
    });
    expect(result.problems.map((p) => p.message)).toContain(
      'charset: assumed windows-1251 for text that is not UTF-8 and declares no other charset, as line 13 of the same card declares (first on line 11)',
    );
  });

  it('keeps valid UTF-8 as UTF-8 and reports nothing', () => {
    const r = importText('BEGIN:VCARD\r\nVERSION:2.1\r\nN:Гнатюк;Оксана\r\nEND:VCARD\r\n');
    expect(only(r).displayName).toBe('Оксана Гнатюк');
    expect(r.problems).toEqual([]);
  });

  it.each([
    ['windows-1255', [0xe3, 0xe5, 0xe3, 0x20, 0xeb, 0xe4, 0xef], 'דוד כהן'],
    [
      'windows-1250',
      [0x50, 0x61, 0x77, 0x65, 0xb3, 0x20, 0x57, 0x69, 0x9c, 0x6e, 0x69, 0x65, 0x77, 0x73, 0x6b, 0x69],
      'Paweł Wiśniewski',
    ],
    ['windows-1252', [0x52, 0x65, 0x6e, 0xe9, 0x20, 0x4d], 'René M'],
  ])('reads an undeclared %s name', (charset, name, text) => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:'),
      ...name,
      ...new TextEncoder().encode('\r\nEND:VCARD\r\n'),
    ]);
    const r = importVCard(bytes, 'x.vcf');
    expect(only(r).displayName).toBe(text);
    expect(r.problems.map((p) => p.message)).toEqual([expect.stringContaining(`charset: guessed ${charset}`)]);
  });
});

describe('UTF-16 and UTF-32 without a byte-order mark', () => {
  it('reads a UTF-16BE file from its zero bytes', () => {
    const result = read('utf-16be-no-bom.vcf');
    expect(result.problems).toEqual([]);
    expect(only(result)).toMatchObject({
      displayName: 'Søren Kierkegård-Åsheim',
      emails: [{ value: 'soren@example.dk', label: 'work' }],
    });
  });

  it.each(['utf-16le', 'utf-32le', 'utf-32be'] as const)('recognises %s with and without a BOM', (form) => {
    const text = '\ufeffBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë 🙂\r\nEND:VCARD\r\n';
    const little = form.endsWith('le');
    const width = form.startsWith('utf-32') ? 4 : 2;
    const units = width === 4 ? [...text].map((c) => c.codePointAt(0)!) : [...text].flatMap((c) => utf16(c));
    const bytes = new Uint8Array(units.length * width);
    const view = new DataView(bytes.buffer);
    units.forEach((u, i) => (width === 4 ? view.setUint32(i * 4, u, little) : view.setUint16(i * 2, u, little)));
    for (const input of [bytes, bytes.subarray(width)]) {
      expect(unicodeForm(input)?.form).toBe(form);
      expect(only(importVCard(input, 'u.vcf')).displayName).toBe('Zoë 🙂');
    }
  });

  it('leaves UTF-8 and legacy files alone', () => {
    expect(unicodeForm(new TextEncoder().encode('BEGIN:VCARD\r\nFN:Zoë\r\n'))).toBeUndefined();
    expect(toBinaryString(fixture('windows-1251-no-charset.vcf')).startsWith('BEGIN:VCARD')).toBe(true);
  });
});

const utf16 = (c: string) => [...Array(c.length).keys()].map((i) => c.charCodeAt(i));

describe('nested AGENT cards', () => {
  it('makes the 2.1 agent its own person, linked to its parent, with nothing leaking into the parent', () => {
    const result = read('agent-2.1.vcf');
    expect(result.problems).toEqual([]);
    expect(result.cards.map((c) => [c.line, c.draft.displayName, c.related])).toEqual([
      [1, 'Ilaria Marchetti', [{ kind: 'agent', cardIndex: 1 }]],
      [6, 'Corrado Bassi', undefined],
      [14, 'Lucia Ferri', undefined],
    ]);
    const parent = result.cards[0]!.draft;
    expect(parent.phones).toEqual([{ value: '+39 02 5550 1234', label: 'work' }]);
    expect(parent.emails).toEqual([{ value: 'ilaria.marchetti@example.it', preferred: true }]);
    expect(parent.extensions).toEqual([]);
    expect(result.cards[1]!.draft.phones).toEqual([{ value: '+39 02 5550 9876', label: 'work' }]);
  });

  it('reads the escaped one-line form of 3.0 and 4.0', () => {
    const result = read('agent-one-line.vcf');
    expect(result.problems).toEqual([]);
    expect(result.cards.map((c) => [c.draft.displayName, c.related])).toEqual([
      ['Hamid Rahimi', [{ kind: 'agent', cardIndex: 1 }]],
      ['Nasrin Karimi', undefined],
      ['Birgit Halvorsen', [{ kind: 'agent', cardIndex: 3 }]],
      ['Eirik Dahl', undefined],
    ]);
    expect(result.cards[1]!.draft).toMatchObject({
      emails: [{ value: 'nasrin.k@example.ca' }],
      notes: 'Books meetings, travel',
    });
    expect(result.cards[0]!.draft).toMatchObject({ emails: [{ value: 'hamid@example.ca' }], extensions: [] });
  });

  it('keeps an AGENT that is a link, not a card, as an extension', () => {
    const draft = only(
      importText('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nAGENT;VALUE=uri:CID:JQPUBLIC.part3\r\nEND:VCARD\r\n'),
    );
    expect(draft.extensions).toEqual([{ name: 'AGENT', params: { value: 'uri' }, value: 'CID:JQPUBLIC.part3' }]);
  });
});

describe('a value that starts on the next line', () => {
  it('reads quoted-printable N, FN and NOTE whose value follows the colon line', () => {
    const result = read('value-on-next-line.vcf');
    expect(result.problems).toEqual([]);
    expect(only(result)).toMatchObject({
      displayName: 'Zofia Żuk',
      givenName: 'Zofia',
      familyName: 'Żuk',
      notes: 'Poznaliśmy się w Gdańsku\nna konferencji.',
    });
  });

  it('reads an Android address continued after a trailing backslash', () => {
    const text =
      'BEGIN:VCARD\r\nVERSION:2.1\r\nN:B\r\nADR;HOME:;;Flat 2\\\r\n9 Mill Lane;Leeds;;LS1 4AP;UK\r\nEND:VCARD\r\n';
    const r = importText(text);
    expect(r.problems).toEqual([]);
    expect(only(r).addresses).toEqual([
      { label: 'home', street: 'Flat 2\n9 Mill Lane', locality: 'Leeds', postalCode: 'LS1 4AP', country: 'UK' },
    ]);
  });
});

describe('broken END lines', () => {
  it('ends the card at END:VCARD., END: and a bare END, says so by line, and never keeps them', () => {
    const result = read('broken-end.vcf');
    expect(result.cards.map((c) => c.draft.displayName)).toEqual(['Ama Owusu', 'Kofi Mensah', 'Efua Boateng']);
    expect(result.cards.every((c) => c.draft.extensions!.length === 0)).toBe(true);
    expect(messages('broken-end.vcf')).toEqual([
      [5, 'Line 5: the broken END line "END:VCARD." was read as END:VCARD'],
      [10, 'Line 10: the broken END line "END:" was read as END:VCARD'],
      [14, 'Line 14: the broken END line "END:" was read as END:VCARD'],
    ]);
  });

  it('never shows internal error text: a line the parser cannot read is described in words', () => {
    const r = importText('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nTEL;TYPE="work:+1 555\r\nEND:VCARD\r\n');
    expect(r.problems.map((p) => p.message)).toEqual([
      'Line 4: TEL has a parameter with an unclosed quote; kept as written',
    ]);
    for (const p of r.problems) {
      expect(p.message).toMatch(/^(Line|Card at line) \d+/);
      expect(p.message).not.toMatch(/undefined|Cannot read|TypeError|properties of/);
    }
  });
});

describe('photos', () => {
  const result = read('truncated-photo.vcf');

  it('drops a photo whose base64 is cut short, or is not base64, with a warning naming its line', () => {
    expect(result.cards.map((c) => [c.draft.displayName, c.draft.photo?.mediaType])).toEqual([
      ['Tomasz Nowicki', undefined],
      ['Halina Nowicka', 'image/png'],
      ['Jerzy Nowak', undefined],
    ]);
    expect(messages('truncated-photo.vcf')).toEqual([
      [4, 'Card at line 1: the photo is not valid base64 (it may have been cut short); left out'],
      [17, 'Card at line 14: the photo is not valid base64 (it may have been cut short); left out'],
    ]);
  });

  it('trusts the bytes over TYPE, and drops valid base64 that is a cut-short image or no image', () => {
    const photo = (b64: string) =>
      importText(`BEGIN:VCARD\r\nVERSION:3.0\r\nFN:P\r\nPHOTO;ENCODING=b;TYPE=JPEG:${b64}\r\nEND:VCARD\r\n`);
    // Halina's PNG is labelled JPEG.
    expect(result.cards[1]!.draft.photo!.mediaType).toBe('image/png');
    const cut = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, 0, 0x48]);
    expect(photo(cut.toString('base64')).problems.map((p) => p.message)).toEqual([
      'Card at line 1: the JPEG photo is cut short; left out',
    ]);
    expect(photo(Buffer.from('Hello, this is a test.').toString('base64')).problems.map((p) => p.message)).toEqual([
      'Card at line 1: the photo is not a JPEG, PNG, GIF, WebP or BMP image; left out',
    ]);
  });
});
