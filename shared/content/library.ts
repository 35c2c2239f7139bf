import type { z } from 'zod';
import startersJson from './starters.v1.json' with { type: 'json' };
import promptsJson from './practice-prompts.v1.json' with { type: 'json' };
import {
  PracticePromptFile,
  type Channel,
  StarterFile,
  type PracticePrompt,
  type PracticeSituation,
  type Starter,
  type StarterSituation,
} from './schema.ts';

/** Thrown when bundled content does not match its schema; the message lists every problem. */
export class ContentError extends Error {
  override name = 'ContentError';
}

interface ContentFile<T> {
  version: 1;
  items: T[];
}

/**
 * Parses one content file and throws a single error naming every failing path and item id,
 * so whoever edits the JSON can fix all mistakes in one go rather than one per test run.
 */
export function parseContentFile<T extends { id: string }>(
  schema: z.ZodType<ContentFile<T>>,
  data: unknown,
  label: string,
): ContentFile<T> {
  const result = schema.safeParse(data);
  const problems: string[] = [];
  if (!result.success) {
    const items = (data as { items?: unknown })?.items;
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.') || '(root)';
      const index = issue.path[0] === 'items' && typeof issue.path[1] === 'number' ? issue.path[1] : undefined;
      const id = index !== undefined && Array.isArray(items) ? (items[index] as { id?: unknown })?.id : undefined;
      problems.push(`${path}${typeof id === 'string' ? ` [id ${id}]` : ''}: ${issue.message}`);
    }
  } else {
    // Ids are how favourites and history refer to content, so a repeated id would silently merge two items.
    const seen = new Set<string>();
    result.data.items.forEach((item, index) => {
      if (seen.has(item.id)) problems.push(`items.${index}.id [id ${item.id}]: Duplicate id`);
      seen.add(item.id);
    });
  }
  if (!result.success || problems.length > 0) {
    throw new ContentError(`${label} is invalid:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

export const starters: readonly Starter[] = parseContentFile(StarterFile, startersJson, 'starters.v1.json').items;
export const practicePrompts: readonly PracticePrompt[] = parseContentFile(
  PracticePromptFile,
  promptsJson,
  'practice-prompts.v1.json',
).items;

/** Channels in the order the app offers them, with the words it shows. */
export const CHANNEL_OPTIONS: ReadonlyArray<{ value: Channel; label: string }> = [
  { value: 'any', label: 'Any way' },
  { value: 'in-person', label: 'In person' },
  { value: 'message', label: 'Message' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'linkedin', label: 'LinkedIn' },
  { value: 'social', label: 'Social media' },
];

export const STARTER_SITUATION_LABELS: Readonly<Record<StarterSituation, string>> = {
  'event-small-talk': 'Small talk at events',
  'follow-up-48h': 'Following up within two days',
  reconnect: 'Getting back in touch',
  'ask-advice': 'Asking for advice',
  'offer-help': 'Offering help',
  congratulate: 'Congratulating someone',
  'graceful-exit': 'Leaving a conversation gracefully',
  online: 'Online: LinkedIn, email and social posts',
};

export const PRACTICE_SITUATION_LABELS: Readonly<Record<PracticeSituation, string>> = {
  'corridor-small-talk': 'Corridor and kitchen small talk',
  phone: 'Phone calls',
  email: 'Email',
  'meet-up': 'Meet-ups',
  conference: 'Conferences',
  'social-media': 'Social media',
  'short-course': 'Short courses and classes',
};

/** Every starter situation, in the order the labels above list them (stable for menus). */
export const STARTER_SITUATIONS = Object.keys(STARTER_SITUATION_LABELS) as StarterSituation[];
export const PRACTICE_SITUATIONS = Object.keys(PRACTICE_SITUATION_LABELS) as PracticeSituation[];

/** Starters grouped by situation; every situation has an entry, even if a future file leaves one empty. */
export function startersBySituation(library: readonly Starter[] = starters): Record<StarterSituation, Starter[]> {
  const groups = Object.fromEntries(STARTER_SITUATIONS.map((s) => [s, [] as Starter[]])) as Record<
    StarterSituation,
    Starter[]
  >;
  for (const starter of library) groups[starter.situation].push(starter);
  return groups;
}

/**
 * Case-insensitive search over text, tags, situation (id and label) and channel.
 * Every word of the query must match somewhere, so "coffee reconnect" narrows rather than widens.
 */
export function searchStarters(query: string, library: readonly Starter[] = starters): Starter[] {
  const words = query.toLocaleLowerCase('en-GB').split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...library];
  return library.filter((starter) => {
    const haystack = [
      starter.text,
      starter.situation,
      STARTER_SITUATION_LABELS[starter.situation],
      starter.channel,
      starter.tone,
      ...(starter.tags ?? []),
    ]
      .join(' ')
      .toLocaleLowerCase('en-GB');
    return words.every((word) => haystack.includes(word));
  });
}
