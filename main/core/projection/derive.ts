/**
 * What derived data must be, as pure functions of source documents. The projector applies these
 * to each change; a rebuild applies them to everything; tests compare the two.
 */
import { foldText } from '../../../shared/domain/search/text.ts';
import type { ContactDocument } from '../people/schema.ts';
import type { DetailDocument } from '../details/schema.ts';
import type { InteractionDocument } from '../interactions/schema.ts';
import {
  OWN_RHYTHM,
  type FollowUpDocument,
  type MeetingDocument,
  type ParticipationDocument,
  type PersonIndexDocument,
} from './schema.ts';

/** Bump when a rule below changes: the next start rebuilds every derived collection. */
export const PROJECTION_VERSION = 4;
/**
 * Bump when only `personIndexRow` changes: the next start re-derives the people index alone, from
 * the people and the last-contact days it already holds (seconds at 50,000 people, where a full
 * rebuild reads a million interactions: about a minute). 1: names sort with accents folded.
 */
export const PEOPLE_INDEX_VERSION = 1;

export const participationId = (interactionId: string, contactId: string) => `${interactionId}:${contactId}`;

/** One row per distinct person in the interaction; none once it is deleted. */
export function participationsOf(interaction: InteractionDocument & { _deleted?: boolean }): ParticipationDocument[] {
  if (interaction._deleted) return [];
  return [...new Set(interaction.contactIds)].map((contactId) => ({
    id: participationId(interaction.id, contactId),
    interactionId: interaction.id,
    contactId,
    sortKey: interaction.sortKey,
  }));
}

/** The day of an interaction's sort key (`YYYY-MM-DD…`). */
export const dayOfSortKey = (sortKey: string) => sortKey.slice(0, 10);

/** What a follow-up or meeting row carries of its person. */
export interface PersonFacts {
  /** The day of the newest interaction with them, '' when none. */
  lastInteractionOn: string;
  /** Here and not archived: someone reminders are for. */
  active: boolean;
  displayName: string;
}

export const personFacts = (contact: ContactDocument | undefined, lastInteractionOn: string): PersonFacts => ({
  lastInteractionOn,
  active: !!contact && !contact.archived,
  displayName: contact?.displayName ?? '',
});

/**
 * The follow-up row of an open detail with a follow-up day; none otherwise (or once it is
 * deleted). It waits until an interaction on or after that day answers it.
 */
export function followUpOf(
  detail: DetailDocument & { _deleted?: boolean },
  person: PersonFacts,
): FollowUpDocument | undefined {
  if (!hasFollowUp(detail)) return undefined;
  const { id, contactId, followUpOn } = detail;
  return {
    id,
    contactId,
    followUpOn: followUpOn!,
    waiting: person.active && followUpOn! > person.lastInteractionOn,
    displayName: person.displayName,
  };
}

export const hasFollowUp = (detail: DetailDocument & { _deleted?: boolean }): boolean =>
  !detail._deleted && detail.status === 'open' && !!detail.followUpOn;

/** The follow-up rows of these details, by id. */
export function followUpsOf(
  details: Iterable<DetailDocument>,
  personOf: (contactId: string) => PersonFacts,
): Map<string, FollowUpDocument> {
  const rows = new Map<string, FollowUpDocument>();
  for (const detail of details) {
    const row = followUpOf(detail, personOf(detail.contactId));
    if (row) rows.set(row.id, row);
  }
  return rows;
}

/** What a meeting row takes from its interaction alone. */
export type MeetingBase = Omit<MeetingDocument, 'waiting' | 'displayName'>;

const isMeeting = (type: string): type is MeetingDocument['type'] => type === 'conference' || type === 'meet-up';

/** One per distinct person met at a conference or meet-up; none for other interactions, or once deleted. */
export function meetingsOf(interaction: InteractionDocument & { _deleted?: boolean }): MeetingBase[] {
  const { type } = interaction;
  if (interaction._deleted || !isMeeting(type)) return [];
  return [...new Set(interaction.contactIds)].map((contactId) => ({
    id: participationId(interaction.id, contactId),
    interactionId: interaction.id,
    contactId,
    type,
    date: interaction.date,
    ...(interaction.time ? { time: interaction.time } : {}),
  }));
}

/** A meeting waits for its follow-up until any interaction with the person on a later day. */
export const meetingRow = (base: MeetingBase, person: PersonFacts): MeetingDocument => ({
  ...base,
  waiting: person.active && person.lastInteractionOn <= base.date,
  displayName: person.displayName,
});

/** A name's place in name order: "Élodie" among the Es and "Łukasz" among the Ls, not after "Zubair". */
export const sortNameOf = (displayName: string): string => foldText(displayName).slice(0, 200);

/** The person's index row; `lastInteractionOn` is '' when there is no interaction with them. */
export function personIndexRow(contact: ContactDocument, lastInteractionOn: string): PersonIndexDocument {
  const addedOn = contact.createdAt.slice(0, 10);
  return {
    id: contact.id,
    displayName: contact.displayName,
    ...(contact.givenName ? { givenName: contact.givenName } : {}),
    sortName: sortNameOf(contact.displayName),
    ...(contact.organisation ? { organisation: contact.organisation } : {}),
    ...(contact.role ? { role: contact.role } : {}),
    tags: contact.tags ?? [],
    ...(contact.tier ? { tier: contact.tier } : {}),
    ...(contact.cadence ? { cadence: contact.cadence } : {}),
    ...(contact.birthday ? { birthday: contact.birthday } : {}),
    archived: contact.archived,
    addedOn,
    lastInteractionOn,
    rhythm: contact.cadence ? OWN_RHYTHM : (contact.tier ?? ''),
    clockFrom: lastInteractionOn || addedOn,
    birthdayOn: contact.birthday ? monthDay(contact.birthday.month, contact.birthday.day) : '',
  };
}

const monthDay = (month: number, day: number) => `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Everything derived from the full source data: what a rebuild must produce. */
export function deriveAll(
  contacts: Iterable<ContactDocument>,
  interactions: Iterable<InteractionDocument>,
  details: Iterable<DetailDocument>,
): {
  participations: Map<string, ParticipationDocument>;
  peopleIndex: Map<string, PersonIndexDocument>;
  followUps: Map<string, FollowUpDocument>;
  meetings: Map<string, MeetingDocument>;
} {
  const participations = new Map<string, ParticipationDocument>();
  const newest = new Map<string, string>();
  const bases: MeetingBase[] = [];
  for (const interaction of interactions) {
    for (const row of participationsOf(interaction)) {
      participations.set(row.id, row);
      const day = dayOfSortKey(row.sortKey);
      if ((newest.get(row.contactId) ?? '') < day) newest.set(row.contactId, day);
    }
    bases.push(...meetingsOf(interaction));
  }
  const byId = new Map([...contacts].map((contact) => [contact.id, contact]));
  const personOf = (id: string) => personFacts(byId.get(id), newest.get(id) ?? '');
  const followUps = followUpsOf(details, personOf);
  const meetings = new Map(bases.map((base) => [base.id, meetingRow(base, personOf(base.contactId))]));
  const peopleIndex = new Map<string, PersonIndexDocument>();
  for (const contact of byId.values())
    peopleIndex.set(contact.id, personIndexRow(contact, newest.get(contact.id) ?? ''));
  return { participations, peopleIndex, followUps, meetings };
}

/** Equal as stored data (key order and absent-vs-undefined do not matter). */
export function sameRow(a: object, b: object): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}
function sortKeys(value: object): object {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => v !== undefined && !key.startsWith('_'))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}
