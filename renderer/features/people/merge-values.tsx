import type { ContactFields, Photo } from '../../../shared/domain/contact.ts';
import { TIER_NAMES } from '../../../shared/domain/cadence.ts';
import { birthdayText } from '../person/ContactFacts.tsx';

/** Field names as a person reads them in the merge view. */
export const FIELD_LABELS: Record<keyof ContactFields, string> = {
  displayName: 'Name',
  givenName: 'Given name',
  familyName: 'Family name',
  nickname: 'Nickname',
  photo: 'Photo',
  emails: 'Emails',
  phones: 'Phones',
  addresses: 'Addresses',
  organisation: 'Organisation',
  role: 'Role',
  location: 'Location',
  howWeMet: 'How we met',
  metAtEventId: 'Met at',
  social: 'Online',
  tags: 'Tags',
  birthday: 'Birthday',
  lookingFor: 'Looking for',
  canHelpWith: 'Can help with',
  notes: 'Notes',
  tier: 'Rhythm',
  cadence: 'Own rhythm',
  archived: 'Archived',
  extensions: 'Other imported fields',
};

const lines = (items: string[]) => (
  <ul className="plain">
    {items.map((t, i) => (
      <li key={i}>{t}</li>
    ))}
  </ul>
);

/** One field's value, readable: photos as images, lists as lines, never raw JSON. */
export function FieldValue({ field, value }: { field: keyof ContactFields; value: unknown }) {
  if (value === undefined || value === null || (Array.isArray(value) && !value.length) || value === '')
    return <span className="muted">—</span>;
  const f = value as ContactFields[keyof ContactFields];
  switch (field) {
    case 'photo': {
      const photo = f as Photo;
      return <img className="merge-photo" src={`data:${photo.mediaType};base64,${photo.data}`} alt="Photo" />;
    }
    case 'emails':
    case 'phones':
      return lines((f as ContactFields['emails']).map((v) => (v.label ? `${v.value} (${v.label})` : v.value)));
    case 'addresses':
      return lines(
        (f as ContactFields['addresses']).map((a) =>
          [a.street, a.locality, a.region, a.postalCode, a.country].filter(Boolean).join(', '),
        ),
      );
    case 'social':
      return lines((f as ContactFields['social']).map((s) => s.url));
    case 'tags':
      return <>{(f as string[]).join(', ')}</>;
    case 'birthday':
      return <>{birthdayText(f as NonNullable<ContactFields['birthday']>)}</>;
    case 'tier':
      // The tier's name: which tier each side has is what the choice is about.
      return <>{TIER_NAMES[f as NonNullable<ContactFields['tier']>]}</>;
    case 'cadence': {
      const c = f as NonNullable<ContactFields['cadence']>;
      return <>{`Due after ${c.idealDays} days, overdue after ${c.maxDays}`}</>;
    }
    case 'archived':
      return <>{f ? 'Yes' : 'No'}</>;
    case 'extensions':
      return lines((f as ContactFields['extensions']).map((x) => `${x.name}: ${x.value}`));
    default:
      return <span className="pre">{String(f)}</span>;
  }
}
