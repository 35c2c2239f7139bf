import { z } from 'zod';
import type { ContactDraft } from '../contact.ts';
import { emailSchema } from '../email.ts';
import { detectSocialKind } from '../social-kind.ts';
import { lazyObject } from '../../lazy-schema.ts';
import { withWebScheme } from '../web-address.ts';

const text = (max: number) => z.string().trim().max(max).default('');

/**
 * What reading a card (a QR code or a paper card) produced: only ever shown in a form for the
 * user to review, never written to the database as it is. Empty strings are fields not found.
 */
export const CardDraft = lazyObject(() => ({
  name: text(200),
  email: text(500),
  phone: text(500),
  organisation: text(200),
  title: text(200),
  url: text(2000),
  note: text(2000),
}));
export type CardDraft = z.infer<typeof CardDraft>;

/** A draft with nothing found (made when asked, so loading this module builds no schema). */
export const emptyCardDraft = (): CardDraft => CardDraft.parse({});

/** Your own details, shown as the QR code of "My card". Name is the one required field. */
export const Profile = lazyObject(() => ({
  name: z.string().trim().min(1, 'Enter your name').max(200, 'Keep the name under 200 characters'),
  email: z.union([z.literal(''), emailSchema()]).default(''),
  phone: z
    .string()
    .trim()
    .max(60)
    .regex(/^[+()\d\s./-]*$/, 'Use digits, spaces and + ( ) - . / only')
    .default(''),
  organisation: text(200),
  title: text(200),
  // "linkedin.com/in/ada" as typed is that address: it gets its https://.
  url: z
    .preprocess(
      (value) => (typeof value === 'string' && value.trim() ? withWebScheme(value.trim()) : value),
      z.union([
        z.literal(''),
        // A host with a dot: "linkedin/sam" is not linkedin.com, and would be a dead link in the QR code.
        z.url({
          protocol: /^https?$/,
          hostname: z.regexes.domain,
          message: 'Enter a web address, like linkedin.com/in/you',
        }),
      ]),
    )
    .default(''),
}));
export type Profile = z.infer<typeof Profile>;

/** A person as our vCard layer reads and writes them (the profile's QR code, a scanned card). */
export function profileToContact(profile: Profile): ContactDraft {
  return {
    displayName: profile.name,
    emails: profile.email ? [{ value: profile.email }] : [],
    phones: profile.phone ? [{ value: profile.phone }] : [],
    ...(profile.organisation ? { organisation: profile.organisation } : {}),
    ...(profile.title ? { role: profile.title } : {}),
    social: profile.url ? [{ kind: detectSocialKind(profile.url), url: profile.url }] : [],
  };
}

/** The fields a review form shows, from a person read out of a vCard. */
export function draftFromContact(contact: ContactDraft): CardDraft {
  return CardDraft.parse({
    name: contact.displayName,
    email: contact.emails?.[0]?.value ?? '',
    phone: contact.phones?.[0]?.value ?? '',
    organisation: contact.organisation ?? '',
    title: contact.role ?? '',
    url: contact.social?.[0]?.url ?? '',
    note: contact.notes ?? '',
  });
}
