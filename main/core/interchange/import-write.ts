/**
 * The write phase of an import. Everything is computed before the first write; the people area
 * writes the people and the interactions area the "Connected on LinkedIn" entries, in chunks with
 * a turn of the event loop between them. On cancel or failure the writes made so far are undone:
 * new documents are removed and merged people get their previous record back.
 */
import type { AreaApis } from '../context.ts';
import type { InteractionDocument } from '../interactions/schema.ts';
import type { ContactDocument } from '../people/schema.ts';

export interface WritePlan {
  /** New people, and the new records of people merged with a card. */
  people: ContactDocument[];
  /** The records merged people had before, to put back on undo. */
  previous: ContactDocument[];
  /** New interactions (one "Connected on LinkedIn" per person). */
  interactions: InteractionDocument[];
}

/**
 * Applies the plan; `signal` is checked after each chunk.
 * @throws the signal's `Cancelled` after undoing, when cancelled; the write error after undoing, on failure.
 */
export async function applyPlan(
  areas: AreaApis,
  plan: WritePlan,
  signal: AbortSignal,
  onProgress: (phase: 'writing' | 'undoing', done: number, total: number) => void,
): Promise<void> {
  const total = plan.people.length + plan.interactions.length;
  let done = 0;
  const step = (count: number) => onProgress('writing', (done += count), total);
  try {
    await areas.people.putMany(plan.people, signal, step);
    await areas.interactions.insertMany(plan.interactions, signal, step);
    signal.throwIfAborted();
  } catch (error) {
    onProgress('undoing', 0, total);
    const previous = new Set(plan.previous.map((p) => p.id));
    await areas.interactions.removeMany(plan.interactions.map((i) => i.id));
    await areas.people.removeMany(plan.people.filter((p) => !previous.has(p.id)).map((p) => p.id));
    await areas.people.putMany(plan.previous, new AbortController().signal);
    onProgress('undoing', total, total);
    throw error;
  }
}
