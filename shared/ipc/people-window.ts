import type { PersonListItem } from '../domain/views.ts';
import type { PeopleWindow } from './channels/people.ts';

/** A People list window as a subscriber holds it after applying every push. */
export interface HeldPeopleWindow {
  offset: number;
  total: number;
  everyone: number;
  archived: number;
  tags: readonly string[];
  rows: PersonListItem[];
}

/**
 * Applies one `people.watchWindow` push to what the subscriber held: the push names the window's ids in
 * order and carries only rows the subscriber has not been sent, or that changed.
 * @throws Error when the push names a row it neither carries nor was sent before (a broken stream).
 */
export function applyPeopleWindow(held: HeldPeopleWindow | undefined, push: PeopleWindow): HeldPeopleWindow {
  const known = new Map(held?.rows.map((row) => [row.id, row]));
  for (const row of push.rows) known.set(row.id, row);
  const rows = push.ids.map((id) => {
    const row = known.get(id);
    if (!row) throw new Error(`A People window named ${id} without sending that row.`);
    return row;
  });
  const { offset, total, everyone, archived } = push;
  return { offset, total, everyone, archived, tags: push.tags ?? held?.tags ?? [], rows };
}
