import { fillPlaceholders } from '../../../shared/domain/starters/personalise.ts';

/**
 * Library starters are templates. In the library, each placeholder becomes a short bracketed
 * hint, so what is shown and copied reads as a sentence with obvious gaps to fill, never "{detail}".
 */
export const LIBRARY_HINTS = {
  firstName: '[name]',
  detail: '[something they mentioned]',
  event: '[event]',
  timeSince: '[a while]',
} as const;

/** A starter's text as the library shows and copies it. */
export const displayText = (text: string): string => fillPlaceholders(text, LIBRARY_HINTS);
