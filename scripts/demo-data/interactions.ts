// Streams interactions (and the details learned in them) for a set of contacts, oldest first.
// Each person has a weight from their tier times a heavy-tailed personal factor, so a few close
// people collect many interactions and most have a handful; nobody is met before they were added.
import type { Tier } from '../../shared/domain/contact.ts';
import type { DetailDraft, Sensitivity } from '../../shared/domain/detail.ts';
import type { Favour, Initiator, InteractionDraft, InteractionType } from '../../shared/domain/interaction.ts';
import { dayOf, isoOf, weekdayOf } from './dates.ts';
import { HISTORY_DAYS, type DemoContact } from './contacts.ts';
import { genderOf } from './names.ts';
import {
  BODIES,
  CLOSERS,
  DETAILS_NORMAL,
  DETAILS_PRIVATE,
  DETAILS_SENSITIVE,
  GROUP_BODIES,
  OPENERS,
  POOLS,
  TITLES,
  type DetailTemplate,
} from './phrases.ts';
import { chance, int, pick, pickWeighted, searchCumulative, streamRng, weightedTable, type Rng } from './random.ts';
import { fill, pad } from './template.ts';
import { EVENTS } from './words.ts';

export type DemoInteraction = InteractionDraft & { id: string };
export type DemoDetail = DetailDraft & { id: string };

export interface DemoInteractionOptions {
  interactions: number;
  seed?: number;
  today: string;
}

/** One interaction and whatever was learned in it (usually nothing). */
export interface DemoInteractionBatch {
  interaction: DemoInteraction;
  /** Shared and frozen when empty: copy before changing. */
  details: readonly DemoDetail[];
}

const NO_DETAILS: readonly DemoDetail[] = Object.freeze([]);

const TIER_WEIGHT: Record<Tier, number> = { close: 16, regular: 6, occasional: 2.2, yearly: 1.1 };

const typeTable = weightedTable<InteractionType>([
  ['message', 22],
  ['email', 19],
  ['coffee', 15],
  ['call', 11],
  ['video-call', 13],
  ['social', 7],
  ['meet-up', 5],
  ['conference', 3],
  ['course', 2],
  ['other', 3],
]);
/** Chance that an interaction of this type included more than one person. */
const GROUP_RATE: Record<InteractionType, number> = {
  coffee: 0.12,
  call: 0.04,
  'video-call': 0.15,
  email: 0.1,
  message: 0.06,
  social: 0.03,
  conference: 0.45,
  'meet-up': 0.5,
  course: 0.45,
  other: 0.15,
};
/** Typical hours for each type, when a time is recorded. */
const HOURS: Record<InteractionType, readonly number[]> = {
  coffee: [8, 9, 10, 12, 12, 13, 17],
  call: [9, 10, 11, 14, 15, 16, 17, 18],
  'video-call': [9, 10, 11, 13, 14, 15, 16],
  email: [8, 9, 10, 11, 14, 15, 16, 21],
  message: [8, 12, 13, 18, 19, 20, 21, 22],
  social: [7, 12, 19, 20, 21, 22],
  conference: [9, 10, 11, 13, 14, 15, 16],
  'meet-up': [18, 18, 19, 19, 20],
  course: [9, 10, 18, 19],
  other: [10, 12, 15, 19],
};
const initiatorTable = weightedTable<Initiator | undefined>([
  ['me', 45],
  ['them', 35],
  ['both', 10],
  [undefined, 10],
]);
const gaveTable = weightedTable<Favour>([
  ['advice', 30],
  ['intro', 20],
  ['information', 20],
  ['congratulations', 15],
  ['referral', 8],
  ['favour', 7],
]);
const askedTable = weightedTable<Favour>([
  ['advice', 35],
  ['intro', 25],
  ['information', 20],
  ['referral', 10],
  ['favour', 10],
]);
const MINUTES = ['00', '00', '00', '15', '30', '30', '45', '05', '10', '20', '40', '50'];

interface Person {
  readonly id: string;
  readonly first: string;
  readonly they: string;
  readonly them: string;
  readonly their: string;
  readonly city: string | undefined;
  readonly org: string | undefined;
}

function toPerson(contact: DemoContact): Person {
  const first = contact.nickname ?? contact.givenName ?? contact.displayName.split(' ')[0] ?? contact.displayName;
  const gender = genderOf(contact.givenName ?? '');
  return {
    id: contact.id,
    first,
    they: gender === 'f' ? 'she' : gender === 'm' ? 'he' : first,
    them: gender === 'f' ? 'her' : gender === 'm' ? 'him' : 'them',
    their: gender === 'f' ? 'her' : gender === 'm' ? 'his' : 'their',
    city: contact.location?.split(',')[0],
    org: contact.organisation,
  };
}

export function* generateDemoInteractions(
  contacts: readonly DemoContact[],
  options: DemoInteractionOptions,
): Generator<DemoInteractionBatch> {
  const total = options.interactions;
  if (!Number.isInteger(total) || total < 0) throw new Error('interactions must be a whole number of at least 0');
  if (total === 0) return;
  if (contacts.length === 0) throw new Error('Interactions need at least one contact');
  const rng = streamRng(options.seed ?? 1, 2);
  const today = dayOf(options.today);
  const start = today - HISTORY_DAYS;
  const span = HISTORY_DAYS + 1;

  // People in the order they were added, with cumulative weights: on any day only a prefix exists.
  const addedDay = contacts.map((c) => Math.min(today, Math.max(start, dayOf(c.addedOn))));
  const order = contacts.map((_, i) => i).sort((a, b) => (addedDay[a] as number) - (addedDay[b] as number) || a - b);
  const people = order.map((i) => toPerson(contacts[i] as DemoContact));
  const cumulative = new Float64Array(order.length);
  let sum = 0;
  order.forEach((index, k) => {
    const contact = contacts[index] as DemoContact;
    const personal = Math.min(10, rng() ** -0.55); // heavy tail: most near 1, a few far higher
    sum += (contact.tier ? TIER_WEIGHT[contact.tier] : 1) * personal * (contact.archived ? 0.2 : 1);
    cumulative[k] = sum;
  });

  // How many people exist on each day, and how busy each day is.
  const known = new Int32Array(span);
  const dayCumulative = new Float64Array(span);
  let pointer = 0;
  let dayTotal = 0;
  for (let d = 0; d < span; d++) {
    while (pointer < order.length && (addedDay[order[pointer] as number] as number) <= start + d) pointer++;
    known[d] = pointer;
    const weekend = weekdayOf(start + d) % 6 === 0 ? 0.35 : 1;
    const growing = 0.7 + (0.6 * d) / span; // the user logs more as the habit sticks
    dayTotal += pointer === 0 ? 0 : (cumulative[pointer - 1] as number) ** 0.85 * weekend * growing;
    dayCumulative[d] = dayTotal;
  }
  const days = new Int32Array(total);
  for (let i = 0; i < total; i++) days[i] = searchCumulative(dayCumulative, rng() * dayTotal);
  days.sort();

  const pickPerson = (limit: number): number =>
    searchCumulative(cumulative, rng() * (cumulative[limit - 1] as number), limit);
  let detailCount = 0;
  const detailId = () => `demo-d-${pad(++detailCount, 6)}`;

  for (let i = 0; i < total; i++) {
    const dayIndex = days[i] as number;
    const day = start + dayIndex;
    const limit = known[dayIndex] as number;
    const type = pickWeighted(rng, typeTable);
    const chosen = [pickPerson(limit)];
    if (limit > 1 && chance(rng, GROUP_RATE[type])) {
      const size = chance(rng, 0.6) ? 2 : chance(rng, 0.7) ? 3 : 4;
      for (let attempt = 0; chosen.length < size && attempt < 12; attempt++) {
        const k = pickPerson(limit);
        if (!chosen.includes(k)) chosen.push(k);
      }
    }
    const group = chosen.map((k) => people[k] as Person);
    const iso = isoOf(day);
    const vars = personVars(rng, group, iso);

    const interaction: DemoInteraction = {
      id: `demo-i-${pad(i + 1, 7)}`,
      type,
      date: iso,
      contactIds: group.map((p) => p.id),
      gave: [],
      asked: [],
      mutual: false,
    };
    if (chance(rng, 0.3)) interaction.time = `${pad(pick(rng, HOURS[type]), 2)}:${pick(rng, MINUTES)}`;
    const initiator = pickWeighted(rng, initiatorTable);
    if (initiator) interaction.initiatedBy = initiator;
    if (chance(rng, type === 'conference' || type === 'meet-up' || type === 'course' ? 0.85 : 0.45))
      interaction.title = fill(pick(rng, TITLES[type]), vars, POOLS, rng);
    if (chance(rng, 0.78)) interaction.notes = makeNote(rng, type, group.length > 1, vars);
    addReciprocity(rng, interaction);

    let details: readonly DemoDetail[] = NO_DETAILS;
    if (chance(rng, 0.09)) details = [makeDetail(rng, detailId(), pick(rng, group), day, today, vars, interaction.id)];
    if (chance(rng, 0.01)) {
      // Remembered outside any logged interaction.
      const someone = people[pickPerson(limit)] as Person;
      details = [...details, makeDetail(rng, detailId(), someone, day, today, personVars(rng, [someone], iso))];
    }
    yield { interaction, details };
  }
}

function personVars(rng: Rng, group: readonly Person[], iso: string): Record<string, string | undefined> {
  const lead = group[0] as Person;
  let names = lead.first;
  if (group.length > 1) {
    const firsts = group.map((p) => p.first);
    names = `${firsts.slice(0, -1).join(', ')} and ${firsts[firsts.length - 1]}`;
  }
  return {
    first: lead.first,
    names,
    // With several people a pronoun would be ambiguous, so name the person instead.
    they: group.length > 1 ? lead.first : lead.they,
    them: group.length > 1 ? lead.first : lead.them,
    their: group.length > 1 ? `${lead.first}’s` : lead.their,
    city: lead.city && chance(rng, 0.5) ? lead.city : undefined,
    org: lead.org,
    event: pick(rng, EVENTS),
    year: iso.slice(0, 4),
    n: String(int(rng, 2, 10)),
  };
}

function makeNote(rng: Rng, type: InteractionType, isGroup: boolean, vars: Record<string, string | undefined>): string {
  const opener = fill(pick(rng, OPENERS[type]), vars, POOLS, rng);
  const body = fill(pick(rng, isGroup && chance(rng, 0.5) ? GROUP_BODIES : BODIES), vars, POOLS, rng);
  if (!chance(rng, 0.3)) return [opener, body].join(' ');
  return [opener, body, fill(pick(rng, CLOSERS), vars, POOLS, rng)].join(' ');
}

/** From the user's side: gave ~20%, asked ~12%, a mutual exchange ~10%, most with neither. */
function addReciprocity(rng: Rng, interaction: DemoInteraction): void {
  const r = rng();
  if (r < 0.1) {
    interaction.mutual = true;
    interaction.gave = [pickWeighted(rng, gaveTable)];
    interaction.asked = [pickWeighted(rng, askedTable)];
  } else if (r < 0.3) {
    const gave = new Set([pickWeighted(rng, gaveTable)]);
    if (chance(rng, 0.15)) gave.add(pickWeighted(rng, gaveTable));
    interaction.gave = [...gave];
  } else if (r < 0.42) {
    interaction.asked = [pickWeighted(rng, askedTable)];
  }
}

const sensitivityTable = weightedTable<Sensitivity>([
  ['normal', 85],
  ['private', 11],
  ['sensitive', 4],
]);
const DETAIL_TEMPLATES: Record<Sensitivity, readonly DetailTemplate[]> = {
  normal: DETAILS_NORMAL,
  private: DETAILS_PRIVATE,
  sensitive: DETAILS_SENSITIVE,
};

function makeDetail(
  rng: Rng,
  id: string,
  person: Person,
  day: number,
  today: number,
  groupVars: Record<string, string | undefined>,
  interactionId?: string,
): DemoDetail {
  const sensitivity = pickWeighted(rng, sensitivityTable);
  const template = pick(rng, DETAIL_TEMPLATES[sensitivity]);
  const vars = {
    ...groupVars,
    first: person.first,
    they: person.they,
    them: person.them,
    their: person.their,
    org: person.org,
  };
  const detail: DemoDetail = {
    id,
    contactId: person.id,
    text: fill(template.text, vars, POOLS, rng),
    learnedOn: isoOf(day),
    sensitivity,
    status: 'open',
  };
  if (interactionId) detail.interactionId = interactionId;
  if (template.followUp ? chance(rng, 0.7) : chance(rng, 0.1)) {
    const [min, max] = template.followUp ?? [14, 90];
    detail.followUpOn = isoOf(day + int(rng, min, max)); // may be after today: that is what a follow-up is
  }
  const age = today - day;
  const r = rng();
  if (age > 30 && r < 0.35) {
    detail.status = 'resolved';
    detail.resolvedOn = isoOf(day + int(rng, 1, Math.min(age, 180)));
  } else if (age > 30 && r < 0.45) {
    detail.status = 'expired';
  } else if (age <= 30 && r < 0.08) {
    detail.status = 'resolved';
    detail.resolvedOn = isoOf(day + int(rng, 0, age));
  }
  return detail;
}
