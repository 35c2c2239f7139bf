import type { ContactFields } from '../contact.ts';
import { normaliseEmail, normaliseUrl, phoneKey } from './normalise.ts';

export type MergeChoice = 'primary' | 'secondary';
export type MergeChoices = Partial<Record<keyof ContactFields, MergeChoice>>;

/** One line of the merge preview table. */
export type MergeRow = {
  field: keyof ContactFields;
  primary: unknown;
  secondary: unknown;
  /** `both` when lists were unioned or notes concatenated. */
  chosen: MergeChoice | 'both';
  merged: unknown;
};

export type MergeResult = {
  merged: ContactFields;
  /** Fields where at least one side has a value, in form order; identical values included. */
  rows: MergeRow[];
};

type ListField = 'emails' | 'phones' | 'addresses' | 'social' | 'tags' | 'extensions';

// How two list entries are judged "the same"; the primary's entry (and its label) wins.
const LIST_KEYS: { [F in ListField]: (item: ContactFields[F][number]) => string } = {
  emails: (e) => normaliseEmail(e.value),
  phones: (p) => phoneKey(p.value) ?? p.value.trim(),
  addresses: (a) =>
    [a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country]
      .map((v) => (v ?? '').trim().toLowerCase().replace(/\s+/g, ' '))
      .join('|'),
  social: (s) => normaliseUrl(s.url),
  tags: (t) => t.trim().toLowerCase(),
  extensions: (x) => JSON.stringify([x.group ?? '', x.name.toUpperCase(), x.value, x.params]),
};

// Every field of ContactFields, in the order a form shows them; `satisfies` keeps it complete.
const FIELD_ORDER = [
  'displayName',
  'givenName',
  'familyName',
  'nickname',
  'photo',
  'emails',
  'phones',
  'addresses',
  'organisation',
  'role',
  'location',
  'howWeMet',
  'metAtEventId',
  'social',
  'tags',
  'birthday',
  'lookingFor',
  'canHelpWith',
  'notes',
  'tier',
  'cadence',
  'archived',
  'extensions',
] as const satisfies ReadonlyArray<keyof ContactFields>;
type Missing = Exclude<keyof ContactFields, (typeof FIELD_ORDER)[number]>;
const _complete: Missing extends never ? true : never = true;

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function isListField(field: keyof ContactFields): field is ListField {
  return field in LIST_KEYS;
}

function unionList<F extends ListField>(
  field: F,
  primary: ContactFields[F],
  secondary: ContactFields[F],
): ContactFields[F] {
  const keyOf = LIST_KEYS[field] as (item: ContactFields[F][number]) => string;
  const seen = new Set(primary.map(keyOf));
  const out = [...primary] as Array<ContactFields[F][number]>;
  const primaryHasPreferred = primary.some((item) => typeof item === 'object' && 'preferred' in item && item.preferred);
  for (const item of secondary) {
    const key = keyOf(item);
    if (seen.has(key)) continue;
    seen.add(key);
    // Only one preferred email/phone after a merge: the primary's, if it has one.
    if (primaryHasPreferred && typeof item === 'object' && 'preferred' in item && item.preferred)
      out.push({ ...item, preferred: false });
    else out.push(item);
  }
  return out as ContactFields[F];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Merges two records of the same person field by field, for the merge preview and its result.
 *
 * - Scalar fields (name, organisation, birthday, tier, cadence, photo…) take the side named in
 *   `choices`; by default the primary, or the secondary when the primary's is empty.
 * - List fields (emails, phones, addresses, social, tags, extensions) are unioned, primary first,
 *   dropping entries equal after normalising (email case, phone digits, URL scheme, tag case).
 *   Choosing a side for a list keeps only that side's list.
 * - Notes are joined with a blank line, primary first, when both have different notes; choosing
 *   a side keeps only that side's notes.
 *
 * `archived` follows the same scalar rule (a boolean is never "empty"), so the primary decides.
 */
export function mergeContacts(
  primary: ContactFields,
  secondary: ContactFields,
  choices: MergeChoices = {},
): MergeResult {
  const merged = { ...primary } as Record<keyof ContactFields, unknown>;
  const rows: MergeRow[] = [];
  for (const field of FIELD_ORDER) {
    const p: unknown = primary[field];
    const s: unknown = secondary[field];
    if (isEmpty(p) && isEmpty(s)) continue;
    const choice = choices[field];
    let chosen: MergeRow['chosen'];
    let value: unknown;
    if (choice) {
      chosen = choice;
      value = choice === 'primary' ? p : s;
    } else if (isEmpty(p) || isEmpty(s) || sameValue(p, s)) {
      chosen = isEmpty(p) ? 'secondary' : 'primary';
      value = isEmpty(p) ? s : p;
    } else if (isListField(field)) {
      chosen = 'both';
      value = unionList(field, primary[field], secondary[field]);
    } else if (field === 'notes') {
      chosen = 'both';
      value = `${String(p).trim()}\n\n${String(s).trim()}`;
    } else {
      chosen = 'primary';
      value = p;
    }
    merged[field] = value;
    rows.push({ field, primary: p, secondary: s, chosen, merged: value });
  }
  return { merged: merged as ContactFields, rows };
}
