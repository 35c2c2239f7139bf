import type { z } from 'zod';
import startersJson from './starters.v2.json' with { type: 'json' };
import promptsJson from './practice-prompts.v1.json' with { type: 'json' };
import {
  PracticePromptFile,
  StarterFile,
  type LibraryStarter,
  type PracticePrompt,
  type Starter,
  type StarterSituation,
} from './schema.ts';
import { STARTER_KIND_LABELS, STARTER_SITUATIONS, STARTER_SITUATION_LABELS } from './situations.ts';

export * from './situations.ts';

/** Thrown when bundled content does not match its schema; the message lists every problem. */
export class ContentError extends Error {
  override name = 'ContentError';
}

/**
 * Parses one content file and throws a single error naming every failing path and item id,
 * so whoever edits the JSON can fix all mistakes in one go rather than one per test run.
 */
export function parseContentFile<F extends { items: { id: string }[] }>(
  schema: z.ZodType<F>,
  data: unknown,
  label: string,
): F {
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

/**
 * The files ship inside the app, so they are checked where they can change: in CI, where
 * library.test.ts parses them with `parseContentFile` and checks that parsing changes nothing.
 * At run time they are used as they are: parsing the starters cost about 20 ms of the first
 * Today of a day (its nudge suggests one), and once 100–150 ms of every start.
 */
export const bundledContent = {
  starters: startersJson as z.infer<typeof StarterFile>,
  prompts: promptsJson as z.infer<typeof PracticePromptFile>,
};

/** The bundled conversation starters. */
export const libraryStarters = (): readonly LibraryStarter[] => bundledContent.starters.items;

/** The bundled practice prompts. */
export const practicePrompts = (): readonly PracticePrompt[] => bundledContent.prompts.items;

/** Ids that shipped once and were merged into another line (or dropped: null). */
export const retiredStarterIds = (): Readonly<Record<string, string | null>> => bundledContent.starters.retired;

/**
 * The id a stored reference (a favourite) should use today: itself while it is in the library
 * or is one of the user's own, the line that replaced it once retired, undefined once dropped.
 */
export function currentStarterId(id: string): string | undefined {
  const retired = retiredStarterIds();
  if (!(id in retired)) return id;
  return retired[id] ?? undefined;
}

/** Starters grouped by situation; every situation has an entry, even if a future file leaves one empty. */
export function startersBySituation<T extends Starter>(
  library: readonly T[] = libraryStarters() as readonly T[],
): Record<StarterSituation, T[]> {
  const groups = Object.fromEntries(STARTER_SITUATIONS.map((s) => [s, [] as T[]])) as Record<StarterSituation, T[]>;
  for (const starter of library) groups[starter.situation].push(starter);
  return groups;
}

/**
 * Case-insensitive search over text, tags, situation (id and label), channel, tone and kind.
 * Every word of the query must match somewhere, so "coffee reconnect" narrows rather than widens.
 */
export function searchStarters<T extends Starter>(
  query: string,
  library: readonly T[] = libraryStarters() as readonly T[],
): T[] {
  const words = query.toLocaleLowerCase('en-GB').split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...library];
  return library.filter((starter) => {
    const haystack = [
      starter.text,
      starter.situation,
      STARTER_SITUATION_LABELS[starter.situation],
      starter.channel,
      starter.tone,
      starter.kind ? STARTER_KIND_LABELS[starter.kind] : '',
      ...(starter.tags ?? []),
    ]
      .join(' ')
      .toLocaleLowerCase('en-GB');
    return words.every((word) => haystack.includes(word));
  });
}
