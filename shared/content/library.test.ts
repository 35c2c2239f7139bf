import { describe, expect, it } from 'vitest';
import startersJson from './starters.v1.json' with { type: 'json' };
import promptsJson from './practice-prompts.v1.json' with { type: 'json' };
import {
  ContentError,
  PRACTICE_SITUATIONS,
  PRACTICE_SITUATION_LABELS,
  STARTER_SITUATIONS,
  STARTER_SITUATION_LABELS,
  parseContentFile,
  practicePrompts,
  searchStarters,
  starters,
  startersBySituation,
} from './library.ts';
import { PLACEHOLDERS, PracticePromptFile, StarterFile, placeholderProblem } from './schema.ts';

const MIN_STARTERS_PER_SITUATION = 20;
const MIN_ONLINE_STARTERS = 25;
const MIN_PROMPTS_PER_DIFFICULTY = 5;

function countBy<T>(items: readonly T[], key: (item: T) => string | number): Map<string | number, number> {
  const counts = new Map<string | number, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Lower-case words with placeholders kept as tokens, so "Hi {firstName}," and "Hi Sam," compare alike. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\{(\w+)\}/g, ' ph$1 ')
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

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

const NEAR_DUPLICATE = 0.5;

function nearDuplicates(items: readonly { id: string; text: string }[]): string[] {
  const sets = items.map((item) => ({ item, set: shingles(item.text) }));
  const pairs: string[] = [];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i]!;
      const b = sets[j]!;
      const score = jaccard(a.set, b.set);
      if (score >= NEAR_DUPLICATE) {
        pairs.push(`${score.toFixed(2)} ${a.item.id} <> ${b.item.id}\n    ${a.item.text}\n    ${b.item.text}`);
      }
    }
  }
  return pairs;
}

const everything = [...starters, ...practicePrompts];

describe('content files', () => {
  it('parse against their schemas', () => {
    expect(() => parseContentFile(StarterFile, startersJson, 'starters')).not.toThrow();
    expect(() => parseContentFile(PracticePromptFile, promptsJson, 'prompts')).not.toThrow();
    expect(startersJson.version).toBe(1);
    expect(promptsJson.version).toBe(1);
  });

  it('reports every failing path and id in one error', () => {
    const broken = structuredClone(startersJson) as { items: Record<string, unknown>[] };
    broken.items[3]!.situation = 'karaoke';
    broken.items[7]!.text = 'Hello {name}, how are things going?';
    let message = '';
    try {
      parseContentFile(StarterFile, broken, 'starters.v1.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      message = (error as Error).message;
    }
    expect(message).toContain('items.3.situation');
    expect(message).toContain(`[id ${startersJson.items[3]!.id}]`);
    expect(message).toContain('items.7.text');
    expect(message).toContain('{name}');
  });

  it('rejects a file that repeats an id', () => {
    const twice = { version: 1, items: [startersJson.items[0], startersJson.items[0]] };
    expect(() => parseContentFile(StarterFile, twice, 'starters')).toThrow(/Duplicate id/);
  });

  it('has unique ids across both files', () => {
    const ids = everything.map((item) => item.id);
    expect(ids.length).toBe(new Set(ids).size);
  });
});

describe('coverage', () => {
  it(`has at least ${MIN_STARTERS_PER_SITUATION} starters in every situation and 220 overall`, () => {
    const counts = countBy(starters, (s) => s.situation);
    for (const situation of STARTER_SITUATIONS) {
      expect(counts.get(situation) ?? 0, situation).toBeGreaterThanOrEqual(MIN_STARTERS_PER_SITUATION);
    }
    expect(starters.length).toBeGreaterThanOrEqual(220);
  });

  it(`has at least ${MIN_ONLINE_STARTERS} online starters, all on LinkedIn, email or social`, () => {
    const online = starters.filter((s) => s.situation === 'online');
    expect(online.length).toBeGreaterThanOrEqual(MIN_ONLINE_STARTERS);
    for (const s of online) expect(['linkedin', 'email', 'social'], s.id).toContain(s.channel);
    expect(new Set(online.map((s) => s.channel))).toEqual(new Set(['linkedin', 'email', 'social']));
  });

  it('has at least 90 prompts, with every difficulty 1–10 used at least 5 times', () => {
    expect(practicePrompts.length).toBeGreaterThanOrEqual(90);
    const counts = countBy(practicePrompts, (p) => p.difficulty);
    for (let d = 1; d <= 10; d++)
      expect(counts.get(d) ?? 0, `difficulty ${d}`).toBeGreaterThanOrEqual(MIN_PROMPTS_PER_DIFFICULTY);
  });

  it('spans easy to hard within every practice situation', () => {
    for (const situation of PRACTICE_SITUATIONS) {
      const levels = practicePrompts.filter((p) => p.situation === situation).map((p) => p.difficulty);
      expect(Math.min(...levels), situation).toBeLessThanOrEqual(2);
      expect(Math.max(...levels), situation).toBeGreaterThanOrEqual(9);
    }
  });

  it('labels every situation in plain words', () => {
    for (const s of STARTER_SITUATIONS) expect(STARTER_SITUATION_LABELS[s]).toMatch(/^[A-Z][^-]/);
    for (const s of PRACTICE_SITUATIONS) expect(PRACTICE_SITUATION_LABELS[s]).toMatch(/^[A-Z][^-]/);
    expect(STARTER_SITUATIONS).toHaveLength(8);
    expect(PRACTICE_SITUATIONS).toHaveLength(7);
  });
});

describe('writing rules', () => {
  it('uses only known placeholders, with balanced braces', () => {
    const bad = everything.filter((item) => placeholderProblem(item.text) !== undefined).map((item) => item.id);
    expect(bad).toEqual([]);
    for (const item of everything) {
      for (const match of item.text.matchAll(/\{([^}]*)\}/g)) expect(PLACEHOLDERS, item.id).toContain(match[1]);
      expect(item.text.split('{').length, item.id).toBe(item.text.split('}').length);
    }
  });

  it('keeps prompts free of placeholders (they are read, not sent)', () => {
    for (const p of practicePrompts) expect(p.text, p.id).not.toMatch(/[{}]/);
  });

  it('never starts a sentence with {detail}, so a lower-case noun phrase reads naturally', () => {
    const bad = starters.filter((s) => /(^|[.!?]\s+)\{detail\}/.test(s.text)).map((s) => s.id);
    expect(bad).toEqual([]);
  });

  it('has no duplicate or near-duplicate texts (3-word shingle Jaccard below 0.5)', () => {
    const pairs = [...nearDuplicates(starters), ...nearDuplicates(practicePrompts)];
    if (pairs.length > 0) console.error(`Near-duplicates:\n  ${pairs.join('\n  ')}`);
    expect(pairs).toEqual([]);
  });

  it('flags a lightly reworded copy as a near-duplicate (the check above can fail)', () => {
    const pairs = nearDuplicates([
      {
        id: 'a',
        text: 'Hi {firstName}, it has been {timeSince} since we last spoke. How are things with you these days?',
      },
      {
        id: 'b',
        text: 'Hi {firstName}, it has been {timeSince} since we last spoke! How are things with you at the moment?',
      },
      { id: 'c', text: 'What brought you along tonight?' },
    ]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toContain('a <> b');
  });

  it('makes every reconnect starter acknowledge the gap and ask before telling', () => {
    const acknowledgesTime = /\{timeSince\}|\b(while|since|ages|long)\b/i;
    for (const s of starters.filter((x) => x.situation === 'reconnect')) {
      expect(s.text, s.id).toMatch(acknowledgesTime);
      expect(s.text, `${s.id} should ask a question`).toContain('?');
    }
  });

  it('keeps {timeSince} to reconnect starters, where personalisation can fill it', () => {
    const elsewhere = starters.filter((s) => s.text.includes('{timeSince}') && s.situation !== 'reconnect');
    expect(elsewhere.map((s) => s.id)).toEqual([]);
  });

  it('makes every prompt doable in one sitting', () => {
    const multiDay =
      /\b(every|each) (day|morning|evening|night|week|month)\b|\bdaily\b|\bweekly\b|\bfor a (week|fortnight|month)\b|\b(this|next) (week|month)\b|\bover the (next )?(few )?(days|weeks?|months?)\b|\b(\d+|two|three|four|five|six|seven|ten) (days|weeks)\b/i;
    for (const p of practicePrompts) {
      expect(p.minutes, p.id).toBeLessThanOrEqual(90);
      expect(p.text, p.id).not.toMatch(multiDay);
    }
  });

  it('starts every id with its situation, so ids stay readable in logs and favourites', () => {
    for (const item of everything) expect(item.id.startsWith(`${item.situation}-`), item.id).toBe(true);
  });

  it('avoids diagnostic or clinical language', () => {
    const clinical = /\b(anxiety|disorders?|diagnos\w*|symptoms?|therap\w*|phobi\w*|patients?|condition)\b/i;
    for (const item of everything) expect(item.text, item.id).not.toMatch(clinical);
  });

  it('uses British spelling for the words most likely to slip', () => {
    const american = /\b(organiz\w*|favor\w*|color\w*|center|apologiz\w*|realiz\w*|program(?!me))\b/i;
    for (const item of everything) expect(item.text, item.id).not.toMatch(american);
  });
});

describe('helpers', () => {
  it('groups starters by situation without losing any', () => {
    const groups = startersBySituation();
    expect(Object.keys(groups).sort()).toEqual([...STARTER_SITUATIONS].sort());
    expect(Object.values(groups).reduce((n, g) => n + g.length, 0)).toBe(starters.length);
    expect(groups.reconnect.every((s) => s.situation === 'reconnect')).toBe(true);
  });

  it.each([
    ['COFFEE', (text: string, tags: string[]) => text.toLowerCase().includes('coffee') || tags.includes('coffee')],
    ['nervous', (text: string, tags: string[]) => text.toLowerCase().includes('nervous') || tags.includes('nervous')],
  ])('searches text and tags case-insensitively for %s', (query, matches) => {
    const found = searchStarters(query);
    expect(found.length).toBeGreaterThan(0);
    for (const s of found) expect(matches(s.text, s.tags ?? []), s.id).toBe(true);
  });

  it('searches by situation id and label, and narrows with more words', () => {
    expect(searchStarters('graceful-exit')).toHaveLength(startersBySituation()['graceful-exit'].length);
    expect(searchStarters('getting back in touch').every((s) => s.situation === 'reconnect')).toBe(true);
    const narrow = searchStarters('reconnect coffee');
    expect(narrow.length).toBeGreaterThan(0);
    expect(narrow.length).toBeLessThan(searchStarters('coffee').length);
    expect(searchStarters('zebra crossing')).toEqual([]);
    expect(searchStarters('   ')).toHaveLength(starters.length);
  });
});
