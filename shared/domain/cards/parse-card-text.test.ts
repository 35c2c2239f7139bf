import { describe, expect, it } from 'vitest';
import type { CardDraft } from './card-draft.ts';
import { parseCardText } from './parse-card-text.ts';
import { classifyQr, draftFromProfileUrl } from './qr-content.ts';

const cases: Array<{ name: string; text: string; want: Partial<CardDraft> }> = [
  {
    name: 'a classic layout: name, title, organisation, then contacts',
    text: 'Amara Okafor\nHead of Partnerships\nNorthwind Analytics\namara.okafor@northwind.example\n+44 20 7946 0321\nwww.northwind.example',
    want: {
      name: 'Amara Okafor',
      title: 'Head of Partnerships',
      organisation: 'Northwind Analytics',
      email: 'amara.okafor@northwind.example',
      phone: '+44 20 7946 0321',
      url: 'www.northwind.example',
    },
  },
  {
    name: 'organisation first, labelled contacts',
    text: 'BLUE HERON STUDIO\n\nJonas Lindqvist\nSenior Product Designer\nT: (555) 013-2290\nE: jonas@blueheron.example\nW: blueheron.example',
    want: {
      name: 'Jonas Lindqvist',
      organisation: 'BLUE HERON STUDIO',
      title: 'Senior Product Designer',
      phone: '(555) 013-2290',
      email: 'jonas@blueheron.example',
      url: 'blueheron.example',
    },
  },
  {
    name: 'a name in capitals is written in title case; the address goes to the note',
    text: 'PRIYA NATARAJAN\nChief Technology Officer\nKestrel Robotics Ltd\n12 Harbour Street, Leith\nMobile +44 7700 900123\npriya@kestrel.example',
    want: {
      name: 'Priya Natarajan',
      title: 'Chief Technology Officer',
      organisation: 'Kestrel Robotics Ltd',
      phone: '+44 7700 900123',
      email: 'priya@kestrel.example',
      note: '12 Harbour Street, Leith',
    },
  },
  {
    name: 'the name that matches the email wins over another name-shaped line',
    text: 'Open Harbour\nMateo Ruiz Garcia\nmruizgarcia@openharbour.example\n+34 912 345 678',
    want: { name: 'Mateo Ruiz Garcia', organisation: 'Open Harbour', email: 'mruizgarcia@openharbour.example' },
  },
  {
    name: 'OCR spaces inside an email are closed up, and fax numbers are not the phone',
    text: 'Dr. Lena Vogel\nResearch Scientist\nFax: +49 30 1234 5679\nTel: +49 30 1234 5678\nlena.vogel @ fraunhofer-lab.example',
    want: { name: 'Dr. Lena Vogel', phone: '+49 30 1234 5678', email: 'lena.vogel@fraunhofer-lab.example' },
  },
  {
    name: 'phone and web address on one line',
    text: 'Sam Whitfield\nFounder\nWhitfield & Co\n555-0199 | whitfield.example\nsam@whitfield.example',
    want: { name: 'Sam Whitfield', phone: '555-0199', url: 'whitfield.example', organisation: 'Whitfield & Co' },
  },
  {
    name: 'nothing recognisable leaves every field empty but the note',
    text: 'Thank you for visiting\n',
    want: { name: '', email: '', phone: '', organisation: '', note: 'Thank you for visiting' },
  },
  { name: 'empty text', text: '', want: { name: '', email: '', phone: '', note: '' } },
];

describe('parseCardText', () => {
  it.each(cases)('$name', ({ text, want }) => {
    expect(parseCardText(text)).toMatchObject(want);
  });
});

describe('QR contents', () => {
  it.each([
    [
      'https://www.linkedin.com/in/amara-okafor-4b1a2c/',
      { name: 'Amara Okafor', url: 'https://www.linkedin.com/in/amara-okafor-4b1a2c/' },
    ],
    ['https://example.org/about', { name: '', url: 'https://example.org/about' }],
    ['https://mastodon.example/@jonas', { name: '', url: 'https://mastodon.example/@jonas' }],
    ['not a url', { url: 'not a url' }],
  ])('a profile address %s', (address, want) => {
    expect(draftFromProfileUrl(address)).toMatchObject(want);
  });

  it.each([
    ['BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD', 'vcard'],
    ['https://linkedin.com/in/x', 'url'],
    ['mailto:a@b.example', 'other'],
    ['hello', 'other'],
  ])('classifies %j as %s', (text, kind) => {
    expect(classifyQr(text).kind).toBe(kind);
  });

  it('reads mailto and tel links into the draft', () => {
    expect(classifyQr('mailto:a%40b@c.example')).toMatchObject({ draft: { email: 'a@b@c.example' } });
    expect(classifyQr('tel:+15550100')).toMatchObject({ draft: { phone: '+15550100' } });
  });
});
