import { z } from 'zod';
import { Tier } from '../../../shared/domain/contact.ts';
import {
  ANNOUNCEMENT_LABELS,
  type Announcement,
  type AnnouncementKind,
  type Opening,
} from '../../../shared/domain/network/outreach.ts';
import { DraftText } from '../../ui/drafts/draft-store.ts';

/** The composer's fields as typed (all text); `toAnnouncement` turns them into the contract's shape. */
export const AnnouncementForm = z.object({
  kind: z.enum(Object.keys(ANNOUNCEMENT_LABELS) as [AnnouncementKind, ...AnnouncementKind[]]),
  leaving: DraftText,
  next: DraftText,
  role: DraftText,
  organisation: DraftText,
  city: DraftText,
  movingOn: DraftText,
  eventName: DraftText,
  startsOn: DraftText,
  endsOn: DraftText,
  place: DraftText,
  tags: DraftText,
  organisations: DraftText,
  tiers: z.array(Tier).max(10),
  contactIds: z.array(z.string().max(200)).max(50_000),
  signature: DraftText,
});
export type AnnouncementForm = z.infer<typeof AnnouncementForm>;

export const EMPTY_FORM: AnnouncementForm = {
  kind: 'changing-jobs',
  ...{ leaving: '', next: '', role: '', organisation: '', city: '', movingOn: '' },
  ...{ eventName: '', startsOn: '', endsOn: '', place: '', tags: '', organisations: '' },
  tiers: [],
  contactIds: [],
  signature: '',
};

/** A form filled from an announcement (the events screen opens the composer with its event). */
export function formFrom(a: Announcement | undefined): AnnouncementForm {
  if (!a) return EMPTY_FORM;
  switch (a.kind) {
    case 'changing-jobs':
      return { ...EMPTY_FORM, kind: a.kind, leaving: a.leaving ?? '', next: a.next ?? '' };
    case 'new-role':
      return { ...EMPTY_FORM, kind: a.kind, role: a.role, organisation: a.organisation ?? '' };
    case 'moving':
      return { ...EMPTY_FORM, kind: a.kind, city: a.city, movingOn: a.movingOn ?? '' };
    case 'at-event':
      return {
        ...EMPTY_FORM,
        kind: a.kind,
        eventName: a.event.name,
        startsOn: a.event.startsOn,
        endsOn: a.event.endsOn ?? '',
        place: a.event.place ?? '',
      };
  }
}

const opt = (value: string) => (value.trim() ? value.trim() : undefined);
const list = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** What the form sends; main validates it (an empty role or event name comes back as a field error). */
export function toRequest(f: AnnouncementForm) {
  const announcement = {
    'changing-jobs': { kind: 'changing-jobs', leaving: opt(f.leaving), next: opt(f.next) },
    'new-role': { kind: 'new-role', role: f.role, organisation: opt(f.organisation) },
    moving: { kind: 'moving', city: f.city, movingOn: opt(f.movingOn) },
    'at-event': {
      kind: 'at-event',
      event: { name: f.eventName, startsOn: f.startsOn, endsOn: opt(f.endsOn), place: opt(f.place) },
    },
  }[f.kind] as Announcement;
  return {
    announcement,
    segment: { tags: list(f.tags), organisations: list(f.organisations), tiers: f.tiers, contactIds: f.contactIds },
    signature: opt(f.signature),
  };
}

/** How a sent draft is logged: invitations and give-first notes ask for nothing. */
export const purposeOf = (kind: AnnouncementKind, opening: Opening) =>
  opening === 'give-first' ? 'announcement-give-first' : kind === 'at-event' ? 'invitation' : 'announcement-ask';

/** Field messages keyed by the last name in an error's path (`announcement.event.name` → `name`). */
export type FieldErrors = Record<string, string>;

export function fieldErrors(
  details: { path: (string | number)[]; message: string }[] | undefined,
  fallback: string,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const d of details ?? []) {
    const key = String(d.path.filter((p) => typeof p === 'string').at(-1) ?? 'form');
    errors[key] ??= d.message;
  }
  if (!Object.keys(errors).length) errors.form = fallback;
  return errors;
}
