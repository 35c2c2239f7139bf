/**
 * Every export of the corpus, read back by parsers that share no code with ours: `vcf`
 * (node-vcf, reads 2.1/3.0/4.0 leniently) for both versions, and `vcard4` (a strict RFC 6350
 * reader that refuses unknown properties, parameters and cardinalities) for 4.0. Each must accept
 * every card and see the same people; our own re-import must give the same people back, or the
 * export report must name each difference (docs/vcard.md lists them as vCard limits).
 */
import { readFileSync } from 'node:fs';
import vcf from 'vcf';
import { parse as strictParse4 } from 'vcard4';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContactDraft, VCardExtension } from '../../../../shared/domain/contact.ts';
import { corpusFiles, corpusPresent } from './corpus-files.ts';
import type { ExportNote } from './hygiene.ts';
import { importVCard } from './import.ts';
import { NAME_SYNTAX, PROPERTIES } from './names.ts';
import { canonicalBase64 } from './photo.ts';
import { serialiseVCard } from './serialise.ts';
import { canonical } from './test-helpers.ts';

type VcfProperty = { valueOf(): string };
type StrictCard = { getProperty(name: string): { value: unknown }[] };

const count = (p: VcfProperty | VcfProperty[] | undefined) => (p === undefined ? 0 : Array.isArray(p) ? p.length : 1);

/** RFC 6350 §3.3 content line: `[group.]name *(;param=value):value`, no control characters. */
const SAFE = '[^";:,\\x00-\\x08\\x0a-\\x1f\\x7f]*';
const PARAM_VALUE = `(?:"[^"\\x00-\\x08\\x0a-\\x1f\\x7f]*"|${SAFE})`;
const CONTENT_LINE = new RegExp(
  `^(?:[A-Za-z0-9-]+\\.)?([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=${PARAM_VALUE}(?:,${PARAM_VALUE})*)*):([^\\x00-\\x08\\x0a-\\x1f\\x7f]*)$`,
);

/** Why a line of an export is not valid for its version, or undefined. */
function invalidLine(line: string, version: '3.0' | '4.0'): string | undefined {
  const m = CONTENT_LINE.exec(line);
  if (!m) return 'not a content line';
  const name = m[1]!.toUpperCase();
  if (!name.startsWith('X-') && !PROPERTIES[version].has(name)) return `${name} is not a ${version} property`;
  const value = m[3]!;
  const base64 = /;ENCODING=b\b/i.test(m[2]!) ? value : /^data:[^,]*;base64,(.*)$/i.exec(value)?.[1];
  if (base64 !== undefined && canonicalBase64(base64) !== base64) return 'invalid base64';
  return undefined;
}

/** Same person, except the extensions the export report says it renamed, converted or left out. */
function unexplained(original: ContactDraft, back: ContactDraft, notes: ExportNote[]): string | undefined {
  const noted = new Set(notes.map((n) => n.property.toUpperCase()));
  const renamed = new Set(notes.flatMap((n) => (n.writtenAs ? [n.writtenAs.toUpperCase()] : [])));
  const keep = (names: Set<string>) => (e: VCardExtension) => !names.has(e.name.toUpperCase());
  const a = canonical({ ...original, extensions: original.extensions?.filter(keep(noted)) });
  const b = canonical({ ...back, extensions: back.extensions?.filter(keep(new Set([...noted, ...renamed]))) });
  return JSON.stringify(a) === JSON.stringify(b) ? undefined : `${JSON.stringify(a)}\n   ≠ ${JSON.stringify(b)}`;
}

describe.skipIf(!corpusPresent)('exports of the corpus, read by independent parsers', () => {
  const people = corpusFiles().map((f) => ({
    name: f.name,
    drafts: importVCard(readFileSync(f.path), f.name).cards.map((c) => c.draft),
  }));
  const stats = { people: 0, identical: 0, explained: 0 };
  const notesByKind = new Map<string, number>();

  afterAll(() => {
    console.info(
      `Independent readers: ${stats.people} corpus people exported (3.0 and 4.0); ` +
        `${stats.identical} came back identical, ${stats.explained} differ only where the export report says why; ` +
        `report notes: ${[...notesByKind].map(([k, n]) => `${k} ×${n}`).join(', ')}`,
    );
  });

  it.each(['3.0', '4.0'] as const)('vCard %s: every card accepted, every line valid, same people back', (version) => {
    const failures: string[] = [];
    for (const { name, drafts } of people) {
      if (!drafts.length) continue;
      const { text, report } = serialiseVCard(drafts, version);
      for (const note of report) notesByKind.set(note.outcome, (notesByKind.get(note.outcome) ?? 0) + 1);

      for (const line of text
        .replace(/\r\n[ \t]/g, '')
        .split('\r\n')
        .filter(Boolean)) {
        const why = invalidLine(line, version);
        if (why) failures.push(`${name}: ${why}: ${line.slice(0, 80)}`);
      }
      if (text.split('\r\n').some((l) => new TextEncoder().encode(l).length > 75))
        failures.push(`${name}: a line longer than 75 octets`);

      const lenient = vcf.parse(text);
      if (lenient.length !== drafts.length)
        failures.push(`${name}: vcf read ${lenient.length} of ${drafts.length} cards`);
      lenient.forEach((card, i) => {
        const d = drafts[i]!;
        const fn = card.get('fn') as VcfProperty | undefined;
        if (card.version !== version) failures.push(`${name} #${i}: vcf read version ${card.version}`);
        if (fn?.valueOf().replace(/\\(.)/g, '$1') !== d.displayName.replace(/\n/g, 'n'))
          failures.push(`${name} #${i}: vcf read FN ${fn?.valueOf()}`);
        if (count(card.get('email')) !== (d.emails?.length ?? 0)) failures.push(`${name} #${i}: vcf e-mail count`);
        if (count(card.get('tel')) !== (d.phones?.length ?? 0)) failures.push(`${name} #${i}: vcf phone count`);
        if (count(card.get('adr')) !== (d.addresses?.length ?? 0)) failures.push(`${name} #${i}: vcf address count`);
      });

      if (version === '4.0') {
        let strict: StrictCard[] = [];
        // vcard4 4.0.5 lists RFC 6350's SORT-AS parameter as "SORTAS" (its own writer emits
        // SORT-AS), so it refuses every valid SORT-AS; only that one name is worked around.
        const forVcard4 = text.replace(/;SORT-AS=/g, ';X-SORT-AS=');
        try {
          const parsed = strictParse4(forVcard4);
          strict = (Array.isArray(parsed) ? parsed : [parsed]) as StrictCard[];
        } catch (error) {
          failures.push(`${name}: vcard4 refused the export: ${(error as Error).message}`);
        }
        if (strict.length && strict.length !== drafts.length)
          failures.push(`${name}: vcard4 read ${strict.length} of ${drafts.length} cards`);
        strict.forEach((card, i) => {
          const d = drafts[i]!;
          if (card.getProperty('FN')[0]?.value !== d.displayName) failures.push(`${name} #${i}: vcard4 read FN`);
          if (card.getProperty('EMAIL').length !== (d.emails?.length ?? 0))
            failures.push(`${name} #${i}: vcard4 e-mail count`);
          if (card.getProperty('TEL').length !== (d.phones?.length ?? 0))
            failures.push(`${name} #${i}: vcard4 phone count`);
        });
      }

      const back = importVCard(new TextEncoder().encode(text), 'export.vcf').cards.map((c) => c.draft);
      if (back.length !== drafts.length) failures.push(`${name}: re-import gave ${back.length} of ${drafts.length}`);
      drafts.forEach((d, i) => {
        stats.people++;
        const notes = report.filter((n) => n.index === i);
        const diff = back[i] ? unexplained(d, back[i], notes) : 'missing';
        if (diff) failures.push(`${name} #${i}: round trip differs: ${diff}`);
        else if (notes.length) stats.explained++;
        else stats.identical++;
      });
    }
    expect(failures, failures.slice(0, 20).join('\n')).toEqual([]);
  });

  it('names every property the way vCard allows', () => {
    for (const version of ['3.0', '4.0'] as const)
      for (const name of PROPERTIES[version]) expect(name).toMatch(NAME_SYNTAX);
  });
});
