import { useRef, useState } from 'react';

/**
 * A long list shows its first `first` items until "Show all N" is pressed, so that it does not
 * push the rest of its screen away: the items to render, and the button (none when all fit). The
 * button's words say its state (no `aria-expanded`, which read "Show fewer, expanded"). After
 * "Show fewer" the button, now under a short list, is scrolled back into view.
 */
export function useShowAll<T>(items: readonly T[], first: number) {
  const [all, setAll] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const longer = items.length > first;
  // A list that shrank to its first few and grows again opens short, as it first did.
  if (all && !longer) setAll(false);
  const expanded = all && longer;
  const toggle = longer ? (
    <button
      ref={button}
      type="button"
      className="ghost small show-all"
      onClick={() => {
        setAll(!expanded);
        if (expanded) requestAnimationFrame(() => button.current?.scrollIntoView({ block: 'nearest' }));
      }}
    >
      {expanded ? 'Show fewer' : `Show all ${items.length}`}
    </button>
  ) : null;
  return { shown: expanded ? items : items.slice(0, first), toggle };
}
