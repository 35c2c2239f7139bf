/**
 * Turns a note the user typed about someone into a phrase that reads naturally in a message to
 * them: "his daughter starting university" → "your daughter starting university", "new puppy
 * called Biscuit" → "your new puppy Biscuit", "Is training for a marathon" → "training for a
 * marathon".
 *
 * Starters put `[detail]` where a noun phrase fits ("Last time you mentioned [detail]: how's that
 * going?"), so this rewrites the common shapes of a note into one. It is deliberately cautious:
 * when a note doesn't fit any shape it knows (a sentence with "me" in it, a paragraph, "back from
 * Japan"), it returns undefined and the suggestion simply doesn't use that detail. A slightly
 * stiff phrase is acceptable; "You mentioned his daughter" is not.
 */

const MAX_WORDS = 12;
const MAX_LENGTH = 80;

/** Words that often start a note in sentence case but are not names, so they can be lower-cased. */
const COMMON_START = new Set(
  `a an the his her their its my our your this that these those some new old first next last big small
  little upcoming recent latest second third two three four five six kids kid children child daughter
  son daughters sons twins baby wife husband partner girlfriend boyfriend fiancé fiancée mum mother dad
  father parents sister brother sisters brothers family grandchild grandchildren granddaughter grandson
  grandmother grandfather grandma grandad granny nan aunt uncle cousin niece nephew
  dog puppy cat kitten house flat home kitchen garden allotment wedding engagement job role promotion
  interview trip holiday move marathon half-marathon race course degree exams exam book novel podcast
  band choir startup business company project renovation extension visa mortgage car bike team
  conference talk presentation thesis dissertation training sabbatical retirement birthday anniversary
  is was has had he she they just into loves love likes enjoys getting got moving moved starting started
  running runs working works living lives planning learning training hoping wants told mentioned said
  talked talking asked excited`.split(/\s+/),
);

/** Reporting words a note may open with; what follows is the detail itself. */
const REPORTING =
  /^(?:(?:he|she|they)\s+)?(?:mentioned|said|told me|talked|was talking|spoke|asked)(?:\s+(?:about|that|of))?\s+/i;

/** Past or present verbs a note may start with, and how they read as an "-ing" phrase. */
const IRREGULAR: Readonly<Record<string, string>> = {
  got: 'getting',
  gets: 'getting',
  ran: 'running',
  runs: 'running',
  went: 'going',
  goes: 'going',
  made: 'making',
  makes: 'making',
  took: 'taking',
  takes: 'taking',
  won: 'winning',
  wins: 'winning',
  lost: 'losing',
  loses: 'losing',
  left: 'leaving',
  leaves: 'leaving',
  became: 'becoming',
  becomes: 'becoming',
  bought: 'buying',
  buys: 'buying',
  began: 'beginning',
  begins: 'beginning',
  sold: 'selling',
  wrote: 'writing',
  writes: 'writing',
  met: 'meeting',
  swam: 'swimming',
  flew: 'flying',
  did: 'doing',
  does: 'doing',
};

/** "-ed" words that describe a state; read as a phrase rather than a verb. */
const STATES: Readonly<Record<string, string>> = {
  engaged: 'getting engaged',
  married: 'getting married',
  promoted: 'getting promoted',
  excited: 'being excited',
  interested: 'being interested',
};

/** Present-tense verbs a note commonly starts with ("Runs a bakery"); a plural noun is never mistaken for one. */
const PRESENT_VERBS = new Set(
  `works lives plays teaches studies volunteers coaches owns wants hopes plans organises manages leads
  hosts builds trains cycles swims sings paints collects supports rows climbs bakes cooks knits
  mentors designs writes makes runs goes takes gets turns`.split(/\s+/),
);

const NOT_A_NOUN = new Set(
  'back just still off away out over up down very really so quite about in on at for from to with by not no only also'.split(
    ' ',
  ),
);
const DETERMINERS = new Set(
  'the your my our this that these those some any each every both all another other'.split(' '),
);
/** What follows the adjective of a trait: "allergic to", "afraid of", "fluent in", "shy at". */
const TRAIT_PREPOSITION = /^(?:to|of|at|in|on|for|from|with|about|by|as|than)$/i;
const PREPOSITION_OR_END = /^(?:$|[,;:]|(?:to|at|in|on|for|from|with|about|and|or|but|after|before|into|over)\b)/i;

function gerund(verb: string): string {
  const v = verb.toLowerCase();
  if (IRREGULAR[v]) return IRREGULAR[v];
  let root = v;
  if (/ied$/.test(v) || /ies$/.test(v)) return `${v.slice(0, -3)}ying`;
  if (/eed$/.test(v)) root = v.slice(0, -1);
  else if (/ed$/.test(v)) root = v.slice(0, -2);
  else if (/(ch|sh|ss|x|z)es$/.test(v)) root = v.slice(0, -2);
  else if (/s$/.test(v)) root = v.slice(0, -1);
  if (/[^e]e$/.test(root)) return `${root.slice(0, -1)}ing`;
  // run → running, plan → planning: a short consonant–vowel–consonant root doubles its last letter.
  if (!/ed$/.test(v) && root.length <= 4 && /[^aeiou][aeiou][^aeiouwxy]$/.test(root)) root += root.at(-1);
  return `${root}ing`;
}

/** Words ending in "-ing" that are nouns, not verbs: "wedding in Lisbon" still needs "your". */
const ING_NOUNS = new Set(
  `wedding evening morning ceiling spring string thing nothing something anything everything
  king ring wing bring clothing housing funding ending offering recording christening sibling pudding outing
  setting earring`.split(/\s+/),
);
const isGerund = (word: string) => /^[a-z]{2,}ing$/.test(word) && !ING_NOUNS.has(word);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PRONOUNS = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they']);
/** Words that may follow a past verb directly ("started at", "got into", "started school"). */
const AFTER_VERB = new Set(
  'a an the to at in on for from with into his her their up out back home school university uni work nursery college'.split(
    ' ',
  ),
);

/**
 * A note that starts with a noun and then says what happened ("Son got into Oxford", "husband is a
 * chef") becomes a phrase: "son getting into Oxford", "husband being a chef". Only the first verb
 * within the first few words is changed, and never one after a pronoun ("the flat they bought").
 */
function verbAfterSubject(text: string): string {
  const words = text.split(' ');
  for (let i = 1; i < Math.min(words.length, 4); i++) {
    const word = words[i]!.toLowerCase();
    const next = (words[i + 1] ?? '').toLowerCase();
    if (PRONOUNS.has(words[i - 1]!.toLowerCase())) return text;
    // "is finally producing": look past an adverb for the "-ing" word.
    const afterAdverbs =
      words
        .slice(i + 1)
        .find((w) => !/ly$/i.test(w))
        ?.toLowerCase() ?? '';
    let replacement: string | undefined;
    if (['is', 'are', 'was', 'were'].includes(word)) replacement = isGerund(afterAdverbs) ? '' : 'being';
    else if (['has', 'had'].includes(word)) replacement = 'having';
    else if (IRREGULAR[word] && !/s$/.test(word)) replacement = IRREGULAR[word];
    else if (PRESENT_VERBS.has(word)) replacement = gerund(word);
    else if (/^[a-z]{3,}ed$/.test(word) && AFTER_VERB.has(next)) replacement = gerund(word);
    if (replacement !== undefined) {
      return [...words.slice(0, i), ...(replacement ? [replacement] : []), ...words.slice(i + 1)].join(' ');
    }
  }
  return text;
}

/** Replaces third-person references to the person with second-person ones, fixing the verb after a subject. */
function toSecondPerson(text: string): string {
  return text
    .replace(/\b(he|she)\s+(?:is|'s|’s)\b/gi, 'you are')
    .replace(/\b(he|she)\s+was\b/gi, 'you were')
    .replace(/\b(he|she)\s+has\b/gi, 'you have')
    .replace(/\b(he|she)\s+does\b/gi, 'you do')
    .replace(/\b(he|she)\s+(\w+?)(ies|es|s)\b/gi, (_w, _p, root: string, ending: string) => {
      if (ending === 'ies') return `you ${root}y`;
      return `you ${ending === 'es' && /(ch|sh|ss|x|z|o)$/.test(root) ? root : root + (ending === 'es' ? 'e' : '')}`;
    })
    .replace(/\b(he|she)\b/gi, 'you')
    .replace(/\b(himself|herself|themselves)\b/gi, 'yourself')
    .replace(/\b(hers|theirs)\b/gi, 'yours')
    .replace(/\b(his|their)\b/gi, 'your')
    .replace(/\bher\b(\s*)([^\s]*)/gi, (_w, space: string, next: string) =>
      PREPOSITION_OR_END.test(next) ? `you${space}${next}` : `your${space}${next}`,
    )
    .replace(/\bhim\b/gi, 'you');
}

/**
 * The note as a phrase to put after "you mentioned", or undefined when it can't be made into one.
 * `firstName` lets "Sam's new job" become "your new job".
 */
export function detailPhrase(note: string, firstName = ''): string | undefined {
  let text = note
    .replace(/[[\]{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    // One sentence is a detail; the rest of a note is commentary.
    .split(/(?<=[.!?;])\s+/)[0]!
    .replace(/[\s.,;:!?]+$/u, '')
    .trim();
  if (!text) return undefined;

  const name = firstName.trim();
  if (name) {
    const own = new RegExp(`^${escape(name)}(?:'s|’s)\\s+(?!\\w+ing\\b)`, 'i');
    text = text
      .replace(own, 'your ')
      .replace(new RegExp(`^${escape(name)}\\s+(?=(?:is|was|has|just|\\w+s)\\b)`, 'i'), '');
  }
  text = text
    .replace(REPORTING, '')
    .replace(/^(he|she|it)(?:'s|’s)\s+got\b/i, '$1 has got')
    .replace(/^(he|she|it)(?:'s|’s)\b/i, '$1 is')
    .replace(/^they(?:'re|’re)\b/i, 'they are')
    // "her sister is visiting": the phrase reads better as "her sister visiting".
    .replace(/(?<!\b(?:he|she|they|you|we|i|it))\s+(?:is|are)\s+(?=[a-z]{3,}ing\b)/gi, ' ');
  const first = text.split(' ')[0]!;
  if (COMMON_START.has(first.toLowerCase()) || /^[A-Z][a-z]+ing$/.test(first) || /^[A-Z][a-z]+ly$/.test(first)) {
    text = first.toLowerCase() + text.slice(first.length);
  }

  text = text
    .replace(/^(?:he|she|they)\s+(?=\w)/i, '')
    .replace(/^just\s+/i, '')
    .replace(/^(?:'s|is|are|was|were)\s+(?=\w+ing\b)/i, '')
    .replace(/^(?:'s|is|are|was|were)\s+(?:a|an)\s+/i, 'being a ')
    .replace(/^(?:has|have|'s got|has got)\s+(?:(?:a|an|the)\s+)?/i, 'your ')
    .replace(/^(?:loves|adores)\s+/i, 'your love of ')
    .replace(/^(?:likes|enjoys|is into|into)\s+/i, 'your interest in ')
    .replace(/^(?:'s|is|are|was|were)\s+/i, 'being ');

  const [lead = '', ...rest] = text.split(' ');
  const leadLower = lead.toLowerCase();
  // "Met at DevConf" → "meeting at DevConf": a verb made into a phrase needs no "your".
  let startsWithVerb = false;
  if (STATES[leadLower]) text = [STATES[leadLower], ...rest].join(' ');
  else if (IRREGULAR[leadLower] || PRESENT_VERBS.has(leadLower) || /^[a-z]{3,}ed$/.test(lead)) {
    text = [gerund(lead), ...rest].join(' ');
    startsWithVerb = true;
  }
  // A phrase that already starts with what happened ("getting engaged to…") has no later verb to fix.
  const head0 = text.split(' ')[0]!.toLowerCase();
  if (!isGerund(head0) && head0 !== 'being' && !text.startsWith('your love') && !text.startsWith('your interest')) {
    text = verbAfterSubject(text);
  }
  text = toSecondPerson(text)
    // "your daughter's starting university": the 's is "is", and the phrase reads better without it.
    .replace(/(\w)(?:'s|’s)\s+(?=\w+ing\b)/g, '$1 ')
    .replace(/^(?:a|an)\s+/i, 'your ');

  const words = text.split(' ');
  const head = words[0]!;
  if (NOT_A_NOUN.has(head.toLowerCase())) return undefined;
  if (/^[A-Z]/.test(head)) {
    // "Allergic to peanuts", "Afraid of flying": a capital before a preposition is a sentence's
    // first word (a trait), not a name, and no article makes it a topic to ask about.
    if (TRAIT_PREPOSITION.test(words[1] ?? '')) return undefined;
    // "Bristol move" → "the Bristol move"; "Biscuit" and "Biscuit's vet visit" stay as they are.
    if (words.length > 1 && /^[a-z]/.test(words[1]!) && !/(?:'s|’s)$/.test(head) && !isGerund(words[1]!)) {
      text = `the ${text}`;
    }
  } else if (
    !startsWithVerb &&
    !DETERMINERS.has(head) &&
    !isGerund(head) &&
    !['your', 'being'].includes(head) &&
    // "quietly looking for a new job" is already a phrase.
    !(/ly$/.test(head) && isGerund(words[1] ?? ''))
  ) {
    text = `your ${text}`;
  }

  // "your new puppy called Biscuit" → "your new puppy Biscuit"; "fostering a cat called Miso" keeps it.
  const out = text.replace(/(\b(?:your|the)\s+(?:[\w-]+\s+){0,3}?)(?:called|named)\s+(?=[A-Z])/g, '$1').trim();
  const tooLong = out.length > MAX_LENGTH || out.split(' ').length > MAX_WORDS;
  const thirdPerson = /\b(he|she|him|his|her|hers|himself|herself)\b/i.test(out);
  const aboutTheWriter = /\b(I|me|I'm|I’m|I've|I’d)\b/.test(out);
  const unconvertedVerb = /^(?:your\s+)?(?:is|was|has|had|are|were)\b/i.test(out);
  if (tooLong || thirdPerson || aboutTheWriter || unconvertedVerb) return undefined;
  return out;
}
