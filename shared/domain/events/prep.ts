import type { Channel, Starter } from '../../content/schema.ts';
import type { EventKind, EventPractice } from './model.ts';
import { STARTER_SITUATIONS_FOR } from './model.ts';

/**
 * The prep sheet's selection rules, pure so they are table-tested: who you know that is likely
 * to be there, which starters suit the room, and which fear-ladder step to practise.
 */

export type LikelyReason = 'going' | 'organisation' | 'tag' | 'past-event';

export interface PrepPerson {
  id: string;
  displayName: string;
  organisation?: string | undefined;
  tags: readonly string[];
  archived: boolean;
}

export interface LikelyInput {
  event: {
    id: string;
    name: string;
    organisations: readonly string[];
    tags: readonly string[];
    going: readonly string[];
  };
  people: readonly PrepPerson[];
  /** Other events each person attended (met there or marked going), by person id. */
  pastEvents: ReadonlyMap<string, readonly { id: string; name: string }[]>;
  /** People already met at this event: they are in the follow-up queue, not the prep sheet. */
  metHere: ReadonlySet<string>;
  limit?: number;
}

export interface LikelyAttendee {
  contactId: string;
  reasons: LikelyReason[];
}

const norm = (text: string) => text.normalize('NFKC').trim().toLocaleLowerCase('en-GB').replace(/\s+/g, ' ');

/**
 * What stays the same between editions of a series: the name without years, edition numbers
 * and ordinals ("DevConf 2026" and "devconf 2025" → "devconf"; "Meet-up #12" → "meet-up").
 */
export function seriesKey(name: string): string {
  return norm(name)
    .replace(/\b(19|20)\d{2}\b/g, ' ')
    .replace(/#\s*\d+/g, ' ')
    .replace(/\b\d+(st|nd|rd|th)?\b/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const LIKELY_LIMIT = 30;

/**
 * People likely to be there: anyone marked "going", anyone at an organisation or with a tag the
 * event names, and anyone met at an earlier edition of the same series. Archived people only
 * when marked going. Going first, then the most reasons, then by name.
 */
export function likelyAttendees(input: LikelyInput): LikelyAttendee[] {
  const { event } = input;
  const going = new Set(event.going);
  const organisations = new Set(event.organisations.map(norm).filter(Boolean));
  const tags = new Set(event.tags.map(norm).filter(Boolean));
  const series = seriesKey(event.name);
  const found: (LikelyAttendee & { name: string })[] = [];
  for (const person of input.people) {
    if (input.metHere.has(person.id)) continue;
    const reasons: LikelyReason[] = [];
    if (going.has(person.id)) reasons.push('going');
    else if (person.archived) continue;
    if (person.organisation && organisations.has(norm(person.organisation))) reasons.push('organisation');
    if (person.tags.some((t) => tags.has(norm(t)))) reasons.push('tag');
    const past = input.pastEvents.get(person.id) ?? [];
    if (series && past.some((e) => e.id !== event.id && seriesKey(e.name) === series)) reasons.push('past-event');
    if (reasons.length) found.push({ contactId: person.id, reasons, name: person.displayName });
  }
  return found
    .sort(
      (a, b) =>
        Number(b.reasons[0] === 'going') - Number(a.reasons[0] === 'going') ||
        b.reasons.length - a.reasons.length ||
        a.name.localeCompare(b.name, 'en-GB'),
    )
    .slice(0, input.limit ?? LIKELY_LIMIT)
    .map(({ contactId, reasons }) => ({ contactId, reasons }));
}

/** FNV-1a, so the same event always shows the same three starters and different events differ. */
function hash(input: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < input.length; i++) {
    h ^= input.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const SAID_IN_THE_ROOM: ReadonlySet<Channel> = new Set(['in-person', 'any']);
const BRACKET = /\[[^\]]*\]|\{[^}]*\}/;

/**
 * Three lines to say in the room: from the situations that suit the event's kind (the first
 * situation first), ready to use (not examples), said in person, and with no blanks to fill,
 * because there is no person to fill them for yet. Favourites come first.
 */
export function eventStarters(
  input: { eventId: string; kind: EventKind; favourites?: readonly string[]; count?: number },
  library: readonly Starter[],
): Starter[] {
  const situations = STARTER_SITUATIONS_FOR[input.kind];
  const favourites = new Set(input.favourites ?? []);
  const fits = library.filter(
    (s) =>
      situations.includes(s.situation) &&
      (s.kind ?? 'suggestible') === 'suggestible' &&
      SAID_IN_THE_ROOM.has(s.channel) &&
      !BRACKET.test(s.text),
  );
  return fits
    .map((starter) => ({
      starter,
      rank: situations.indexOf(starter.situation),
      favourite: favourites.has(starter.id),
      tie: hash(`${input.eventId}|${starter.id}`),
    }))
    .sort((a, b) => Number(b.favourite) - Number(a.favourite) || a.rank - b.rank || a.tie - b.tie)
    .slice(0, input.count ?? 3)
    .map((s) => s.starter);
}

export interface PracticeLadder {
  id: string;
  name: string;
  steps: readonly { id: string; text: string; suds: number; situation?: string | undefined }[];
}

export interface PracticeStepChoice extends EventPractice {
  ladderName: string;
  text: string;
  suds: number;
  /** True when the user chose it for this event; false when it is only a suggestion. */
  chosen: boolean;
}

/**
 * The step to offer as this event's practice: the one already chosen while it exists; otherwise
 * the easiest step not yet done whose situation matches the event, then the easiest undone step
 * with no situation or corridor small talk (which fits any room). Undefined without a ladder.
 */
export function practiceStepFor(input: {
  situation: string;
  chosen?: EventPractice | undefined;
  ladders: readonly PracticeLadder[];
  doneStepIds: ReadonlySet<string>;
}): PracticeStepChoice | undefined {
  const steps = input.ladders.flatMap((ladder) => ladder.steps.map((step, order) => ({ ladder, step, order })));
  if (input.chosen) {
    const hit = steps.find((s) => s.ladder.id === input.chosen!.ladderId && s.step.id === input.chosen!.stepId);
    if (hit) return choice(hit, true);
  }
  const undone = steps.filter((s) => !input.doneStepIds.has(s.step.id));
  const easiest = (list: typeof undone) => [...list].sort((a, b) => a.step.suds - b.step.suds || a.order - b.order)[0];
  const match =
    easiest(undone.filter((s) => s.step.situation === input.situation)) ??
    easiest(undone.filter((s) => !s.step.situation || s.step.situation === 'corridor-small-talk'));
  return match ? choice(match, false) : undefined;
}

function choice(
  { ladder, step }: { ladder: PracticeLadder; step: PracticeLadder['steps'][number] },
  chosen: boolean,
): PracticeStepChoice {
  return { ladderId: ladder.id, stepId: step.id, ladderName: ladder.name, text: step.text, suds: step.suds, chosen };
}
