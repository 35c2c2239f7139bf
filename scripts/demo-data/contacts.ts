// Generates invented contacts: names, organisations, reserved-domain emails, fictional phone
// numbers, birthdays, tiers, tags and profile lines.
import type { Birthday, ContactDraft, LabelledValue, SocialProfile, Tier } from '../../shared/domain/contact.ts';
import { dayOf, daysInMonth, isLeapYear, isoOf, yearOf } from './dates.ts';
import { FAMOUS_PAIRINGS, NAME_CULTURES, NICKNAMES, type NameCulture } from './names.ts';
import { POOLS } from './phrases.ts';
import { chance, int, pick, pickWeighted, streamRng, weightedTable, type Rng } from './random.ts';
import { asciiSlug, fill, pad } from './template.ts';
import {
  CAN_HELP_WITH,
  CITIES,
  CONTACT_NOTES,
  EVENTS,
  HOW_WE_MET,
  LOOKING_FOR,
  NON_PROFIT_HINTS,
  ORG_KINDS,
  ORG_SPECIALS,
  ORG_STEMS,
  PERSONAL_EMAIL_DOMAINS,
  ROLES,
  STREET_KINDS,
  TAGS,
  type City,
} from './words.ts';

export type DemoContact = ContactDraft & { id: string; addedOn: string };

export interface DemoContactOptions {
  contacts: number;
  seed?: number;
  today: string;
}

/** How far back the dataset reaches. */
export const HISTORY_DAYS = 3 * 365;

interface Org {
  readonly name: string;
  readonly domain: string;
}

const cultureTable = weightedTable(NAME_CULTURES.map((c) => [c, c.weight] as const));
const cityTable = weightedTable(CITIES.map((c) => [c, c.weight] as const));
const tagTable = weightedTable(TAGS);
const tierTable = weightedTable<Tier | undefined>([
  ['close', 4],
  ['regular', 14],
  ['occasional', 28],
  ['yearly', 14],
  [undefined, 40],
]);
const ALPHABET = 'ABCDEFGHIJKLMNOPRSTVW';

/** Invented organisations, enough that colleagues share employers but the list never runs dry. */
function makeOrganisations(rng: Rng, count: number): Org[] {
  const names = new Set<string>(ORG_SPECIALS);
  const capacity = ORG_STEMS.length * ORG_KINDS.length + ORG_SPECIALS.length;
  while (names.size < Math.min(count, capacity)) names.add(`${pick(rng, ORG_STEMS)} ${pick(rng, ORG_KINDS)}`);
  return [...names].map((name) => {
    const tld = NON_PROFIT_HINTS.some((hint) => name.includes(hint))
      ? 'example.org'
      : name.endsWith('Networks')
        ? 'example.net'
        : 'example.com';
    return { name, domain: `${asciiSlug(name, '-')}.${tld}` };
  });
}

export function generateDemoContacts(options: DemoContactOptions): DemoContact[] {
  const count = options.contacts;
  if (!Number.isInteger(count) || count < 0) throw new Error('contacts must be a whole number of at least 0');
  const rng = streamRng(options.seed ?? 1, 1);
  const today = dayOf(options.today);
  const start = today - HISTORY_DAYS;
  const todayYear = yearOf(today);

  // About a third arrive in the first import; the rest trickle in, a little faster early on.
  const added = new Int32Array(count);
  for (let i = 0; i < count; i++)
    added[i] = chance(rng, 0.35) ? start : start + Math.floor(rng() ** 1.2 * (HISTORY_DAYS + 1));
  added.sort();

  const orgs = makeOrganisations(rng, Math.max(80, Math.ceil(count / 6)));
  const orgTable = weightedTable(orgs.map((org, i) => [org, 1 / (i + 3) ** 0.6] as const));
  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  const contacts: DemoContact[] = new Array(count);

  const uniqueEmail = (local: string, domain: string): string => {
    let email = `${local}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${domain}`;
    usedEmails.add(email);
    return email;
  };

  for (let i = 0; i < count; i++) {
    const { given, family, display } = makeName(rng, usedNames);
    const city = pickWeighted(rng, cityTable);
    const org = chance(rng, 0.85) ? pickWeighted(rng, orgTable) : undefined;
    const vars = {
      city: city.name,
      org: org?.name ?? pick(rng, ORG_SPECIALS),
      event: pick(rng, EVENTS),
      year: String(todayYear - int(rng, 1, 6)),
      friend: pickGiven(rng, pickWeighted(rng, cultureTable)),
    };
    const slugGiven = asciiSlug(given);
    const slugFamily = asciiSlug(family);

    const contact: DemoContact = {
      id: `demo-c-${pad(i + 1, 6)}`,
      addedOn: isoOf(added[i] as number),
      displayName: display,
      givenName: given,
      familyName: family,
      emails: makeEmails(rng, slugGiven, slugFamily, org, uniqueEmail),
      phones: makePhones(rng, city),
      addresses: chance(rng, 0.12)
        ? [
            {
              label: 'work',
              street: streetName(int(rng, 1, 140), pick(rng, ORG_STEMS), pick(rng, STREET_KINDS)),
              locality: city.name,
              country: city.country,
            },
          ]
        : [],
      social: makeSocial(rng, slugGiven, slugFamily, i),
      tags: makeTags(rng),
      archived: chance(rng, 0.03),
    };
    const nickname = NICKNAMES[given];
    if (nickname && chance(rng, 0.5)) contact.nickname = nickname;
    if (org) contact.organisation = org.name;
    if (chance(rng, 0.82)) contact.role = pick(rng, ROLES);
    if (chance(rng, 0.85)) contact.location = `${city.name}, ${city.country}`;
    if (chance(rng, 0.55)) contact.howWeMet = fill(pick(rng, HOW_WE_MET), vars, POOLS, rng);
    if (chance(rng, 0.22)) contact.lookingFor = fill(pick(rng, LOOKING_FOR), vars, POOLS, rng);
    if (chance(rng, 0.28)) contact.canHelpWith = fill(pick(rng, CAN_HELP_WITH), vars, POOLS, rng);
    if (chance(rng, 0.18)) contact.notes = pick(rng, CONTACT_NOTES);
    const birthday = makeBirthday(rng, todayYear);
    if (birthday) contact.birthday = birthday;
    const tier = pickWeighted(rng, tierTable);
    if (tier) contact.tier = tier;
    contacts[i] = contact;
  }
  return contacts;
}

function pickGiven(rng: Rng, culture: NameCulture): string {
  return chance(rng, 0.5) ? pick(rng, culture.female) : pick(rng, culture.male);
}

/** Mostly a pairing from one culture, sometimes mixed; retries keep display names distinct. */
function makeName(rng: Rng, used: Set<string>): { given: string; family: string; display: string } {
  let given = '';
  let family = '';
  for (let attempt = 0; attempt < 12; attempt++) {
    const culture = pickWeighted(rng, cultureTable);
    given = pickGiven(rng, culture);
    // Later attempts mix cultures, where there is far more room.
    family =
      attempt < 3 && chance(rng, 0.7) ? pick(rng, culture.family) : pick(rng, pickWeighted(rng, cultureTable).family);
    const display = `${given} ${family}`;
    if (!used.has(display) && !FAMOUS_PAIRINGS.has(display)) {
      used.add(display);
      return { given, family, display };
    }
  }
  // A crowded network: sometimes two people really do share a name; otherwise add an initial.
  if (chance(rng, 0.2) && !FAMOUS_PAIRINGS.has(`${given} ${family}`))
    return { given, family, display: `${given} ${family}` };
  const display = `${given} ${pick(rng, [...ALPHABET])}. ${family}`;
  used.add(display);
  return { given, family, display };
}

function makeEmails(
  rng: Rng,
  given: string,
  family: string,
  org: Org | undefined,
  unique: (local: string, domain: string) => string,
): LabelledValue[] {
  const emails: LabelledValue[] = [];
  const local = pick(rng, [
    `${given}.${family}`,
    `${given}.${family}`,
    `${given.charAt(0)}${family}`,
    `${given}`,
    `${given}${family.charAt(0)}`,
  ]);
  if (org && chance(rng, 0.8)) emails.push({ value: unique(local, org.domain), label: 'work' });
  if (emails.length === 0 ? chance(rng, 0.75) : chance(rng, 0.3)) {
    const personal = pick(rng, [
      `${given}.${family}`,
      `${given}${family}`,
      `${given}.${family}${int(rng, 70, 99)}`,
      `${family}.${given}`,
    ]);
    emails.push({ value: unique(personal, pick(rng, PERSONAL_EMAIL_DOMAINS)), label: 'personal' });
  }
  if (emails.length > 1 && chance(rng, 0.4)) (emails[int(rng, 0, emails.length - 1)] as LabelledValue).preferred = true;
  return emails;
}

/** Only ranges set aside for fiction: UK 07700 900xxx and drama landlines, North American 555-01xx. */
function makePhones(rng: Rng, city: City): LabelledValue[] {
  if (!chance(rng, 0.65)) return [];
  const digits = (n: number) => pad(int(rng, 0, 10 ** n - 1), n);
  const phones: LabelledValue[] = [];
  if (city.phone === 'uk') {
    phones.push({ value: `+44 7700 900${digits(3)}`, label: 'mobile' });
    if (chance(rng, 0.12))
      phones.push({ value: city.area ? `+44 ${city.area}${digits(3)}` : `+44 1632 960${digits(3)}`, label: 'work' });
  } else {
    phones.push({ value: `+1 ${city.area ?? '555'}-555-01${digits(2)}`, label: 'mobile' });
    if (chance(rng, 0.12)) phones.push({ value: `+1 ${city.area ?? '555'}-555-01${digits(2)}`, label: 'work' });
  }
  return phones;
}

function makeSocial(rng: Rng, given: string, family: string, index: number): SocialProfile[] {
  const social: SocialProfile[] = [];
  if (chance(rng, 0.45))
    social.push({
      kind: 'linkedin',
      url: `https://linkedin.example.com/in/${given}-${family}-${(index * 7919) % 9973}`,
    });
  if (chance(rng, 0.12)) social.push({ kind: 'github', url: `https://code.example.net/${given.charAt(0)}${family}` });
  if (chance(rng, 0.06))
    social.push({ kind: 'mastodon', url: `https://social.example.net/@${given}${family.charAt(0)}` });
  if (chance(rng, 0.07)) social.push({ kind: 'x', url: `https://x.example.com/${given}_${family}` });
  if (chance(rng, 0.1)) social.push({ kind: 'website', url: `https://${given}-${family}.example.org` });
  return social;
}

function makeTags(rng: Rng): string[] {
  const r = rng();
  const n = r < 0.25 ? 0 : r < 0.6 ? 1 : r < 0.85 ? 2 : r < 0.95 ? 3 : 4;
  const tags = new Set<string>();
  for (let attempt = 0; tags.size < n && attempt < 10; attempt++) tags.add(pickWeighted(rng, tagTable));
  return [...tags];
}

/** ~60% with a year, ~20% month and day only, ~20% unknown; 29 February turns up now and then. */
function makeBirthday(rng: Rng, todayYear: number): Birthday | undefined {
  const r = rng();
  if (r >= 0.8) return undefined;
  const year = r < 0.6 ? todayYear - int(rng, 22, 68) : undefined;
  if (chance(rng, 0.01) && (year === undefined || isLeapYear(year)))
    return year === undefined ? { month: 2, day: 29 } : { year, month: 2, day: 29 };
  const month = int(rng, 1, 12);
  const day = int(rng, 1, daysInMonth(month, year));
  return year === undefined ? { month, day } : { year, month, day };
}

/** "60 Saffron Row", not "60 Saffron Row Row": a stem that names its kind already keeps it. */
function streetName(number: number, stem: string, kind: string): string {
  return STREET_KINDS.some((k) => stem.endsWith(` ${k}`)) ? `${number} ${stem}` : `${number} ${stem} ${kind}`;
}
