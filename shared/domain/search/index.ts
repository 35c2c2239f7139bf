import { DEFAULT_WEIGHT, FIELD_WEIGHTS, toHit } from './hit.ts';
import { compareText, topK } from './select.ts';

export { FIELD_WEIGHTS } from './hit.ts';
import { foldText, queryWords, tokenise } from './text.ts';

export type SearchKind = 'person' | 'interaction' | 'detail';

/** What main feeds the index. `date` is `YYYY-MM-DD` (interactions). Field names pick weights. */
export type SearchDoc = {
  kind: SearchKind;
  id: string;
  personIds: string[];
  date?: string;
  fields: Record<string, string>;
};

export type SearchHit = {
  kind: 'person' | 'interaction';
  /** Person id for person hits (also when a detail matched), else the interaction id. */
  id: string;
  personIds: string[];
  score: number;
  /** Field the snippet comes from: a field name of the doc, or `detail` for a detail's text. */
  field: string;
  /** ≤ ~80 characters around the first match, "…" where cut. */
  snippet: string;
  /** `[start, end)` UTF-16 offsets into `snippet` of matched word prefixes. */
  highlights: Array<[number, number]>;
  /** Set when the hit came from a detail: which one. */
  detailId?: string;
};

export type SearchIndex = {
  /** Adds or replaces a doc (same kind and id). */
  upsert(doc: SearchDoc): void;
  remove(kind: SearchKind, id: string): void;
  /** Best `limit` hits (default 30, ≥ 0): people first, then interactions. */
  search(query: string, limit?: number): SearchHit[];
  /** Live docs, for diagnostics and tests. */
  readonly size: number;
};

/** A word that only starts a token scores this fraction of a whole-word match. */
const PREFIX_FACTOR = 0.8;

// Postings pack `docNumber << SLOT_BITS | fieldSlot` in one small integer (V8 keeps them unboxed).
const SLOT_BITS = 5;
const SLOT_MASK = (1 << SLOT_BITS) - 1;
const PEOPLE = 0; // person and detail docs
const INTERACTIONS = 1;
/** A distinct token and its postings: `p` for people and details, `i` for interactions. */
type Entry = { token: string; p: number[]; i: number[] };
/** `day` is the date as yyyymmdd (0 if none); `label` the folded display name, for tie-breaks. */
export type IndexedDoc = SearchDoc & { group: number; day: number; label: string };
// Above this many unsorted new tokens a full sort beats inserting them one by one.
const MAX_INCREMENTAL_TOKENS = 2000;

/**
 * An in-memory index for the Ctrl/Cmd+K box over people, details and interactions.
 *
 * Matching: the query is folded (case, accents) and split into words; a doc matches when every
 * word starts some token of it (AND, prefix per word), all within that one doc.
 *
 * Ranking: every person hit comes before every interaction hit. A detail that matches is reported
 * as a hit on its person (`field: 'detail'`, `detailId` set), so "Biscuit" finds Sam; a person is
 * listed once, under their best doc. Score = Σ over words of the best field weight for that word
 * (×0.8 for a prefix-only match). People tie-break by name, interactions by newest date.
 *
 * Design: an inverted index from token to postings (separate lists for people and interactions),
 * plus a sorted token array for prefix ranges by binary search. New tokens are merged into the
 * sorted array lazily at the next search. Query words are intersected with generation-stamped
 * typed arrays (no per-query allocation proportional to the corpus), and only the top `limit`
 * are kept. Removals leave tombstones, compacted once they outnumber live docs.
 */
export function createSearchIndex(): SearchIndex {
  let docs: Array<IndexedDoc | undefined> = [];
  let byKey = new Map<string, number>();
  let entries = new Map<string, Entry>();
  let sorted: Entry[] = [];
  let pending: Entry[] = [];
  let dead = 0;
  const slots = new Map<string, number>();
  const slotWeight: number[] = [];
  let alive = new Uint8Array(1024);
  let state = new Int32Array(1024);
  let score = new Float64Array(1024);
  let last = new Float64Array(1024);
  let generation = 0;

  const keyOf = (kind: SearchKind, id: string) => `${kind}\u0000${id}`;

  function slotFor(field: string): number {
    let slot = slots.get(field);
    if (slot === undefined) {
      // Past 31 distinct fields, extra ones share the last slot (weight of the first to get it).
      slot = Math.min(slots.size, SLOT_MASK);
      slots.set(field, slot);
      slotWeight[slot] ??= FIELD_WEIGHTS[field] ?? DEFAULT_WEIGHT;
    }
    return slot;
  }

  function grow(needed: number): void {
    if (needed <= alive.length) return;
    const size = Math.max(needed, alive.length * 2);
    const a = new Uint8Array(size);
    a.set(alive);
    alive = a;
    state = new Int32Array(size); // stamps are per query, so no copy is needed
    score = new Float64Array(size);
    last = new Float64Array(size);
  }

  function add(doc: SearchDoc): void {
    const n = docs.length;
    const group = doc.kind === 'interaction' ? INTERACTIONS : PEOPLE;
    const day = doc.date ? Number(doc.date.slice(0, 4) + doc.date.slice(5, 7) + doc.date.slice(8, 10)) || 0 : 0;
    docs.push({ ...doc, group, day, label: doc.kind === 'person' ? foldText(doc.fields.displayName ?? '') : '' });
    byKey.set(keyOf(doc.kind, doc.id), n);
    grow(n + 1);
    alive[n] = 1;
    for (const [field, text] of Object.entries(doc.fields)) {
      if (!text) continue;
      const slot = slotFor(field);
      const posting = (n << SLOT_BITS) | slot;
      for (const token of tokenise(text)) {
        let entry = entries.get(token);
        if (!entry) {
          entry = { token, p: [], i: [] };
          entries.set(token, entry);
          pending.push(entry);
        }
        const list = group === INTERACTIONS ? entry.i : entry.p;
        // This doc is the newest, so a repeat of the token in this field is the list's last entry.
        if (list[list.length - 1] !== posting) list.push(posting);
      }
    }
  }

  function compact(): void {
    const live = docs.filter((d): d is IndexedDoc => d !== undefined);
    docs = [];
    byKey = new Map();
    entries = new Map();
    sorted = [];
    pending = [];
    dead = 0;
    alive = new Uint8Array(Math.max(1024, live.length));
    for (const d of live) add(d);
  }

  function remove(kind: SearchKind, id: string): void {
    const n = byKey.get(keyOf(kind, id));
    if (n === undefined) return;
    byKey.delete(keyOf(kind, id));
    docs[n] = undefined;
    alive[n] = 0;
    dead++;
    if (dead > 10_000 && dead > docs.length - dead) compact();
  }

  function ensureSorted(): void {
    if (pending.length === 0) return;
    if (pending.length > MAX_INCREMENTAL_TOKENS) {
      sorted = sorted.concat(pending).sort((a, b) => (a.token < b.token ? -1 : 1));
    } else {
      for (const entry of pending) sorted.splice(lowerBound(sorted, entry.token), 0, entry);
    }
    pending = [];
  }

  /** Doc numbers in `group` matching every word, with `score[]` filled. */
  function match(group: number, words: readonly string[]): number[] {
    const ranges = words.map((word) => {
      const from = lowerBound(sorted, word);
      const to = lowerBound(sorted, `${word}\uffff`);
      let size = 0;
      for (let i = from; i < to; i++) size += postingsOf(sorted[i]!, group).length;
      return { word, from, to, size };
    });
    // Most selective word first: it decides the candidate set the others can only shrink.
    ranges.sort((a, b) => a.size - b.size);
    if (ranges[0]!.size === 0) return [];
    if (generation > 0x3fff_0000) {
      state.fill(0);
      generation = 0;
    }
    const base = generation + 1;
    generation += words.length + 2;
    const touched: number[] = [];
    // Locals, not closure variables: this loop runs up to ~10⁶ times for a one-letter query.
    const [st, sc, best, live, weights] = [state, score, last, alive, slotWeight];
    for (let w = 0; w < ranges.length; w++) {
      const { word, from, to } = ranges[w]!;
      const enter = base + w; // state of a doc that matched every earlier word
      const done = enter + 1; // state once it matched this word too
      for (let i = from; i < to; i++) {
        const entry = sorted[i]!;
        const factor = entry.token === word ? 1 : PREFIX_FACTOR;
        const list = group === INTERACTIONS ? entry.i : entry.p;
        for (let k = 0; k < list.length; k++) {
          const posting = list[k]!;
          const doc = posting >>> SLOT_BITS;
          const s = st[doc]!;
          const weight = weights[posting & SLOT_MASK]! * factor;
          if (s === enter || (w === 0 && s !== done)) {
            if (!live[doc]) continue;
            if (w === 0) {
              touched.push(doc);
              sc[doc] = 0;
            }
            st[doc] = done;
            sc[doc] = sc[doc]! + weight;
            best[doc] = weight;
          } else if (s === done && weight > best[doc]!) {
            // Same word again in a better field: keep only the best contribution per word.
            sc[doc] = sc[doc]! + weight - best[doc]!;
            best[doc] = weight;
          }
        }
      }
    }
    const full = base + words.length;
    return touched.filter((doc) => state[doc] === full);
  }

  function search(query: string, limit = 30): SearchHit[] {
    const words = queryWords(query);
    const max = Math.max(0, Math.floor(limit));
    if (words.length === 0 || max === 0) return [];
    ensureSorted();

    // People: person docs and details compete together; a person is listed once, under their
    // best doc (a detail belongs to its first person id). Ranking a few more than needed and
    // then de-duplicating avoids building a map over every match of a one-letter query.
    const candidates = match(PEOPLE, words);
    const owner = (n: number) => (docs[n]!.kind === 'person' ? docs[n]!.id : (docs[n]!.personIds[0] ?? ''));
    const labels = new Map<string, string>();
    const labelOf = (n: number) => {
      const d = docs[n]!;
      if (d.kind === 'person') return d.label;
      const pid = owner(n);
      let label = labels.get(pid);
      if (label === undefined) {
        const p = byKey.get(keyOf('person', pid));
        labels.set(pid, (label = (p !== undefined && docs[p]?.label) || pid));
      }
      return label;
    };
    const kindOrder = (n: number) => (docs[n]!.kind === 'person' ? 0 : 1);
    const rank = (a: number, b: number) =>
      score[b]! - score[a]! ||
      compareText(labelOf(a), labelOf(b)) ||
      compareText(owner(a), owner(b)) ||
      kindOrder(a) - kindOrder(b) ||
      compareText(docs[a]!.id, docs[b]!.id);
    let people: Array<{ pid: string; doc: number }>;
    for (let k = max + 8; ; k *= 2) {
      const top = topK(candidates, k, rank);
      const seen = new Set<string>();
      people = [];
      for (const n of top) if (!seen.has(owner(n)) && seen.add(owner(n))) people.push({ pid: owner(n), doc: n });
      if (people.length >= max || top.length === candidates.length) break;
    }
    people = people.slice(0, max);
    const hits: SearchHit[] = people.map(({ pid, doc }) => toHit(docs[doc]!, score[doc]!, words, pid));
    if (hits.length >= max) return hits;

    const interactions = topK(
      match(INTERACTIONS, words),
      max - hits.length,
      (a, b) => score[b]! - score[a]! || docs[b]!.day - docs[a]!.day || compareText(docs[a]!.id, docs[b]!.id),
    );
    for (const n of interactions) hits.push(toHit(docs[n]!, score[n]!, words));
    return hits;
  }

  return {
    upsert(doc) {
      remove(doc.kind, doc.id);
      add(doc);
    },
    remove,
    search,
    get size() {
      return byKey.size;
    },
  };
}

function postingsOf(entry: Entry, group: number): number[] {
  return group === INTERACTIONS ? entry.i : entry.p;
}

/** First index whose token is ≥ `token`. */
function lowerBound(sorted: readonly Entry[], token: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.token < token) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
