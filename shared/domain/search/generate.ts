import type { SearchDoc } from './index.ts';

/**
 * A tiny deterministic corpus generator for search tests and the benchmark: realistic enough in
 * shape (names, organisations, short notes, many interactions per person) to exercise the index
 * at the scale (10k people, 200k interactions, 20k details) in a couple of seconds.
 */

const FIRST =
  'James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth Aisha Wei Olga José Priya Kwame Sofia Mateo Yuki Omar Fatima Liam Noah Emma Chloe Lucas Inès Arjun Mei Tomasz Anna Ravi Leila Pablo Nia Kofi Sven Hana Ivan Zara Björn Chiara Dmitri Ewa Farid Grace Hiro Ines Jonas Kemal Lena Marco Nadia Oscar Paula Quentin Rosa Sami Tess Uma'.split(
    ' ',
  );
const SYLLABLES =
  'ka lo mi ra ne ti so va be du ge ha jo ku ma no pe ri sa to fen gor lin mar ste wil ber son ley ton'.split(' ');
const ORGS =
  'Acme Globex Initech Umbrella Hooli Vandelay Stark Wayne Wonka Cyberdyne Tyrell Soylent Aperture Gringotts Pied-Piper Monzo Figma Canva Spotify Shopify'.split(
    ' ',
  );
const ROLES =
  'Engineer Designer Founder Product-Manager Researcher Recruiter Investor Consultant Director Analyst'.split(' ');
const COMMON =
  'the a and of to in for with on about new project coffee call team launch idea feedback plan trip conference talk hiring role job puppy house move wedding baby marathon book podcast course design product research data strategy funding market client'.split(
    ' ',
  );
const TYPES = 'Coffee Call Video-call Email Message Lunch Meet-up Conference Intro Catch-up'.split(' ');

/** mulberry32: a small seeded PRNG with good low bits, so runs are identical everywhere. */
export function seededRandom(seed: number): (n: number) => number {
  let s = seed | 0;
  return (n) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

export type CorpusSize = { people: number; interactions: number; details: number; seed?: number };

/** People, then details, then interactions, as `SearchDoc`s. */
export function generateCorpus(size: CorpusSize): SearchDoc[] {
  const rand = seededRandom(size.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[rand(list.length)]!;
  // A few thousand invented words give a realistic long tail of distinct tokens.
  const word = () =>
    rand(3) === 0 ? pick(COMMON) : pick(SYLLABLES) + pick(SYLLABLES) + (rand(2) ? pick(SYLLABLES) : '');
  const sentence = (n: number) => Array.from({ length: n }, word).join(' ');
  const docs: SearchDoc[] = [];
  const names: string[] = [];
  for (let i = 0; i < size.people; i++) {
    const surname = pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES);
    const name = `${pick(FIRST)} ${surname[0]!.toUpperCase()}${surname.slice(1)}`;
    names.push(name);
    const fields: Record<string, string> = {
      displayName: name,
      organisation: pick(ORGS),
      role: pick(ROLES).replace('-', ' '),
    };
    if (rand(3) === 0) fields.notes = sentence(8 + rand(20));
    if (rand(4) === 0) fields.tags = `${word()} ${word()}`;
    docs.push({ kind: 'person', id: `p${i}`, personIds: [`p${i}`], fields });
  }
  for (let i = 0; i < size.details; i++) {
    const pid = rand(size.people);
    docs.push({
      kind: 'detail',
      id: `d${i}`,
      personIds: [`p${pid}`],
      date: day(rand),
      fields: { text: sentence(3 + rand(8)) },
    });
  }
  for (let i = 0; i < size.interactions; i++) {
    const pid = rand(size.people);
    const first = names[pid]!.split(' ')[0]!;
    const fields: Record<string, string> = { title: `${pick(TYPES).replace('-', ' ')} with ${first}` };
    if (rand(10) < 7) fields.notes = sentence(5 + rand(25));
    docs.push({ kind: 'interaction', id: `i${i}`, personIds: [`p${pid}`], date: day(rand), fields });
  }
  return docs;
}

function day(rand: (n: number) => number): string {
  return `${2019 + rand(8)}-${String(1 + rand(12)).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`;
}
