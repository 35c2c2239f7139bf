import type { Placeholder } from '../../../shared/content/schema.ts';
import { fillPlaceholders, placeholdersIn } from '../../../shared/domain/starters/personalise.ts';

/**
 * One placeholder syntax for people: `[name]`, `[detail]`, `[event]`, `[time since]`, in the
 * library, in "Write your own" and in the fill-in step before copying. Stored texts keep the
 * library's `{firstName}` form; these functions translate at the edge of the screen.
 */
export const PLACEHOLDER_WORDS: Record<Placeholder, string> = {
  firstName: 'name',
  detail: 'detail',
  event: 'event',
  timeSince: 'time since',
};

/** What each gap asks for, as the fill-in form's labels. */
export const PLACEHOLDER_LABELS: Record<Placeholder, string> = {
  firstName: 'Their first name',
  detail: 'Something they mentioned',
  event: 'The event',
  timeSince: 'How long it has been (e.g. a few months)',
};

const bracketed = Object.fromEntries(
  Object.entries(PLACEHOLDER_WORDS).map(([key, word]) => [key, `[${word}]`]),
) as Record<Placeholder, string>;

/** `Hi {firstName}` → `Hi [name]`: how a starter is shown. */
export const displayText = (text: string): string => fillPlaceholders(text, bracketed);

/** `Hi [name]` → `Hi {firstName}`: what a typed starter is saved as. Unknown brackets stay text. */
export function storedText(text: string): string {
  return text.replace(/\[([^\]]{1,20})\]/g, (whole, word: string) => {
    const key = (Object.keys(PLACEHOLDER_WORDS) as Placeholder[]).find(
      (k) => PLACEHOLDER_WORDS[k] === word.trim().toLocaleLowerCase(),
    );
    return key ? `{${key}}` : whole;
  });
}

/** The gaps a stored starter still has, in order. */
export const gapsIn = (storedStarter: string): Placeholder[] =>
  placeholdersIn(storedStarter).filter((name): name is Placeholder => name in PLACEHOLDER_WORDS);

/** Splits a displayed text into plain runs and `[gap]` runs, so gaps can be highlighted. */
export function splitGaps(text: string): { text: string; gap: boolean }[] {
  return text
    .split(/(\[[^\]]+\])/g)
    .filter(Boolean)
    .map((part) => ({ text: part, gap: /^\[[^\]]+\]$/.test(part) }));
}
