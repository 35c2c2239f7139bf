import type { Photo } from '../../shared/domain/contact.ts';

/** Titles and suffixes before or after a name ("Dr. Erika Mustermann", "John Doe Sr."), not initials. */
const TITLES = /^(mr|mrs|ms|mx|miss|dr|prof|sir|dame|rev|jr|sr|ii|iii|iv|phd|md)\.?,?$/i;

/**
 * Up to two initials: the first letters of the first and last words ("Ada King Lovelace" → "AL"),
 * leaving titles and suffixes out ("Dr. Erika Mustermann" → "EM"), unless that leaves nothing.
 */
export function initials(name: string): string {
  const all = name.trim().split(/\s+/).filter(Boolean);
  const named = all.filter((w) => !TITLES.test(w));
  const words = named.length ? named : all;
  const first = [...(words[0] ?? '?')][0] ?? '?';
  const last = words.length > 1 ? ([...words.at(-1)!][0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/** A stable colour per name, so the same person looks the same in every list. */
export function hueOf(name: string): number {
  let h = 0;
  for (const char of name) h = (h * 31 + char.codePointAt(0)!) >>> 0;
  return h % 8;
}

/**
 * A person's photo, or their initials on a colour picked from their name. Decorative: the name
 * is always written beside it, so screen readers skip it.
 */
export function Avatar({
  name,
  photo,
  size = 'md',
}: {
  name: string;
  photo?: Photo | undefined;
  size?: 'sm' | 'md' | 'lg' | 'xl';
}) {
  return (
    <span className={`avatar avatar-${size}`} data-hue={hueOf(name)} aria-hidden="true">
      {photo ? <img src={`data:${photo.mediaType};base64,${photo.data}`} alt="" /> : initials(name)}
    </span>
  );
}
