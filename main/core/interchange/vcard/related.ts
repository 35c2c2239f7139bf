/**
 * Relationships in a vCard export. vCard 4.0 carries them as RELATED (RFC 6350 §6.6.6), a URI
 * naming the other person's card with a TYPE; 3.0 has no such property, so they are left out
 * there and the export report says so.
 *
 * The URI is the other person's UID as this export writes it: the UID they were imported with,
 * else `urn:uuid:<their Rapport id>` (Rapport ids are UUIDs). A person with relationships and no
 * UID of their own gets `UID:urn:uuid:<id>`, so the RELATED lines of others resolve to their card.
 * `X-RAPPORT-KIND` keeps Rapport's own kind beside the standard TYPE.
 */
import type { ContactDraft, VCardExtension } from '../../../../shared/domain/contact.ts';
import { vCardRelatedType, type Relationship } from '../../../../shared/domain/network/relationships.ts';

/** A person as the export receives them from the database: the draft plus their id and relationships. */
export type ExportedPerson = ContactDraft & { id?: string; relationships?: Relationship[] | undefined };

const uidExtension = (extensions: readonly VCardExtension[] | undefined) =>
  extensions?.find((e) => e.name.toUpperCase() === 'UID' && !e.group)?.value;

/** Person id → the UID their card has in this export. */
export function exportUids(people: readonly ExportedPerson[]): Map<string, string> {
  return new Map(
    people.flatMap((p) => (p.id ? [[p.id, uidExtension(p.extensions) ?? `urn:uuid:${p.id}`] as const] : [])),
  );
}

/**
 * The UID line (when needed) and one RELATED line per relationship, for vCard 4.0; `values` are
 * the RELATED values written, so a kept RELATED extension with the same value is not repeated.
 */
export function relatedLines(
  person: ExportedPerson,
  uids: ReadonlyMap<string, string>,
): { lines: string[]; values: Set<string> } {
  const relationships = person.relationships ?? [];
  const values = new Set<string>();
  if (!relationships.length || !person.id) return { lines: [], values };
  const lines = uidExtension(person.extensions) ? [] : [`UID:urn:uuid:${person.id}`];
  for (const r of relationships) {
    const value = uids.get(r.contactId) ?? `urn:uuid:${r.contactId}`;
    if (values.has(`${value}|${r.kind}`)) continue;
    values.add(`${value}|${r.kind}`);
    lines.push(`RELATED;TYPE=${vCardRelatedType(r)};X-RAPPORT-KIND=${r.kind}:${value}`);
  }
  return { lines, values: new Set([...values].map((v) => v.split('|')[0]!)) };
}
