import { z } from 'zod';

/**
 * What forms have typed and not yet saved, kept in localStorage on every change, so that Escape, a
 * click elsewhere, leaving the screen, a reload or a crash never loses it. One localStorage entry
 * per store; inside it one slot per form and opening (a new detail for Sam, an edit of an event),
 * the newest `max` kept. A slot remembers the form as it opened (`base`): a draft is offered back
 * only to a form that opens the same way, so an old edit never overwrites what changed since.
 */
const Slots = z.record(
  z.string(),
  z.object({ savedAt: z.number(), base: z.unknown().optional(), values: z.unknown() }),
);
type Slots = z.infer<typeof Slots>;

export interface DraftStore {
  /** The values kept in `slot` for a form that opened as `base`, when `values` still accepts them. */
  load<T>(slot: string, base: unknown, values: z.ZodType<T>): T | undefined;
  /** Keeps `values` in `slot`, or forgets the slot when `values` is undefined (nothing typed, or saved). */
  save(slot: string, base: unknown, values: unknown): void;
}

/** JSON text as a comparison key: drafts hold plain data only. */
export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function createDraftStore(storageKey: string, max: number): DraftStore {
  function read(): Slots {
    try {
      const parsed = Slots.safeParse(JSON.parse(window.localStorage.getItem(storageKey) ?? '{}'));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  function write(slots: Slots): void {
    try {
      const newest = Object.entries(slots)
        .sort(([, a], [, b]) => b.savedAt - a.savedAt)
        .slice(0, max);
      if (newest.length) window.localStorage.setItem(storageKey, JSON.stringify(Object.fromEntries(newest)));
      else window.localStorage.removeItem(storageKey);
    } catch {
      // Storage full or refused: the form still holds the text while it is open.
    }
  }

  return {
    load(slot, base, values) {
      const kept = read()[slot];
      if (!kept || !sameJson(kept.base, base)) return undefined;
      const parsed = values.safeParse(kept.values);
      return parsed.success ? parsed.data : undefined;
    },
    save(slot, base, next) {
      const { [slot]: old, ...others } = read();
      if (next === undefined && !old) return;
      // The slot saved goes first, so it stays newest among slots saved in the same millisecond.
      write(next === undefined ? others : { [slot]: { savedAt: Date.now(), base, values: next }, ...others });
    },
  };
}

/** The drafts of the forms that use useDraft or useFormDraft. */
export const formDrafts = createDraftStore('rapport.form-drafts', 40);
