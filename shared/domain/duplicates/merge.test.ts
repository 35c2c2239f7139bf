import { describe, expect, it } from 'vitest';
import { ContactFields, type ContactDraft } from '../contact.ts';
import { mergeContacts } from './merge.ts';

const fields = (draft: ContactDraft): ContactFields => ContactFields.parse(draft);

const primary = fields({
  displayName: 'Ann Lee',
  givenName: 'Ann',
  organisation: 'Acme',
  emails: [{ value: 'ann@acme.example', preferred: true }],
  phones: [{ value: '+44 7700 900123', label: 'mobile' }],
  social: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/annlee/' }],
  tags: ['Design'],
  notes: 'Met at DevConf.',
  tier: 'regular',
});
const secondary = fields({
  displayName: 'Annie Lee',
  familyName: 'Lee',
  organisation: 'Acme Ltd',
  role: 'Head of Design',
  emails: [{ value: 'ANN@acme.example' }, { value: 'ann@home.example', preferred: true }],
  phones: [{ value: '07700 900123', label: 'work' }],
  social: [
    { kind: 'linkedin', url: 'linkedin.com/in/annlee' },
    { kind: 'github', url: 'https://github.com/annlee' },
  ],
  tags: ['design', 'mentor'],
  notes: 'Likes climbing.',
  birthday: { month: 2, day: 29 },
});

describe('mergeContacts', () => {
  it('keeps the primary for scalars unless it is empty, and unions lists without duplicates', () => {
    const { merged } = mergeContacts(primary, secondary);
    expect(merged).toMatchObject({
      displayName: 'Ann Lee',
      givenName: 'Ann',
      familyName: 'Lee',
      organisation: 'Acme',
      role: 'Head of Design',
      tier: 'regular',
      birthday: { month: 2, day: 29 },
      notes: 'Met at DevConf.\n\nLikes climbing.',
    });
    // The secondary's preferred flag is dropped: the primary already has a preferred email.
    expect(merged.emails).toEqual([
      { value: 'ann@acme.example', preferred: true },
      { value: 'ann@home.example', preferred: false },
    ]);
    expect(merged.phones).toEqual([{ value: '+44 7700 900123', label: 'mobile' }]);
    expect(merged.social.map((s) => s.kind)).toEqual(['linkedin', 'github']);
    expect(merged.tags).toEqual(['Design', 'mentor']);
    expect(ContactFields.safeParse(merged).success).toBe(true);
  });

  it.each([
    ['a scalar', 'displayName', 'secondary', 'Annie Lee'],
    ['notes: only the chosen side', 'notes', 'primary', 'Met at DevConf.'],
    ['notes from the secondary', 'notes', 'secondary', 'Likes climbing.'],
    ['a list keeps only that side', 'tags', 'secondary', ['design', 'mentor']],
  ] as const)('follows an explicit choice for %s', (_label, field, side, expected) => {
    const { merged, rows } = mergeContacts(primary, secondary, { [field]: side });
    expect(merged[field]).toEqual(expected);
    expect(rows.find((r) => r.field === field)?.chosen).toBe(side);
  });

  it('lists a preview row for every field with a value on either side', () => {
    const { rows } = mergeContacts(primary, secondary);
    const chosen = Object.fromEntries(rows.map((r) => [r.field, r.chosen]));
    expect(chosen).toEqual({
      displayName: 'primary',
      givenName: 'primary',
      familyName: 'secondary',
      emails: 'both',
      phones: 'both',
      organisation: 'primary',
      role: 'secondary',
      social: 'both',
      tags: 'both',
      birthday: 'secondary',
      notes: 'both',
      tier: 'primary',
      archived: 'primary',
    });
    const displayName = rows.find((r) => r.field === 'displayName');
    expect(displayName).toEqual({
      field: 'displayName',
      primary: 'Ann Lee',
      secondary: 'Annie Lee',
      chosen: 'primary',
      merged: 'Ann Lee',
    });
  });

  it('does not repeat identical notes', () => {
    const { merged } = mergeContacts(
      fields({ displayName: 'A', notes: 'Same.' }),
      fields({ displayName: 'B', notes: 'Same.' }),
    );
    expect(merged.notes).toBe('Same.');
  });

  it('treats whitespace-only text as empty', () => {
    const { merged } = mergeContacts(
      { ...fields({ displayName: 'A' }), role: '   ' },
      fields({ displayName: 'B', role: 'CTO' }),
    );
    expect(merged.role).toBe('CTO');
  });
});
