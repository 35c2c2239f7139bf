/**
 * Validates an imported draft against the domain schema. One bad value (an empty e-mail, an
 * over-long tag) should not cost the whole person, so invalid optional parts are left out with
 * a warning; only a missing or invalid name rejects the card. An e-mail address that fails the
 * app's one rule (shared/domain/email.ts) is kept as written, with a warning: it may be a typo
 * the user wants to correct, and dropping it would lose what the file held.
 */
import { ContactFields, type ContactDraft } from '../../../shared/domain/contact.ts';
import { isEmailAddress, notAnEmail } from '../../../shared/domain/email.ts';
import type { ImportProblem } from './types.ts';

type Issue = { path: PropertyKey[]; message: string };

const MAX_ROUNDS = 50;

export function validateDraft(
  draft: ContactDraft,
  where: { file: string; line: number; what: string },
): { draft?: ContactDraft; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const current = normaliseEmpty(structuredClone(draft));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = ContactFields.safeParse(current);
    if (result.success) return { draft: current, problems: [...problems, ...emailWarnings(result.data, where)] };
    const issue = result.error.issues[0] as Issue;
    const field = describePath(issue.path);
    const fatal = issue.path.length === 0 || issue.path[0] === 'displayName' || !dropAt(current, issue.path);
    problems.push({
      file: where.file,
      line: where.line,
      severity: fatal ? 'error' : 'warning',
      message: `${where.what}: ${field}: ${issue.message}${fatal ? ' — person not imported' : ' — left out'}`,
    });
    if (fatal) return { problems };
  }
  problems.push({
    file: where.file,
    line: where.line,
    severity: 'error',
    message: `${where.what}: too many invalid values — person not imported`,
  });
  return { problems };
}

/** A warning for each e-mail address the person forms would refuse; the value is kept. */
function emailWarnings(fields: ContactFields, where: { file: string; line: number; what: string }): ImportProblem[] {
  return fields.emails.flatMap((email, index) =>
    isEmailAddress(email.value)
      ? []
      : [
          {
            file: where.file,
            line: where.line,
            severity: 'warning' as const,
            message: `${where.what}: ${describePath(['emails', index, 'value'])}: ${notAnEmail(email.value)} — kept as written, correct it on the person's page`,
          },
        ],
  );
}

/** Optional text that trims to nothing, at the top and in labelled entries. */
const OPTIONAL_TEXT = new Set<string>([
  'givenName',
  'familyName',
  'nickname',
  'organisation',
  'role',
  'location',
  'howWeMet',
  'lookingFor',
  'canHelpWith',
  'notes',
  'label',
  'poBox',
  'extended',
  'street',
  'locality',
  'region',
  'postalCode',
  'country',
]);

/**
 * Empty text is the same as none: an empty given name or label is trimmed away here, because
 * the export writes nothing for it and a round trip must give back the same person.
 */
export function normaliseEmpty<T extends object>(record: T): T {
  const fields = record as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && OPTIONAL_TEXT.has(key) && !value.trim()) delete fields[key];
    else if (Array.isArray(value) && key !== 'extensions' && key !== 'tags')
      for (const item of value) if (item && typeof item === 'object') normaliseEmpty(item);
  }
  return record;
}

/** What a person's page calls each field, so an import problem names it as the user knows it. */
const FIELD_WORDS: Record<string, string> = {
  displayName: 'Name',
  givenName: 'First name',
  familyName: 'Last name',
  nickname: 'Nickname',
  organisation: 'Organisation',
  role: 'Role',
  emails: 'E-mail',
  phones: 'Phone',
  addresses: 'Address',
  social: 'Profile',
  birthday: 'Birthday',
  tags: 'Tag',
  notes: 'Notes',
  location: 'Location',
  howWeMet: 'How we met',
  lookingFor: 'Looking for',
  canHelpWith: 'Can help with',
  tier: 'Rhythm',
  cadence: 'Rhythm',
  photo: 'Photo',
  extensions: 'Kept column',
  relationships: 'Relationship',
};

/**
 * `['emails', 1, 'value']` → `E-mail 2`, `['birthday', 'day']` → `Birthday`: the field as the
 * person's page names it, numbered in a list. Until 2026-12-03 it was the schema path
 * (`emails[1].value`), which a walkthrough found hard to read.
 */
export function describePath(path: PropertyKey[]): string {
  const [field, index] = path;
  if (typeof field !== 'string') return 'card';
  const word = FIELD_WORDS[field] ?? field;
  return typeof index === 'number' ? `${word} ${index + 1}` : word;
}

/** Removes the array element or optional field the issue points at. */
function dropAt(draft: ContactDraft, path: PropertyKey[]): boolean {
  const record = draft as Record<string, unknown>;
  const [field, index] = path;
  if (typeof field !== 'string' || !(field in record)) return false;
  const value = record[field];
  if (Array.isArray(value) && typeof index === 'number') {
    value.splice(index, 1);
    return true;
  }
  delete record[field];
  return true;
}
