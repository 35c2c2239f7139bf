/** Characters of tag text the People list's Tags column shows on one line (its width at 1280 px). */
const TAG_CHARS = 26;
/** What a tag chip's padding and gap cost, in characters. */
const CHIP_CHARS = 3;
/** What a "+2" chip costs. */
const MORE_CHARS = 4;

/**
 * The tags that fit the Tags column, in order, and how many more there are (shown as "+N"): a tag
 * cut mid-word ("produ") read as a different word. The first is always shown; in a narrower
 * column, or when it is too long on its own, a tag ends in "…" (people.css).
 */
export function tagsThatFit(tags: readonly string[], chars = TAG_CHARS): { shown: string[]; more: number } {
  let used = 0;
  let count = 0;
  for (const [i, tag] of tags.entries()) {
    const cost = tag.length + CHIP_CHARS;
    const reserve = i < tags.length - 1 ? MORE_CHARS : 0;
    if (i > 0 && used + cost + reserve > chars) break;
    used += cost;
    count++;
  }
  return { shown: tags.slice(0, count), more: tags.length - count };
}
