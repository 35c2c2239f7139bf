import { describe, expect, it } from 'vitest';
import startersJson from './starters.v2.json' with { type: 'json' };
import promptsJson from './practice-prompts.v1.json' with { type: 'json' };
import {
  ContentError,
  bundledContent,
  PRACTICE_SITUATIONS,
  PRACTICE_SITUATION_LABELS,
  STARTER_SITUATIONS,
  STARTER_SITUATION_LABELS,
  currentStarterId,
  parseContentFile,
  libraryStarters,
  practicePrompts as practicePromptsOf,
  retiredStarterIds as retiredStarterIdsOf,
  searchStarters,
  startersBySituation,
} from './library.ts';
import { PracticePromptFile, StarterFile, StarterSituation } from './schema.ts';

const starters = libraryStarters();
const practicePrompts = practicePromptsOf();
const retiredStarterIds = retiredStarterIdsOf();

const MIN_STARTERS = 300;
const MIN_STARTERS_PER_SITUATION = 20;
const MIN_ONLINE_STARTERS = 25;
const MIN_PROMPTS = 120;
const MIN_PROMPTS_PER_DIFFICULTY = 5;
/** Situations personalisation draws on; each needs lines that are true for anyone who sends them. */
const SUGGESTED_SITUATIONS: StarterSituation[] = [
  'event-small-talk',
  'quiet-networking',
  'follow-up-48h',
  'late-follow-up',
  'check-in',
  'reconnect',
  'meet-in-person',
  'classmates',
  'ask-advice',
  'offer-help',
  'online',
];

function countBy<T>(items: readonly T[], key: (item: T) => string | number): Map<string | number, number> {
  const counts = new Map<string | number, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('content files', () => {
  it('parse against their schemas, and parsing changes nothing (the app uses them unparsed)', () => {
    expect(parseContentFile(StarterFile, startersJson, 'starters')).toStrictEqual(bundledContent.starters);
    expect(parseContentFile(PracticePromptFile, promptsJson, 'prompts')).toStrictEqual(bundledContent.prompts);
    expect(startersJson.version).toBe(2);
    expect(promptsJson.version).toBe(1);
  });

  it('reports every failing path and id in one error', () => {
    const broken = structuredClone(startersJson) as { items: Record<string, unknown>[] };
    broken.items[3]!.situation = 'karaoke';
    broken.items[7]!.text = 'Hello [nmae], how are things going?';
    delete broken.items[9]!.kind;
    let message = '';
    try {
      parseContentFile(StarterFile, broken, 'starters.v2.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ContentError);
      message = (error as Error).message;
    }
    expect(message).toContain('items.3.situation');
    expect(message).toContain(`[id ${startersJson.items[3]!.id}]`);
    expect(message).toContain('items.7.text');
    expect(message).toContain('[nmae]');
    expect(message).toContain(`items.9.kind [id ${startersJson.items[9]!.id}]`);
  });

  it('refuses a version 1 file, whose lines have no kind and use the old placeholders', () => {
    const v1 = {
      version: 1,
      items: [
        {
          id: 'reconnect-x',
          situation: 'reconnect',
          tone: 'warm',
          channel: 'any',
          text: 'Hi {firstName}, how are you?',
        },
      ],
    };
    expect(() => parseContentFile(StarterFile, v1, 'starters.v1.json')).toThrow(/version[\s\S]*kind/);
  });

  it('rejects a file that repeats an id', () => {
    const twice = { version: 2, items: [startersJson.items[0], startersJson.items[0]] };
    expect(() => parseContentFile(StarterFile, twice, 'starters')).toThrow(/Duplicate id/);
  });

  it('has unique ids across both files', () => {
    const ids = [...starters, ...practicePrompts].map((item) => item.id);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('never reuses a retired id, and points each retired id at a line that exists', () => {
    const live = new Set(starters.map((s) => s.id));
    expect(Object.keys(retiredStarterIds).length).toBeGreaterThan(0);
    for (const [from, to] of Object.entries(retiredStarterIds)) {
      expect(live.has(from), from).toBe(false);
      if (to !== null) expect(live.has(to), `${from} → ${to}`).toBe(true);
    }
    expect(currentStarterId('graceful-exit-going-mingle-kept-myself')).toBe('graceful-exit-want-keep-everyone-else');
    expect(currentStarterId('graceful-exit-promised-myself-meet-three')).toBeUndefined();
    expect(currentStarterId('reconnect-long-time-no-speak')).toBe('reconnect-long-time-no-speak');
    expect(currentStarterId('own-1234')).toBe('own-1234');
  });
});

describe('coverage', () => {
  it(`has at least ${MIN_STARTERS} starters, and ${MIN_STARTERS_PER_SITUATION} in every situation`, () => {
    expect(starters.length).toBeGreaterThanOrEqual(MIN_STARTERS);
    const counts = countBy(starters, (s) => s.situation);
    for (const situation of STARTER_SITUATIONS) {
      expect(counts.get(situation) ?? 0, situation).toBeGreaterThanOrEqual(MIN_STARTERS_PER_SITUATION);
    }
  });

  it('has lines true for anyone in every situation that is suggested automatically', () => {
    for (const situation of SUGGESTED_SITUATIONS) {
      const usable = starters.filter((s) => s.situation === situation && s.kind === 'suggestible');
      expect(usable.length, situation).toBeGreaterThanOrEqual(6);
    }
  });

  it('has at least 20 announcements of a job change', () => {
    expect(starters.filter((s) => s.tags?.includes('job-change')).length).toBeGreaterThanOrEqual(20);
  });

  it('has at least 20 lines for quiet people at big events: arriving early, helping out, a quiet corner', () => {
    const quiet = starters.filter((s) => s.situation === 'quiet-networking');
    expect(quiet.length).toBeGreaterThanOrEqual(20);
    for (const tag of ['early', 'volunteering', 'quiet-corner']) {
      expect(quiet.filter((s) => s.tags?.includes(tag)).length, tag).toBeGreaterThanOrEqual(4);
    }
  });

  it(`has at least ${MIN_ONLINE_STARTERS} online starters, all on LinkedIn, email or social`, () => {
    const online = starters.filter((s) => s.situation === 'online');
    expect(online.length).toBeGreaterThanOrEqual(MIN_ONLINE_STARTERS);
    expect(new Set(online.map((s) => s.channel))).toEqual(new Set(['linkedin', 'email', 'social']));
  });

  it(`has at least ${MIN_PROMPTS} prompts, with every difficulty used at least ${MIN_PROMPTS_PER_DIFFICULTY} times`, () => {
    expect(practicePrompts.length).toBeGreaterThanOrEqual(MIN_PROMPTS);
    const counts = countBy(practicePrompts, (p) => p.difficulty);
    for (let d = 1; d <= 10; d++) {
      expect(counts.get(d) ?? 0, `difficulty ${d}`).toBeGreaterThanOrEqual(MIN_PROMPTS_PER_DIFFICULTY);
    }
  });

  it('has a prompt at every difficulty from 1 to 10 in every practice situation', () => {
    for (const situation of PRACTICE_SITUATIONS) {
      const levels = new Set(practicePrompts.filter((p) => p.situation === situation).map((p) => p.difficulty));
      const missing = Array.from({ length: 10 }, (_, i) => i + 1).filter((d) => !levels.has(d));
      expect(missing, situation).toEqual([]);
    }
  });

  it('labels every situation in plain words', () => {
    for (const s of STARTER_SITUATIONS) expect(STARTER_SITUATION_LABELS[s]).toMatch(/^[A-Z][^-]/);
    for (const s of PRACTICE_SITUATIONS) expect(PRACTICE_SITUATION_LABELS[s]).toMatch(/^[A-Z][^-]/);
    expect([...STARTER_SITUATIONS].sort()).toEqual([...StarterSituation.options].sort());
    expect(PRACTICE_SITUATIONS).toHaveLength(7);
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

  it('searches by situation id and label and by kind, and narrows with more words', () => {
    expect(searchStarters('graceful-exit')).toHaveLength(startersBySituation()['graceful-exit'].length);
    expect(searchStarters('getting back in touch').every((s) => s.situation === 'reconnect')).toBe(true);
    const examples = searchStarters('make it yours');
    expect(examples.length).toBe(starters.filter((s) => s.kind === 'example').length);
    const narrow = searchStarters('reconnect coffee');
    expect(narrow.length).toBeGreaterThan(0);
    expect(narrow.length).toBeLessThan(searchStarters('coffee').length);
    expect(searchStarters('zebra crossing')).toEqual([]);
    expect(searchStarters('   ')).toHaveLength(starters.length);
  });
});
