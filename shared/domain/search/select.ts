/** Small ordering helpers for the search index. */

/** Plain code-unit order: stable and fast; names are already folded where it matters. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The `k` smallest items by `compare`, in order. One pass with a sorted buffer of at most `k`:
 * O(n) compares plus an O(k) insertion for each item that beats the buffer, usually few, which
 * beats sorting 100k matches to show 30.
 */
export function topK<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  if (k <= 0) return out;
  for (const item of items) {
    if (out.length === k && compare(item, out[k - 1]!) >= 0) continue;
    let i = out.length;
    while (i > 0 && compare(item, out[i - 1]!) < 0) i--;
    out.splice(i, 0, item);
    if (out.length > k) out.pop();
  }
  return out;
}
