/**
 * How alike two pieces of content are, in wording and in meaning. Used by the content tests (no
 * near-duplicates, no more than two lines per meaning) and by `npm run content:stats`.
 *
 * Wording: 3-word shingles compared with Jaccard, which catches a lightly reworded copy.
 * Meaning: lines can say the same thing in different words ("I'll let you get on", "I don't want
 * to keep you"). Two rules find those:
 *  - a phrase rule: named phrase families that mean one thing wherever they appear;
 *  - a shared-keyword rule: within one situation, lines that share the same two keywords once
 *    framing words are removed and synonyms are folded together ("mulling" and "wondering" are
 *    both "think").
 */

export interface TextItem {
  id: string;
  text: string;
  situation?: string;
}

export interface NearDuplicate {
  score: number;
  a: TextItem;
  b: TextItem;
}

export interface MeaningCluster {
  /** What the lines share: a phrase family ("phrase:let-you-go") or two keywords ("think + detail"). */
  key: string;
  ids: string[];
}

/** Lower-case words with placeholders kept as tokens, so "Hi [name]," and "Hi Sam," compare alike. */
export function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\[([a-z ]+)\]|\{(\w+)\}/g, (_whole, bracketed?: string, braced?: string) => {
      return ` ph${(bracketed ?? braced ?? '').replace(/\s+/g, '')} `;
    })
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

function shingles(text: string, size = 3): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + size <= w.length; i++) out.add(w.slice(i, i + size).join(' '));
  if (out.size === 0) out.add(w.join(' '));
  return out;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

export const NEAR_DUPLICATE = 0.5;
/** A keyword in more than this share of a situation's lines is part of how that situation is framed. */
export const FRAME_SHARE = 0.25;

/** Every pair whose 3-word shingles overlap by `threshold` or more (Jaccard), most alike first. */
export function nearDuplicates(items: readonly TextItem[], threshold = NEAR_DUPLICATE): NearDuplicate[] {
  const sets = items.map((item) => ({ item, set: shingles(item.text) }));
  const pairs: NearDuplicate[] = [];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const score = jaccard(sets[i]!.set, sets[j]!.set);
      if (score >= threshold) pairs.push({ score, a: sets[i]!.item, b: sets[j]!.item });
    }
  }
  return pairs.sort((x, y) => y.score - x.score);
}

/**
 * Phrase families that each carry one meaning, wherever they appear in the library. Each entry
 * is one way of saying it; the family name is the meaning.
 */
export const PHRASE_FAMILIES: Readonly<Record<string, RegExp>> = {
  'let-you-go':
    /\blet you (go|get on|get back|mingle)\b|\bkeep you from\b|\bkept you\b|\btake up (any )?more of your time\b/i,
  'sent-a-request':
    /\b(sent|sending) (you )?a (connection )?request\b|\bconnecting (here|after)\b|\bstay(ing)? (connected|in touch) here\b/i,
  'anything-i-can-help-with':
    /\banything\b[^.?!]{0,40}\b(can|could) (help|do)\b|\bif anything comes up\b|\boff your plate\b|\bone thing on your list\b|\bextra pair of hands\b/i,
  'thinking-about-detail':
    /\b(think|thinking|thought|mulling|wondering|wondered|reminded)\b[^.?!]{0,30}\[detail\]|\[detail\][^.?!]{0,30}\b(on your mind|stuck with me)\b/i,
  'catching-up-with-people-i-admire':
    /\b(catching up|reaching out|keeping in touch|getting back in touch) (with|to) (people|a few people)\b|\bpeople (i|whose)\b[^.?!]{0,20}\b(admire|respect|valued|missed)\b|\bshaped my thinking\b/i,
  'is-this-your-first-time':
    /\bis this your first\b|\bfirst time (at|here)\b|\bbeen to one of these before\b|\bone of the regulars\b/i,
  'first-coffee-on-me': /\bcoffee'?s on me\b/i,
  'well-deserved': /\b(well[- ]deserved|well earned|earned every bit|deserve (it|this))\b/i,
  'pick-this-up-later': /\bpick (this|it) (up|back up)\b/i,
  'keep-in-touch': /\b(stay|keep) in touch\b|\blose touch\b/i,
};

/** Words that frame a line rather than say what it means. */
const FRAME =
  /\b(hi|hello|hey|dear|ph(name|firstname|event|howlong|timesince)|good|great|lovely|really|just|quick|little|bit|lot|lots|soon|some|time|times|thing|things|way|well|today|now|again|also|still|properly|ever|last|next|first|one|two|week|weeks|month|months|year|years|day|days|moment|sometime|whenever|while|ago|back|here|there|done|doing|make|made|get|got|getting|go|going|went|come|came|take|took|want|wanted|like|love|glad|happy|hope|hoping|sure|know|say|said|tell|told|let|see|seen|saw|feel|sorry|thank|thanks|congratulation|congratulations|meet|met|meeting|event)\b/g;

const STOP = new Set(
  'a an the and or but so if to of in on at for with from by is are was were be been being am im ive id ill you your youre youve youd yours it its this that these those me my mine we our us they them their he she his her what whats how hows when where who whom which why there theres any as not no than then too very about into out up over off all each every more most much many own same other such only can could would should will shall might must may do did does have has had having dont didnt cant wont isnt itd thatd thats lets'.split(
    ' ',
  ),
);

/** Spellings folded into one keyword, so two ways of saying a thing count as the same keyword. */
const SYNONYMS: Readonly<Record<string, string>> = {
  thought: 'think',
  mull: 'think',
  wonder: 'think',
  remind: 'think',
  connection: 'connect',
  request: 'connect',
  linkedin: 'connect',
  admire: 'admire',
  respect: 'admire',
  chat: 'talk',
  conversation: 'talk',
  speak: 'talk',
  spoke: 'talk',
  catch: 'talk',
  ring: 'call',
  phone: 'call',
  rang: 'call',
  cafe: 'coffee',
  intro: 'introduce',
  introduction: 'introduce',
  phdetail: 'detail',
  mention: 'detail',
};

function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es') && !w.endsWith('ses')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (/[^e]e$/.test(w) && w.length > 4 && !(w in SYNONYMS)) w = w.slice(0, -1);
  return SYNONYMS[w] ?? SYNONYMS[word] ?? w;
}

/** The keywords a line means something with: framing and small words removed, synonyms folded. */
export function keywords(text: string): Set<string> {
  const bare = words(text).join(' ').replace(FRAME, ' ');
  const out = new Set<string>();
  for (const word of bare.split(/\s+/)) {
    if (!word || STOP.has(word)) continue;
    const k = stem(word);
    if (k.length > 2 && !STOP.has(k)) out.add(k);
  }
  return out;
}

/** Phrase families a text belongs to. */
export function phraseFamilies(text: string): string[] {
  return Object.entries(PHRASE_FAMILIES)
    .filter(([, pattern]) => pattern.test(text))
    .map(([name]) => name);
}

/**
 * Groups of more than `maxSize` lines that mean the same thing, largest first. A phrase family
 * counts across the whole list; a keyword pair counts within one situation, since a situation's
 * lines are what someone browses side by side.
 */
export function meaningClusters(items: readonly TextItem[], maxSize = 2): MeaningCluster[] {
  const groups = new Map<string, string[]>();
  const add = (key: string, id: string) => groups.set(key, [...(groups.get(key) ?? []), id]);
  const keysOf = new Map(items.map((item) => [item, keywords(item.text)]));
  // A keyword in more than a quarter of a situation's lines is that situation's frame
  // ("since we last spoke" in reconnect), not a meaning two lines could share by accident.
  const frequency = new Map<string, number>();
  const size = new Map<string, number>();
  for (const [item, keys] of keysOf) {
    const situation = item.situation ?? '';
    size.set(situation, (size.get(situation) ?? 0) + 1);
    for (const k of keys) frequency.set(`${situation}|${k}`, (frequency.get(`${situation}|${k}`) ?? 0) + 1);
  }
  const isFrame = (situation: string, key: string) =>
    (frequency.get(`${situation}|${key}`) ?? 0) > Math.max(maxSize + 1, FRAME_SHARE * (size.get(situation) ?? 0));
  for (const [item, all] of keysOf) {
    for (const family of phraseFamilies(item.text)) add(`phrase:${family}`, item.id);
    const keys = [...all].filter((k) => !isFrame(item.situation ?? '', k)).sort();
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) add(`${item.situation ?? ''}: ${keys[i]} + ${keys[j]}`, item.id);
    }
  }
  const clusters = [...groups.entries()]
    .filter(([, ids]) => ids.length > maxSize)
    .map(([key, ids]) => ({ key, ids }))
    .sort((a, b) => b.ids.length - a.ids.length || (a.key < b.key ? -1 : 1));
  // A keyword pair that only repeats a larger cluster's lines adds nothing to the report.
  return clusters.filter(
    (c, index) => !clusters.slice(0, index).some((big) => c.ids.every((id) => big.ids.includes(id))),
  );
}

/** The biggest group of lines sharing a meaning (phrase family or keyword pair), or undefined. */
export function largestMeaningCluster(items: readonly TextItem[]): MeaningCluster | undefined {
  return meaningClusters(items, 0)[0];
}
