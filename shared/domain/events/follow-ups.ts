import { addDays, parseISO } from '../../date-fns.ts';
import type { Starter } from '../../content/schema.ts';
import type { InteractionType } from '../interaction.ts';
import { suggestStarters, type SuggestDetail } from '../starters/personalise.ts';

/**
 * The follow-up queue after an event, pure so it is table-tested. Everyone met gets a drafted
 * message, due within 48 hours of meeting ("follow up" is half the advice), then listed as
 * "late but still worth it" rather than dropped: a late note still beats none.
 */

export const FOLLOW_UP_DAYS = 2;

export type FollowUpState = 'due' | 'late' | 'done';

export interface MetPerson {
  contactId: string;
  displayName: string;
  givenName?: string | undefined;
  /** The day they were met (the met interaction's date). */
  metOn: string;
  email?: string | undefined;
  details: SuggestDetail[];
  /** The day of the first follow-up logged with the event, if any. */
  followedUpOn?: string | undefined;
}

export interface FollowUpItem {
  contactId: string;
  displayName: string;
  state: FollowUpState;
  metOn: string;
  /** The last day it counts as on time. */
  dueBy: string;
  followedUpOn?: string | undefined;
  subject: string;
  draft: string;
  /** Their e-mail address, when known: the app opens the message, as edited, in the mail program. */
  email?: string | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** `date` plus `days`, as `YYYY-MM-DD`; spelled out because date-fns' `format` loads its locale machinery (~40 MB in main). */
const day = (date: string, days: number) => {
  const d = addDays(parseISO(date), days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

export function firstNameOf(person: { displayName: string; givenName?: string | undefined }): string {
  return (person.givenName?.trim() || person.displayName.trim().split(/\s+/)[0]) ?? '';
}

export interface QueueInput {
  event: { id: string; name: string; metType: InteractionType };
  met: readonly MetPerson[];
  today: string;
  library: readonly Starter[];
  signature?: string | undefined;
}

/** Due ones first (soonest deadline first), then late ones (most recent first), then those done. */
export function followUpQueue(input: QueueInput): FollowUpItem[] {
  const items = input.met.map((person) => itemFor(person, input));
  const order: Record<FollowUpState, number> = { due: 0, late: 1, done: 2 };
  return items.sort(
    (a, b) =>
      order[a.state] - order[b.state] ||
      (a.state === 'late' ? b.dueBy.localeCompare(a.dueBy) : a.dueBy.localeCompare(b.dueBy)) ||
      a.displayName.localeCompare(b.displayName, 'en-GB'),
  );
}

function itemFor(person: MetPerson, input: QueueInput): FollowUpItem {
  const dueBy = day(person.metOn, FOLLOW_UP_DAYS);
  const state: FollowUpState = person.followedUpOn ? 'done' : input.today <= dueBy ? 'due' : 'late';
  const { subject, draft } = draftFor(person, input, state);
  const item: FollowUpItem = {
    contactId: person.contactId,
    displayName: person.displayName,
    state,
    metOn: person.metOn,
    dueBy,
    subject,
    draft,
  };
  if (person.followedUpOn) item.followedUpOn = person.followedUpOn;
  if (person.email) item.email = person.email;
  return item;
}

/**
 * A short email: a greeting, one line from the starter library chosen for this moment (48-hour or
 * late follow-up, personalised with their name, the event and something they said) and a
 * sign-off. Sensitive details are never used: suggestStarters leaves them out.
 */
export function draftFor(
  person: MetPerson,
  input: QueueInput,
  state: FollowUpState,
): { subject: string; draft: string } {
  const firstName = firstNameOf(person);
  // The moment the message is written for: on time uses the 48-hour lines, late the late ones.
  const today = state === 'late' ? input.today : person.metOn;
  const situation = state === 'late' ? 'late-follow-up' : 'follow-up-48h';
  const [line] = suggestStarters(
    {
      person: { firstName },
      details: person.details,
      lastInteraction: { date: person.metOn, type: input.event.metType, title: input.event.name },
      channel: 'email',
      today,
      limit: 1,
      allowPrivate: false,
    },
    input.library.filter((s) => s.situation === situation),
  );
  const { greeting, body } = splitGreeting(
    line?.text ?? `It was good to meet you at ${input.event.name}. I'd be glad to stay in touch.`,
    firstName ? `Hi ${firstName},` : 'Hello,',
  );
  const signOff = input.signature?.trim() ? `Best wishes,\n${input.signature.trim()}` : 'Best wishes';
  return { subject: `Good to meet you at ${input.event.name}`, draft: `${greeting}\n\n${body}\n\n${signOff}` };
}

/**
 * Library lines often open with their own greeting ("Hi Ann, great to meet you…"); that becomes
 * the email's greeting line instead of a second "Hi Ann," above it.
 */
export function splitGreeting(line: string, fallback: string): { greeting: string; body: string } {
  const match = /^((?:hi|hello|hey|dear)\b[^,!.?]{0,60})[,!]\s*(\S[\s\S]*)$/i.exec(line.trim());
  if (!match) return { greeting: fallback, body: line.trim() };
  const rest = match[2]!;
  return { greeting: `${match[1]!.trim()},`, body: rest.charAt(0).toLocaleUpperCase('en-GB') + rest.slice(1) };
}

export interface EventReview {
  met: number;
  followedUp: number;
  /** Still on time or late, not yet done. */
  waiting: number;
  goal: string;
  /** "You met 3 people; your goal was one or two genuine connections." */
  summary: string;
}

export function reviewOf(queue: readonly FollowUpItem[], goal: string): EventReview {
  const followedUp = queue.filter((q) => q.state === 'done').length;
  const met = queue.length;
  const people = met === 1 ? '1 person' : `${met} people`;
  const summary =
    met === 0
      ? 'Nobody logged yet. Quick capture adds the people you meet.'
      : `You met ${people} and followed up with ${followedUp}.`;
  return { met, followedUp, waiting: met - followedUp, goal, summary };
}
