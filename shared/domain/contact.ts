import { z } from 'zod';
import { Cadence } from './cadence.ts';
import { Relationship } from './network/relationships.ts';
import { lazyExtend, lazyObject } from '../lazy-schema.ts';

/** Calendar date without a time, `YYYY-MM-DD`. */
/** What a malformed date is told, wherever dates are typed as text (CSV, the CLI). */
export const ISO_DATE_MESSAGE = 'Use a date like 2026-03-14';
export const IsoDate = z.iso.date({ error: ISO_DATE_MESSAGE });
/** An instant in UTC, ISO 8601 with `Z`. */
export const IsoInstant = z.iso.datetime({ error: 'Use an ISO date-time in UTC' });

const optionalText = (max: number) => z.string().trim().max(max).optional();

export const LabelledValue = lazyObject(() => ({
  value: z.string().trim().min(1, 'Enter a value').max(500),
  /** Free text as the user or the source wrote it: "work", "mobile", "Partner's phone". */
  label: optionalText(100),
  preferred: z.boolean().optional(),
}));
export type LabelledValue = z.infer<typeof LabelledValue>;

export const SocialKind = z.enum(['linkedin', 'x', 'mastodon', 'github', 'website', 'other']);
export type SocialKind = z.infer<typeof SocialKind>;

export const SocialProfile = lazyObject(() => ({
  kind: SocialKind,
  url: z.string().trim().min(1).max(2000),
  label: optionalText(100),
}));
export type SocialProfile = z.infer<typeof SocialProfile>;

export const PostalAddress = lazyObject(() => ({
  label: optionalText(100),
  poBox: optionalText(200),
  extended: optionalText(200),
  street: optionalText(500),
  locality: optionalText(200),
  region: optionalText(200),
  postalCode: optionalText(50),
  country: optionalText(200),
}));
export type PostalAddress = z.infer<typeof PostalAddress>;

/** A birthday with or without a year (many address books store `--MM-DD`). */
export const Birthday = lazyObject(() => ({
  year: z.number().int().min(1800, 'Use a year from 1800 on').max(9999, 'Use a four-digit year').optional(),
  month: z.number().int().min(1, 'Months go from 1 to 12').max(12, 'Months go from 1 to 12'),
  day: z
    .number()
    .int()
    .min(1, 'That day does not exist in that month')
    .max(31, 'That day does not exist in that month'),
})).refine((b) => b.day <= daysInMonth(b.month, b.year), {
  message: 'That day does not exist in that month',
  path: ['day'],
});
export type Birthday = z.infer<typeof Birthday>;

function daysInMonth(month: number, year: number | undefined): number {
  // Without a year, 29 February is allowed: it is a real birthday.
  if (month === 2) return year === undefined || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export const Photo = lazyObject(() => ({
  mediaType: z.string().regex(/^image\/[a-z0-9.+-]+$/i, 'Photos must be images'),
  /** Base64 without a data: prefix. Capped at about 1.5 MB of image. */
  data: z.string().max(2_000_000),
}));
export type Photo = z.infer<typeof Photo>;

/** A vCard property Rapport does not model, kept so a round trip loses nothing. */
export const VCardExtension = lazyObject(() => ({
  group: z.string().max(100).optional(),
  name: z.string().min(1).max(100),
  params: z
    .record(z.string().max(100), z.union([z.string().max(1000), z.array(z.string().max(1000)).max(20)]))
    .refine((params) => Object.keys(params).length <= 30, 'A property has at most 30 parameters'),
  value: z.string().max(100_000),
}));
export type VCardExtension = z.infer<typeof VCardExtension>;

export const Tier = z.enum(['close', 'regular', 'occasional', 'yearly']);
export type Tier = z.infer<typeof Tier>;

/** Everything a person can type or import about someone. */
export const ContactFields = lazyObject(() => ({
  displayName: z.string().trim().min(1, 'Name is required').max(200, 'Keep the name under 200 characters'),
  givenName: optionalText(200),
  familyName: optionalText(200),
  nickname: optionalText(200),
  photo: Photo.optional(),
  emails: z.array(LabelledValue).max(50).default([]),
  phones: z.array(LabelledValue).max(50).default([]),
  addresses: z.array(PostalAddress).max(20).default([]),
  organisation: optionalText(200),
  role: optionalText(200),
  location: optionalText(200),
  howWeMet: optionalText(2000),
  metAtEventId: z.string().min(1).max(64).optional(),
  social: z.array(SocialProfile).max(50).default([]),
  tags: z.array(z.string().trim().min(1).max(60)).max(100).default([]),
  birthday: Birthday.optional(),
  lookingFor: optionalText(2000),
  canHelpWith: optionalText(2000),
  notes: optionalText(100_000),
  tier: Tier.optional(),
  /** Overrides the tier's rhythm for this person. */
  cadence: Cadence.optional(),
  archived: z.boolean().default(false),
  extensions: z.array(VCardExtension).max(500).default([]),
}));
export type ContactFields = z.infer<typeof ContactFields>;
/** What a form or an importer sends: defaults not yet applied. */
export type ContactDraft = z.input<typeof ContactFields>;

export const Contact = lazyExtend(ContactFields, () => ({
  id: z.string().min(1).max(64),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  /**
   * How this person is related to others (shared/domain/network/relationships.ts). Not one of the
   * editable `ContactFields`: only the people area's relationship operations write it, on both
   * people at once, so an edit form or an import never drops it.
   */
  relationships: z.array(Relationship).max(500).optional(),
}));
export type Contact = z.infer<typeof Contact>;
