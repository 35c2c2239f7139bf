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
/** Slots as they were kept, taken out by `forget` for an Undo to put back. */
export type KeptSlots = Slots;

export interface DraftStore {
  /** The values kept in `slot` for a form that opened as `base`, when `values` still accepts them. */
  load<T>(slot: string, base: unknown, values: z.ZodType<T>): T | undefined;
  /** Keeps `values` in `slot`, or forgets the slot when `values` is undefined (nothing typed, or saved). */
  save(slot: string, base: unknown, values: unknown): void;
  /** Forgets every slot `which` picks (given the slot and what it holds), and returns them as they were. */
  forget(which: (slot: string, values: unknown) => boolean): KeptSlots;
  /** Puts back slots `forget` returned (the action that forgot them was undone), unless saved again since. */
  putBack(kept: KeptSlots): void;
  /**
   * Replaces each slot's values with what `change` returns for them; undefined forgets the slot.
   * Returns what it changed, for `takeBack`.
   */
  revise(change: (slot: string, values: unknown) => unknown): Revision;
  /** Undoes a revision (the action that made it was undone): each slot as it was, unless saved again since. */
  takeBack(revision: Revision): void;
}

/** The slots a revision changed, as they were before and as it left them (undefined: forgotten). */
export interface Revision {
  before: KeptSlots;
  after: Record<string, unknown>;
}

/** A text field of a draft: as long as anything the forms accept. */
export const DraftText = z.string().max(200_000);

/** JSON text as a comparison key: drafts hold plain data only. */
export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function createDraftStore(
  storageKey: string,
  max: number,
  storage: () => Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = () => window.localStorage,
): DraftStore {
  // The slots as last read or written, with their text: a keystroke re-reads the same text, and
  // parsing and checking a full store each time cost ~4 ms at 200 slots.
  let known: { text: string; slots: Slots } | undefined;

  function read(): Slots {
    try {
      const text = storage().getItem(storageKey) ?? '{}';
      if (known?.text !== text) {
        const parsed = Slots.safeParse(JSON.parse(text));
        known = { text, slots: parsed.success ? parsed.data : {} };
      }
      // A copy: callers change the record (never its entries).
      return { ...known.slots };
    } catch {
      return {};
    }
  }

  function write(slots: Slots): void {
    let newest = Object.entries(slots)
      .sort(([, a], [, b]) => b.savedAt - a.savedAt)
      .slice(0, max);
    for (;;) {
      try {
        const kept = Object.fromEntries(newest);
        const text = JSON.stringify(kept);
        if (newest.length) storage().setItem(storageKey, text);
        else storage().removeItem(storageKey);
        known = { text: newest.length ? text : '{}', slots: kept };
        return;
      } catch {
        // Storage full: the oldest drafts make room for the newest. Refused even alone: the form
        // still holds the text while it is open, and no older copy of it may stay to be offered later.
        if (newest.length <= 1) return forgetAll();
        newest = newest.slice(0, Math.ceil(newest.length / 2));
      }
    }
  }

  function forgetAll(): void {
    try {
      storage().removeItem(storageKey);
    } catch {
      // Nothing more can be done; reads of a store that does not parse find nothing.
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
    forget(which) {
      const slots = read();
      const taken: KeptSlots = {};
      const kept: KeptSlots = {};
      for (const [slot, entry] of Object.entries(slots)) (which(slot, entry.values) ? taken : kept)[slot] = entry;
      if (Object.keys(taken).length) write(kept);
      return taken;
    },
    putBack(kept) {
      const slots = read();
      const back = Object.entries(kept).filter(([slot]) => !slots[slot]);
      if (back.length) write({ ...slots, ...Object.fromEntries(back) });
    },
    revise,
    takeBack({ before, after }) {
      const slots = read();
      let changed = false;
      for (const [slot, entry] of Object.entries(before)) {
        const now = slots[slot];
        // Typed into again since the revision: what is there now is newer than what it took.
        if (after[slot] === undefined ? now : !now || !sameJson(now.values, after[slot])) continue;
        slots[slot] = entry;
        changed = true;
      }
      if (changed) write(slots);
    },
  };

  function revise(change: (slot: string, values: unknown) => unknown): Revision {
    const slots = read();
    const revision: Revision = { before: {}, after: {} };
    const kept: Slots = {};
    for (const [slot, entry] of Object.entries(slots)) {
      const values = change(slot, entry.values);
      if (values !== entry.values) {
        revision.before[slot] = entry;
        revision.after[slot] = values;
      }
      if (values !== undefined) kept[slot] = { ...entry, values };
    }
    if (Object.keys(revision.before).length) write(kept);
    return revision;
  }
}

/**
 * The drafts of the forms that use useDraft or useFormDraft. 200: every follow-up of a large event
 * keeps its edit (each one is a draft of its own) along with the forms' drafts; 40 dropped the
 * oldest edits past the 40th. A keystroke then costs ~1.6 ms with all 200 kept, ~0.2 ms with 40.
 */
export const formDrafts = createDraftStore('rapport.form-drafts', 200);

const PERSON_FORMS = ['person', 'detail', 'needs', 'ask', 'reconnect'] as const;

/** The slots of forms about one person (their edit, a detail, what they look for, a message asking them). */
export const personDraftSlot = (form: (typeof PERSON_FORMS)[number], contactId: string) => `${form}:${contactId}`;

/** The slot of an opt-in message to one of two people an introduction would bring together. */
export const introDraftSlot = (seekerId: string, helperId: string, to: 'seeker' | 'helper') =>
  `intro:${seekerId}:${helperId}:${to}`;
const introPair = (slot: string) => (slot.startsWith('intro:') ? slot.split(':').slice(1, 3) : []);

/** A draft that picked one person. */
const PickedPerson = z.looseObject({ contactId: z.string() });

/**
 * Deleted people leave nothing typed about them behind (their notes, a sensitive detail). A draft
 * of the user's own (a practice session's outcome) that picked them keeps its text; its pick moves
 * to the person they were merged into, or is cleared.
 */
export function forgetDraftsAbout(contactIds: readonly string[], mergedInto?: string): Revision {
  const gone = new Set(contactIds);
  const slots = new Set(contactIds.flatMap((id) => PERSON_FORMS.map((f) => personDraftSlot(f, id))));
  return formDrafts.revise((slot, values) => {
    if (slots.has(slot) || introPair(slot).some((id) => gone.has(id))) return undefined;
    const picked = PickedPerson.safeParse(values);
    return picked.success && gone.has(picked.data.contactId) ? { ...picked.data, contactId: mergedInto ?? '' } : values;
  });
}
