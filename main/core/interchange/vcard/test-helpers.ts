/** Shared by the vCard tests: build inputs and compare people the way the property demands. */
import { ContactFields, type ContactDraft } from '../../../../shared/domain/contact.ts';
import type { ImportResult } from '../types.ts';
import { importVCard } from './import.ts';

/** Lines joined with the given break, as bytes. */
export function vcf(lines: string[], eol = '\r\n'): Uint8Array {
  return new TextEncoder().encode(lines.join(eol) + eol);
}

export function importText(text: string, file = 'test.vcf'): ImportResult {
  return importVCard(new TextEncoder().encode(text), file);
}

/** Parsed with defaults applied and undefined keys dropped, so "same person" is deep equality. */
export function canonical(draft: ContactDraft): unknown {
  return JSON.parse(JSON.stringify(ContactFields.parse(draft)));
}

export function only(result: ImportResult): ContactDraft {
  if (result.cards.length !== 1)
    throw new Error(`expected one card, got ${result.cards.length}: ${JSON.stringify(result.problems)}`);
  return result.cards[0]!.draft;
}
