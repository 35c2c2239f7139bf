/**
 * A network read for suggesting introductions (intro-ranking.ts) without trying every pair. At
 * 50,000 people the demo holds about 11,000 looking-for and 14,000 can-help texts: 154 million
 * pairs, minutes of work on every request. So each distinct text is read once, a looking-for text
 * meets only the can-help texts sharing one of its rarer stems (a pair sharing only common stems
 * is no match: intro-match.ts), and people are listed under their text, helpers in the order a
 * seeker's suggestions name them. People's ids are unique, as stored people's are.
 */
import {
  commonStemsAmong,
  matchReadTexts,
  readHelperText,
  readSeekerText,
  type HelperText,
  type SeekerText,
} from './intro-match.ts';
import type { Relationship } from './relationships.ts';

export type MatchPerson = {
  id: string;
  displayName: string;
  lookingFor?: string | undefined;
  canHelpWith?: string | undefined;
  archived?: boolean;
  relationships?: readonly Pick<Relationship, 'contactId'>[] | undefined;
};

/** Someone with a looking-for or a can-help text. */
export interface Member {
  readonly person: MatchPerson;
  /** Where they stand in the list the network was read from: the last tie-break. */
  readonly pos: number;
  /** Their name's place in collation order; people whose names collate equal share it. */
  readonly nameClass: number;
  /** Their text's number among the distinct looking-for (or can-help) texts. */
  readonly text: number;
}
export interface Seeker extends Member {
  /** Who they already have a relationship with: never suggested to them. */
  readonly related: ReadonlySet<string>;
}
export interface Helper extends Member {
  /** Their place among all helpers, by name and then `pos`: the order each seeker's helpers come in. */
  readonly rank: number;
}

/** How a looking-for text meets a can-help text. */
export interface TextMatch {
  readonly score: number;
  readonly shared: readonly string[];
}

export interface IntroNetwork {
  readonly seekerById: ReadonlyMap<string, Seeker>;
  readonly helperById: ReadonlyMap<string, Helper>;
  /** The seekers of each looking-for text. */
  readonly seekersOf: readonly (readonly Seeker[])[];
  /** The can-help texts a looking-for text meets, by their number. */
  matchesOf(seekerText: number): ReadonlyMap<number, TextMatch>;
  /** The looking-for texts a can-help text meets, by their number. */
  seekerTextsMeeting(helperText: number): ReadonlyMap<number, TextMatch>;
  /** Everyone who can help a looking-for text at each score, by rank; the seeker and their relations included. */
  helpersAt(seekerText: number): ReadonlyMap<number, readonly Helper[]>;
}

const collator = new Intl.Collator();
const byKey = <T>(map: Map<string, T[]>, key: string, value: T) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};
const memo = <T>(read: (key: number) => T) => {
  const known = new Map<number, T>();
  return (key: number): T => {
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = read(key)));
    return value;
  };
};

/** Numbers each distinct text of `people` (in first-use order) and counts its uses. */
function distinctTexts(people: readonly MatchPerson[], text: (p: MatchPerson) => string) {
  const numbers = new Map<string, number>();
  const times: number[] = [];
  for (const person of people) {
    const n = numbers.get(text(person)) ?? numbers.size;
    if (n === numbers.size) numbers.set(text(person), n);
    times[n] = (times[n] ?? 0) + 1;
  }
  return { texts: [...numbers.keys()], numbers, times };
}

/** Collation classes of the names of `people`, by id: equal for names that collate equal. */
function nameClasses(people: readonly MatchPerson[]): Map<string, number> {
  const names = [...new Set(people.map((p) => p.displayName))].sort(collator.compare);
  const classOf = new Map<string, number>();
  names.forEach((name, i) =>
    classOf.set(name, i > 0 && collator.compare(names[i - 1]!, name) === 0 ? classOf.get(names[i - 1]!)! : i),
  );
  return new Map(people.map((p) => [p.id, classOf.get(p.displayName)!]));
}

export function readIntroNetwork(people: readonly MatchPerson[]): IntroNetwork {
  const active = people.filter((p) => !p.archived);
  const seeking = active.filter((p) => p.lookingFor?.trim());
  const helping = active.filter((p) => p.canHelpWith?.trim());
  const pos = new Map(people.map((p, i) => [p, i]));
  const classes = nameClasses([...new Set([...seeking, ...helping])]);

  const looking = distinctTexts(seeking, (p) => p.lookingFor!);
  const offering = distinctTexts(helping, (p) => p.canHelpWith!);
  const seekerTexts: SeekerText[] = looking.texts.map(readSeekerText);
  const helperTexts: HelperText[] = offering.texts.map(readHelperText);
  const common = commonStemsAmong([
    ...seekerTexts.map((t, n) => ({ stems: t.words.map((w) => w.stem), times: looking.times[n]! })),
    ...helperTexts.map((t, n) => ({ stems: t.stems, times: offering.times[n]! })),
  ]);

  const member = (p: MatchPerson, text: number) => ({
    person: p,
    pos: pos.get(p)!,
    nameClass: classes.get(p.id)!,
    text,
  });
  const seekers: Seeker[] = seeking.map((p) => ({
    ...member(p, looking.numbers.get(p.lookingFor!)!),
    related: new Set((p.relationships ?? []).map((r) => r.contactId)),
  }));
  const helpers: Helper[] = helping
    .map((p) => member(p, offering.numbers.get(p.canHelpWith!)!))
    .sort((a, b) => a.nameClass - b.nameClass || a.pos - b.pos)
    .map((h, rank) => ({ ...h, rank }));
  const seekersOf: Seeker[][] = looking.texts.map(() => []);
  for (const s of seekers) seekersOf[s.text]!.push(s);
  const helpersOf: Helper[][] = offering.texts.map(() => []);
  for (const h of helpers) helpersOf[h.text]!.push(h);

  // The texts holding each rarer stem: only they can meet a text of the other side.
  const byRareStem = (stemsOf: (n: number) => Iterable<string>, count: number) => {
    const index = new Map<string, number[]>();
    for (let n = 0; n < count; n++) for (const s of stemsOf(n)) if (!common.has(s)) byKey(index, s, n);
    return index;
  };
  const seekerStems = (n: number) => seekerTexts[n]!.words.map((w) => w.stem);
  const helpersByStem = byRareStem((n) => helperTexts[n]!.stems, helperTexts.length);
  const seekersByStem = byRareStem(seekerStems, seekerTexts.length);

  /** The texts of the other side (in `index`) that share one of `stems`, each with how they meet. */
  const meetings = (stems: Iterable<string>, index: Map<string, number[]>, match: (other: number) => TextMatch) => {
    const tried = new Set<number>();
    const found = new Map<number, TextMatch>();
    for (const s of stems)
      for (const other of index.get(s) ?? []) {
        if (tried.has(other)) continue;
        tried.add(other);
        const m = match(other);
        if (m.score > 0) found.set(other, m);
      }
    return found;
  };
  const matchesOf = memo((t: number) =>
    meetings(seekerStems(t), helpersByStem, (u) => matchReadTexts(seekerTexts[t]!, helperTexts[u]!, common)),
  );
  const seekerTextsMeeting = memo((u: number) =>
    meetings(helperTexts[u]!.stems, seekersByStem, (t) => matchesOf(t).get(u) ?? { score: 0, shared: [] }),
  );
  const helpersAt = memo((t: number) => {
    const levels = new Map<number, Helper[]>();
    for (const [u, { score }] of matchesOf(t)) {
      const list = levels.get(score) ?? [];
      levels.set(score, list);
      for (const helper of helpersOf[u]!) list.push(helper);
    }
    for (const list of levels.values()) list.sort((a, b) => a.rank - b.rank);
    return levels;
  });

  return {
    seekerById: new Map(seekers.map((s) => [s.person.id, s])),
    helperById: new Map(helpers.map((h) => [h.person.id, h])),
    seekersOf,
    matchesOf,
    seekerTextsMeeting,
    helpersAt,
  };
}
