import {
  fillPlaceholders,
  normalisePlaceholders,
  placeholdersIn,
  type Placeholder,
  type PlaceholderValues,
} from '../../content/placeholders.ts';
import { detailPhrase } from './detail-phrase.ts';

/**
 * Copying a starter from the library, where no particular person is known. Whatever is copied
 * must never carry a placeholder:
 * - `[name]` is simply left out ("Hi [name]," → "Hi,") unless a name is given; where it can't be
 *   left out (mid-sentence in someone's own line), it has to be filled in like the next two;
 * - `[how long]` reads as "a while", unless given;
 * - `[detail]` and `[event]` can't be guessed, so the person fills them in first ("make it yours").
 */

/** Placeholders the user has to fill in before the line can be copied. */
export const MUST_FILL: readonly Placeholder[] = ['detail', 'event'];

export type CopyResult = { ok: true; text: string } | { ok: false; missing: Placeholder[] };

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Takes `[name]` out of a line in the places the library puts it: after a greeting, or set off by commas. */
export function withoutName(text: string): string {
  return (
    text
      .replace(/^Dear \[name\],/, 'Hello,')
      .replace(/^(Hi|Hello|Hey|Okay) \[name\]([,!])/, '$1$2')
      // "[name]! I was hoping…", "Anyone going? [name], I think…"
      .replace(
        /(^|[.!?]\s+)\[name\](?:!+|,)\s*(\S)/g,
        (_whole, before: string, next: string) => before + upperFirst(next),
      )
      // "Thanks, [name]." / "Congratulations, [name], and to everyone…"
      .replace(/,\s*\[name\](?=[.!?,:;]|\s[—–-]\s)/g, '')
  );
}

/**
 * The line as it should be copied: filled from `values`, `[name]` left out and `[how long]`
 * read as "a while" when not given. Returns the missing placeholders instead when `[detail]`
 * or `[event]` have no value. A detail typed the way notes are ("his new puppy") is reworded
 * for the message ("your new puppy").
 */
export function copyText(text: string, values: PlaceholderValues = {}): CopyResult {
  const given = (key: Placeholder) => values[key]?.replace(/[[\]{}]/g, '').trim() || undefined;
  const name = given('firstName');
  const canonical = normalisePlaceholders(text);
  const template = name === undefined ? withoutName(canonical) : canonical;
  // A name in the middle of a sentence ("tell [name] I said hello") can't just be left out.
  const missing = placeholdersIn(template).filter(
    (key) => (MUST_FILL.includes(key) || key === 'firstName') && given(key) === undefined,
  );
  if (missing.length > 0) return { ok: false, missing };
  const detail = given('detail');
  const filled = fillPlaceholders(template, {
    ...(name !== undefined ? { firstName: name } : {}),
    timeSince: given('timeSince') ?? 'a while',
    ...(detail !== undefined ? { detail: detailPhrase(detail, name) ?? detail } : {}),
    ...(given('event') !== undefined ? { event: given('event') } : {}),
  });
  return { ok: true, text: filled };
}
