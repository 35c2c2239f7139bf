import { describe, expect, it } from 'vitest';
import { importVCard } from './import.ts';
import { serialiseVCard } from './serialise.ts';
import type { ExportedPerson } from './related.ts';

const ANA = '0b6a3c1e-0000-4000-8000-000000000001';
const BEN = '0b6a3c1e-0000-4000-8000-000000000002';
const people: ExportedPerson[] = [
  {
    id: ANA,
    displayName: 'Ana Costa',
    relationships: [
      { contactId: BEN, kind: 'works-with' },
      { contactId: BEN, kind: 'family', label: 'Sister' },
    ],
  },
  {
    id: BEN,
    displayName: 'Ben Okafor',
    extensions: [{ name: 'UID', params: {}, value: 'urn:uuid:ben-from-phone' }],
    relationships: [
      { contactId: ANA, kind: 'works-with' },
      { contactId: ANA, kind: 'family', label: 'Sister' },
      { contactId: 'someone-not-exported', kind: 'introduced-by' },
    ],
  },
];

const lines = (text: string) => text.replace(/\r\n /g, '').split('\r\n');

describe('relationships in a vCard export', () => {
  it('are written as RELATED in 4.0, pointing at the other card’s UID', () => {
    const { text, report } = serialiseVCard(people, '4.0', { trusted: true });
    const [ana, ben] = text.split('END:VCARD\r\n').map(lines);
    expect(ana).toEqual(
      expect.arrayContaining([
        `UID:urn:uuid:${ANA}`,
        'RELATED;TYPE=co-worker;X-RAPPORT-KIND=works-with:urn:uuid:ben-from-phone',
        'RELATED;TYPE=sibling;X-RAPPORT-KIND=family:urn:uuid:ben-from-phone',
      ]),
    );
    // Ben keeps the UID he came with, and is not given a second one.
    expect(ben!.filter((l) => l.startsWith('UID'))).toEqual(['UID:urn:uuid:ben-from-phone']);
    expect(ben).toEqual(
      expect.arrayContaining([
        `RELATED;TYPE=co-worker;X-RAPPORT-KIND=works-with:urn:uuid:${ANA}`,
        'RELATED;TYPE=contact;X-RAPPORT-KIND=introduced-by:urn:uuid:someone-not-exported',
      ]),
    );
    expect(report).toEqual([]);
  });

  it('are left out of 3.0 with a note, since 3.0 has no RELATED', () => {
    const { text, report } = serialiseVCard(people, '3.0', { trusted: true });
    expect(text).not.toContain('RELATED');
    expect(report.map((n) => [n.displayName, n.property, n.outcome])).toEqual([
      ['Ana Costa', 'RELATED', 'left out'],
      ['Ben Okafor', 'RELATED', 'left out'],
    ]);
  });

  it('come back from an import as kept RELATED lines that a second export does not repeat', () => {
    const first = serialiseVCard(people, '4.0', { trusted: true }).text;
    const imported = importVCard(new TextEncoder().encode(first), 'people.vcf');
    const again = imported.cards.map((c, i) => ({
      ...c.draft,
      id: people[i]!.id,
      relationships: people[i]!.relationships,
    }));
    const second = serialiseVCard(again, '4.0').text;
    const count = (text: string) => text.split('\r\n').filter((l) => l.startsWith('RELATED')).length;
    expect(count(second)).toBe(count(first));
  });
});
