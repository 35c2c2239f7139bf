/**
 * vCard export. 3.0 by default: it is what Apple, Google and Outlook read most reliably.
 * Every choice here is made so importVCard reads the same person back (see docs/vcard.md).
 */
import {
  ContactFields,
  type ContactDraft,
  type SocialProfile,
  type VCardExtension,
} from '../../../../shared/domain/contact.ts';
import { formatBirthday } from './birthday.ts';
import { escapeText, escapeUri, paramValue, structured } from './escape.ts';
import { foldLine } from './fold.ts';
import { typesForLabel } from './labels.ts';
import { cleanExtension, type ExportNote } from './hygiene.ts';
import { canonicalBase64, photoType } from './photo.ts';
import { RAPPORT_FIELDS } from './rapport-fields.ts';
import { exportUids, relatedLines, type ExportedPerson } from './related.ts';
import { detectKind } from './social.ts';

export type VCardVersion = '3.0' | '4.0';

const LIST_DEFAULTS = {
  emails: [],
  phones: [],
  addresses: [],
  social: [],
  tags: [],
  extensions: [],
  archived: false,
} as const;

/**
 * Throws if a contact is not valid: export is fed from the database, not from user files.
 * `trusted` skips that check for records the services already validated (the database), which
 * is a quarter of the time of a large export; only the list defaults are filled in.
 */
export function toVCard(
  contacts: readonly ExportedPerson[],
  version: VCardVersion = '3.0',
  options: { trusted?: boolean } = {},
): string {
  return serialiseVCard(contacts, version, options).text;
}

/**
 * The export with its report: every kept extension that had to be renamed, converted or left
 * out to make each line valid for `version` (see hygiene.ts), so the app can say what changed.
 */
export function serialiseVCard(
  contacts: readonly ExportedPerson[],
  version: VCardVersion = '3.0',
  options: { trusted?: boolean } = {},
): { text: string; report: ExportNote[] } {
  const report: ExportNote[] = [];
  const uids = exportUids(contacts);
  const valid = (c: ContactDraft): Contact =>
    options.trusted ? ({ ...LIST_DEFAULTS, ...c } as Contact) : ContactFields.parse(c);
  const text = contacts
    .map((draft, index) => {
      const c = valid(draft);
      const note: Note = (property, outcome, message, writtenAs) =>
        report.push({
          index,
          displayName: c.displayName,
          property,
          outcome,
          message,
          ...(writtenAs ? { writtenAs } : {}),
        });
      return cardLines(c, version, note, draft, uids).map(foldLine).join('\r\n') + '\r\n';
    })
    .join('');
  return { text, report };
}

type Note = (property: string, outcome: ExportNote['outcome'], message: string, writtenAs?: string) => void;

type Contact = ContactFields;

/** Hands out itemN groups for labels, skipping groups that kept extensions already use. */
class Groups {
  private next = 1;
  private readonly taken: Set<string>;
  constructor(extensions: VCardExtension[]) {
    this.taken = new Set(extensions.flatMap((e) => (e.group ? [e.group.toLowerCase()] : [])));
  }
  allocate(): string {
    while (this.taken.has(`item${this.next}`)) this.next++;
    return `item${this.next++}`;
  }
}

function cardLines(
  c: Contact,
  version: VCardVersion,
  note: Note,
  person: ExportedPerson,
  uids: ReadonlyMap<string, string>,
): string[] {
  const lines = ['BEGIN:VCARD', `VERSION:${version}`, 'PRODID:-//Rapport//Rapport//EN'];
  const groups = new Groups(c.extensions);
  const [nRest, orgRest, others] = splitRemainders(c.extensions);
  /** Properties written so far, so a kept extension never repeats a once-only one. */
  const written = new Set(['FN', 'N', ...(c.birthday ? ['BDAY'] : [])]);

  lines.push(`FN:${escapeText(c.displayName)}`);
  // N is required in 3.0; its parts Rapport does not model come back from the remainder.
  const n = remainder(nRest, version, note);
  lines.push(prop(n, 'N', `${structured([c.familyName, c.givenName])}${n ? n.value.slice(1) : ';;;'}`));
  if (c.nickname) lines.push(`NICKNAME:${escapeText(c.nickname)}`);
  const org = remainder(orgRest, version, note);
  if (c.organisation || org) lines.push(prop(org, 'ORG', `${escapeText(c.organisation ?? '')}${org?.value ?? ''}`));
  if (c.role) lines.push(`TITLE:${escapeText(c.role)}`);
  if (c.photo) {
    const data = canonicalBase64(c.photo.data);
    if (data === undefined) note('PHOTO', 'left out', 'The photo was left out: its base64 data is broken');
    else
      lines.push(
        version === '3.0'
          ? `PHOTO;ENCODING=b;TYPE=${photoType(c.photo.mediaType)}:${data}`
          : `PHOTO:data:${c.photo.mediaType};base64,${data}`,
      );
  }
  for (const e of c.emails)
    lines.push(...labelled('EMAIL', escapeText(e.value), e.label, e.preferred, version, groups));
  for (const p of c.phones) lines.push(...labelled('TEL', escapeText(p.value), p.label, p.preferred, version, groups));
  for (const a of c.addresses) {
    const value = structured([a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country]);
    lines.push(...labelled('ADR', value, a.label, false, version, groups));
  }
  for (const s of c.social) lines.push(...socialLines(s, groups));
  if (c.tags.length) lines.push(`CATEGORIES:${c.tags.map(escapeText).join(',')}`);
  if (c.birthday) {
    const b = formatBirthday(c.birthday, version);
    lines.push(`BDAY${b.params}:${b.value}`);
  }
  if (c.notes) lines.push(`NOTE:${escapeText(c.notes)}`);
  for (const field of RAPPORT_FIELDS) {
    const value = field.write(c);
    if (value) lines.push(`${field.property}:${escapeText(value)}`);
  }
  let related = new Set<string>();
  if (person.relationships?.length && version === '3.0')
    note(
      'RELATED',
      'left out',
      'Relationships were left out: vCard 3.0 cannot carry them (export as 4.0 to keep them)',
    );
  else if (version === '4.0') {
    const out = relatedLines(person, uids);
    lines.push(...out.lines);
    related = out.values;
  }
  for (const e of others) {
    // A RELATED line kept from an import that the relationships above already wrote.
    if (e.name.toUpperCase() === 'RELATED' && related.has(e.value)) continue;
    const cleaned = cleanExtension(e, version, written);
    if (!cleaned.ok) {
      note(e.name, 'left out', `${e.name} was left out: ${cleaned.why}`);
      continue;
    }
    const renamed = cleaned.ext.name !== e.name;
    if (cleaned.notes.length)
      note(
        e.name,
        renamed ? 'renamed' : 'converted',
        `${e.name}: ${cleaned.notes.join('; ')}`,
        renamed ? cleaned.ext.name : undefined,
      );
    lines.push(prop(cleaned.ext, cleaned.ext.name, cleaned.ext.value));
  }
  lines.push('END:VCARD');
  return lines;
}

/**
 * Import keeps the N and ORG parts Rapport does not model (prefix, suffix, units…) as
 * extensions at the head of the list, N first; they are merged back into N and ORG here.
 */
function splitRemainders(
  extensions: VCardExtension[],
): [VCardExtension | undefined, VCardExtension | undefined, VCardExtension[]] {
  let rest = extensions;
  const n = rest[0]?.name === 'N' ? rest[0] : undefined;
  if (n) rest = rest.slice(1);
  const org = rest[0]?.name === 'ORG' ? rest[0] : undefined;
  if (org) rest = rest.slice(1);
  return [n, org, rest];
}

/** The N or ORG remainder with a valid group and parameters for `version`. */
function remainder(ext: VCardExtension | undefined, version: VCardVersion, note: Note): VCardExtension | undefined {
  if (!ext) return undefined;
  const cleaned = cleanExtension({ ...ext, value: '' }, version, new Set());
  if (!cleaned.ok) return { name: ext.name, params: {}, value: ext.value };
  if (cleaned.notes.length) note(ext.name, 'converted', `${ext.name}: ${cleaned.notes.join('; ')}`);
  return { ...cleaned.ext, value: ext.value };
}

/** A property with the group and parameters of a kept extension, if any. */
function prop(ext: VCardExtension | undefined, name: string, value: string): string {
  return `${ext?.group ? `${ext.group}.` : ''}${name}${ext ? params(ext.params) : ''}:${value}`;
}

function params(record: VCardExtension['params']): string {
  return Object.entries(record)
    .map(
      ([name, value]) => `;${name.toUpperCase()}=${(Array.isArray(value) ? value : [value]).map(paramValue).join(',')}`,
    )
    .join('');
}

function labelled(
  name: string,
  value: string,
  label: string | undefined,
  preferred: boolean | undefined,
  version: VCardVersion,
  groups: Groups,
): string[] {
  const types = typesForLabel(label);
  const typeList = [...(types ?? [])];
  if (preferred && version === '3.0') typeList.push('pref');
  const pref = preferred && version === '4.0' ? ';PREF=1' : '';
  const typeParam = typeList.length ? `;TYPE=${typeList.join(',')}` : '';
  if (types) return [`${name}${typeParam}${pref}:${value}`];
  const group = groups.allocate();
  return [`${group}.${name}${typeParam}${pref}:${value}`, `${group}.X-ABLabel:${escapeText(label ?? '')}`];
}

/**
 * A URL whose kind we would detect anyway goes out as URL; otherwise X-SOCIALPROFILE with the
 * kind as TYPE (Apple's convention). Labels always travel as X-ABLabel.
 */
function socialLines(s: SocialProfile, groups: Groups): string[] {
  const property = detectKind(s.url) === s.kind ? 'URL' : `X-SOCIALPROFILE;TYPE=${s.kind}`;
  if (!s.label) return [`${property}:${escapeUri(s.url)}`];
  const group = groups.allocate();
  return [`${group}.${property}:${escapeUri(s.url)}`, `${group}.X-ABLabel:${escapeText(s.label)}`];
}
