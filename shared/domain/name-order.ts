import { foldText } from './search/text.ts';

/**
 * A comparator of display names in the People list's name order (`sortName`: case and accents
 * folded, then code units), for lists that break ties by name: they then agree with People, and
 * sorting them loads no ICU collator (its data costs 7–25 ms at the first comparison after a
 * start). Each name is folded once per comparator, not once per comparison.
 */
export function nameOrder(): (a: string, b: string) => number {
  const keys = new Map<string, string>();
  const key = (name: string) => {
    let folded = keys.get(name);
    if (folded === undefined) keys.set(name, (folded = foldText(name)));
    return folded;
  };
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };
}
