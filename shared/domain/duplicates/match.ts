import type { Contact } from '../contact.ts';
import { jaroWinkler, nameTokens, normaliseEmail, normaliseUrl, phoneKey } from './normalise.ts';

export { mergeContacts, type MergeChoice, type MergeChoices, type MergeResult, type MergeRow } from './merge.ts';

export type DuplicatePerson = Pick<Contact, 'id' | 'displayName' | 'givenName' | 'familyName' | 'emails' | 'phones'>;
export type DuplicateReason = 'email' | 'phone' | 'name';
export type DuplicateCandidate = {
  /** The smaller id of the pair (string order). */
  a: string;
  b: string;
  /** Each kind of evidence found, in the order email, phone, name. */
  reasons: DuplicateReason[];
  /** Confidence in (0, 1]: evidence combined as independent signals, 1 − Π(1 − wᵢ). */
  score: number;
};

/** Jaro–Winkler threshold on the normalised full name. */
export const NAME_SIMILARITY_THRESHOLD = 0.93;
/**
 * Every aligned token must also be this similar: a long shared first name can push the full-name
 * score past 0.93 ("elizabeth jones" / "elizabeth james") although the surname is another word.
 */
export const TOKEN_SIMILARITY_THRESHOLD = 0.85;
/**
 * A key (email or phone) shared by more people than this is a team inbox or switchboard, not a
 * sign that they are one person; it is skipped rather than producing n² pairs.
 */
export const MAX_SHARED_KEY = 25;

const WEIGHT = { email: 0.9, phone: 0.8, name: 0.7 } as const;
// JW ≥ 0.93 needs Jaro ≥ 0.883 (the Winkler boost adds at most 0.4·(1−j)), which needs the
// shorter string to be ≥ 65% of the longer: a free length filter before the real comparison.
const MIN_LENGTH_RATIO = 0.65;

type PairEvidence = { reasons: Set<DuplicateReason>; nameSimilarity: number };

/**
 * Pairs of people who may be the same person, most likely first.
 *
 * Evidence: the same email (trimmed, case-insensitive), the same phone (see `phoneKey`), or a
 * similar name: after lower-casing, stripping accents and punctuation and sorting the tokens,
 * the names have identical token sets, or a Jaro–Winkler similarity ≥ 0.93 with every aligned
 * token ≥ 0.85 (one typo per word, not a different word). Names must have at
 * least two tokens: a lone "Sam" is too weak a signal, and "John Smith" / "John Doe" never match.
 *
 * Cost: emails and phones are bucketed by key (linear). Names are blocked by the initials of
 * their sorted tokens ("john smith" → "js"), so only people sharing initials are compared; a typo
 * in a first letter is missed, a deliberate trade for ~linear time (10k people ≈ 100 ms).
 */
export function findDuplicateCandidates(people: readonly DuplicatePerson[]): DuplicateCandidate[] {
  const pairs = new Map<string, PairEvidence>();
  const note = (x: string, y: string, reason: DuplicateReason, similarity = 0) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    let evidence = pairs.get(key);
    if (!evidence) pairs.set(key, (evidence = { reasons: new Set(), nameSimilarity: 0 }));
    evidence.reasons.add(reason);
    evidence.nameSimilarity = Math.max(evidence.nameSimilarity, similarity);
  };

  const byEmail = new Map<string, Set<string>>();
  const byPhone = new Map<string, Set<string>>();
  const byInitials = new Map<string, Array<{ id: string; name: string; tokens: string[] }>>();
  for (const p of people) {
    for (const e of p.emails) addTo(byEmail, normaliseEmail(e.value), p.id);
    for (const ph of p.phones) {
      const key = phoneKey(ph.value);
      if (key) addTo(byPhone, key, p.id);
    }
    const tokens = sortedNameTokens(p);
    if (tokens.length < 2) continue;
    const initials = tokens.map((t) => t[0]).join('');
    const list = byInitials.get(initials) ?? [];
    // Tokens never contain spaces, so equal joined names mean identical token sets.
    list.push({ id: p.id, name: tokens.join(' '), tokens });
    byInitials.set(initials, list);
  }

  for (const [reason, buckets] of [
    ['email', byEmail],
    ['phone', byPhone],
  ] as const) {
    for (const ids of buckets.values()) {
      if (ids.size < 2 || ids.size > MAX_SHARED_KEY) continue;
      const list = [...ids];
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) note(list[i]!, list[j]!, reason);
    }
  }

  for (const bucket of byInitials.values()) {
    // Sorted by length so the inner loop can stop once lengths are too far apart.
    bucket.sort((x, y) => x.name.length - y.name.length);
    for (let i = 0; i < bucket.length; i++) {
      const x = bucket[i]!;
      for (let j = i + 1; j < bucket.length; j++) {
        const y = bucket[j]!;
        if (x.name.length < y.name.length * MIN_LENGTH_RATIO) break;
        const similarity = nameSimilarity(x, y);
        if (similarity) note(x.id, y.id, 'name', similarity);
      }
    }
  }

  const out: DuplicateCandidate[] = [];
  for (const [key, evidence] of pairs) {
    const [a, b] = key.split('\u0000') as [string, string];
    const reasons = (['email', 'phone', 'name'] as const).filter((r) => evidence.reasons.has(r));
    out.push({ a, b, reasons, score: scoreOf(reasons, evidence.nameSimilarity) });
  }
  return out.sort((x, y) => y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}

const sortedNameTokens = (p: Omit<DuplicatePerson, 'id'>) =>
  nameTokens(p.displayName || `${p.givenName ?? ''} ${p.familyName ?? ''}`).sort();

type Name = { name: string; tokens: string[] };

/** 1 for the same token set, the Jaro–Winkler similarity when close enough, else 0. Same initials assumed. */
function nameSimilarity(x: Name, y: Name): number {
  if (x.name === y.name) return 1;
  const similarity = jaroWinkler(x.name, y.name);
  return similarity >= NAME_SIMILARITY_THRESHOLD && tokensAlign(x.tokens, y.tokens) ? similarity : 0;
}

/** Evidence combined as independent signals, 1 − Π(1 − wᵢ). */
function scoreOf(reasons: readonly DuplicateReason[], similarity: number): number {
  let miss = 1;
  for (const r of reasons) miss *= 1 - (r === 'name' ? WEIGHT.name * similarity : WEIGHT[r]);
  return Math.round((1 - miss) * 1000) / 1000;
}

// Same initials imply the same token count, so tokens pair up one to one.
function tokensAlign(x: readonly string[], y: readonly string[]): boolean {
  return x.every((token, i) => jaroWinkler(token, y[i] ?? '') >= TOKEN_SIMILARITY_THRESHOLD);
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  if (!key) return;
  const set = map.get(key);
  if (set) set.add(id);
  else map.set(key, new Set([id]));
}

/**
 * People already known who may be the one being added (quick capture at an event), most likely
 * first: the rules of `findDuplicateCandidates`, between the draft and each person only, so it
 * costs one pass over the people (pairing everyone with everyone would be far slower).
 */
export function matchesForDraft(
  draft: Omit<DuplicatePerson, 'id'>,
  people: readonly DuplicatePerson[],
  limit = 3,
): { id: string; reasons: DuplicateReason[]; score: number }[] {
  const emails = new Set(draft.emails.map((e) => normaliseEmail(e.value)).filter(Boolean));
  const phones = new Set(draft.phones.flatMap((p) => phoneKey(p.value) ?? []));
  const tokens = sortedNameTokens(draft);
  const name: Name | undefined = tokens.length >= 2 ? { name: tokens.join(' '), tokens } : undefined;
  const initials = tokens.map((t) => t[0]).join('');

  const found = new Map<string, { email: boolean; phone: boolean; similarity: number }>();
  const sharing = { email: 0, phone: 0 };
  for (const p of people) {
    const email = p.emails.some((e) => emails.has(normaliseEmail(e.value)));
    const phone = p.phones.some((ph) => phones.has(phoneKey(ph.value) ?? ''));
    let similarity = 0;
    if (name) {
      const theirs = sortedNameTokens(p);
      const other = theirs.join(' ');
      const [shorter, longer] = other.length < name.name.length ? [other, name.name] : [name.name, other];
      if (
        theirs.length >= 2 &&
        theirs.map((t) => t[0]).join('') === initials &&
        shorter.length >= longer.length * MIN_LENGTH_RATIO
      )
        similarity = nameSimilarity(name, { name: other, tokens: theirs });
    }
    if (email) sharing.email++;
    if (phone) sharing.phone++;
    if (email || phone || similarity) found.set(p.id, { email, phone, similarity });
  }
  return [...found]
    .map(([id, evidence]) => {
      // A key shared by more people than MAX_SHARED_KEY is a team inbox or switchboard.
      const reasons = (['email', 'phone', 'name'] as const).filter((r) =>
        r === 'name' ? evidence.similarity > 0 : evidence[r] && sharing[r] < MAX_SHARED_KEY,
      );
      return { id, reasons, score: scoreOf(reasons, evidence.similarity) };
    })
    .filter((m) => m.reasons.length)
    .sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1))
    .slice(0, limit);
}

/**
 * The ways to reach someone in `extra` that `person` does not have yet (compared as the
 * duplicate rules compare them), so adding them twice changes nothing.
 */
export function newRoutes(
  person: Pick<Contact, 'emails' | 'phones' | 'social'>,
  extra: Pick<Contact, 'emails' | 'phones' | 'social'>,
): Pick<Contact, 'emails' | 'phones' | 'social'> {
  const emails = new Set(person.emails.map((e) => normaliseEmail(e.value)));
  const phones = new Set(person.phones.map((p) => phoneKey(p.value) ?? p.value.trim()));
  const urls = new Set(person.social.map((s) => normaliseUrl(s.url)));
  return {
    emails: extra.emails.filter((e) => !emails.has(normaliseEmail(e.value))),
    phones: extra.phones.filter((p) => !phones.has(phoneKey(p.value) ?? p.value.trim())),
    social: extra.social.filter((s) => !urls.has(normaliseUrl(s.url))),
  };
}
