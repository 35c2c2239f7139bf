/**
 * A filtered list kept in order under edits: a change removes the item's old entry and inserts
 * the new one by binary search, so an edit costs O(log n) comparisons and one array move instead
 * of a re-query, a re-filter and a re-sort of everything. The order must be total (no two
 * different entries compare equal), which the People orders get by tie-breaking on ids.
 */
export class SortedList<T> {
  private readonly list: T[] = [];
  private readonly compare: (a: T, b: T) => number;
  readonly matches: (entry: T) => boolean;

  /** `initial` may already be in order (`sorted`), which saves the sort. */
  constructor(compare: (a: T, b: T) => number, matches: (entry: T) => boolean, initial: Iterable<T>, sorted = false) {
    this.compare = compare;
    this.matches = matches;
    for (const entry of initial) if (matches(entry)) this.list.push(entry);
    if (!sorted) this.list.sort(compare);
  }

  get total(): number {
    return this.list.length;
  }

  /** Entries `offset` … `offset + limit - 1` (fewer at the end). */
  slice(offset: number, limit: number): T[] {
    return this.list.slice(offset, offset + limit);
  }

  all(): readonly T[] {
    return this.list;
  }

  /** Replaces an entry: `before` as the list holds it (or none), `after` as it is now (or none: deleted). */
  replace(before: T | undefined, after: T | undefined): void {
    if (before !== undefined && this.matches(before)) {
      const at = this.position(before);
      if (this.list[at] === before) this.list.splice(at, 1);
    }
    if (after !== undefined && this.matches(after)) this.list.splice(this.position(after), 0, after);
  }

  /** The first index whose entry does not sort before `entry`. */
  private position(entry: T): number {
    let low = 0;
    let high = this.list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.compare(this.list[middle]!, entry) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
