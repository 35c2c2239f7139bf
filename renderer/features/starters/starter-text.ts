import type { Placeholder } from '../../../shared/content/schema.ts';

/** What each gap asks for, as the fill-in form's labels. */
export const PLACEHOLDER_LABELS: Record<Placeholder, string> = {
  firstName: 'Their first name',
  detail: 'Something they mentioned',
  event: 'The event',
  timeSince: 'How long it has been (e.g. a few months)',
};

/** Splits a starter's text into plain runs and `[gap]` runs, so gaps can be highlighted. */
export function splitGaps(text: string): { text: string; gap: boolean }[] {
  return text
    .split(/(\[[^\]]+\])/g)
    .filter(Boolean)
    .map((part) => ({ text: part, gap: /^\[[^\]]+\]$/.test(part) }));
}

/** The `[gaps]` a text still holds, each once: what is left to fill in before it is sent. */
export function gapsIn(text: string): string[] {
  return [...new Set(splitGaps(text).flatMap((part) => (part.gap ? [part.text] : [])))];
}
