import { useState } from 'react';

/**
 * A long list shows its first `first` items until "Show all N" is pressed, so that it does not
 * push the rest of its screen away: the items to render, and the button (none when all fit).
 */
export function useShowAll<T>(items: readonly T[], first: number) {
  const [all, setAll] = useState(false);
  const toggle =
    items.length > first ? (
      <button type="button" className="ghost small show-all" aria-expanded={all} onClick={() => setAll(!all)}>
        {all ? 'Show fewer' : `Show all ${items.length}`}
      </button>
    ) : null;
  return { shown: all ? items : items.slice(0, first), toggle };
}
