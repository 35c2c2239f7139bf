import { z } from 'zod';
import { Favour, InteractionType } from '../../../shared/domain/interaction.ts';

/**
 * What the log dialog has typed for a new interaction, kept in localStorage on every change until
 * it is logged, so a click outside the dialog, Escape, a reload or a crash never loses a note.
 * One draft per way the dialog was opened (the people and text it opened with), the newest few.
 */
const LogDraftValues = z.object({
  ids: z.array(z.string()).max(500),
  newNames: z.array(z.string()).max(500),
  type: InteractionType,
  /** Only a date the user chose: the default is the day the dialog opens. */
  date: z.string().max(10).optional(),
  time: z.string().max(5),
  notes: z.string().max(100_000),
  initiatedBy: z.enum(['', 'me', 'them', 'both']),
  gave: z.array(Favour).max(20),
  asked: z.array(Favour).max(20),
  mutual: z.boolean(),
  details: z
    .array(
      z.object({
        text: z.string().max(10_000),
        sensitivity: z.enum(['normal', 'private', 'sensitive']),
        followUpOn: z.string().max(10),
      }),
    )
    .max(50),
});
export type LogDraftValues = z.infer<typeof LogDraftValues>;

const Stored = z.record(z.string(), z.object({ savedAt: z.number(), values: LogDraftValues }));
type Stored = z.infer<typeof Stored>;

const STORAGE_KEY = 'rapport.log-drafts';
/** Drafts kept: one per way of opening the dialog, the newest first. */
const MAX_DRAFTS = 10;

/** The form as the dialog opens with these people and this text, in the order the form builds a draft. */
export const blankLogDraft = (people: readonly string[], notes: string): LogDraftValues => ({
  ids: [...people],
  newNames: [],
  type: 'coffee',
  time: '',
  notes,
  initiatedBy: '',
  gave: [],
  asked: [],
  mutual: false,
  details: [],
});

/** The draft slot for a dialog opened with these people and this text. */
export const draftKey = (people: readonly string[], notes: string) => JSON.stringify([[...people].sort(), notes]);

function read(): Stored {
  try {
    const parsed = Stored.safeParse(JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function write(drafts: Stored): void {
  try {
    const newest = Object.entries(drafts)
      .sort(([, a], [, b]) => b.savedAt - a.savedAt)
      .slice(0, MAX_DRAFTS);
    if (newest.length) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(newest)));
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or refused: the form still holds the text while it is open.
  }
}

export const loadLogDraft = (key: string): LogDraftValues | undefined => read()[key]?.values;

/** Keeps `values` under `key`, or forgets the slot when `values` is undefined (nothing typed, or logged). */
export function saveLogDraft(key: string, values: LogDraftValues | undefined): void {
  const drafts = read();
  if (values) drafts[key] = { savedAt: Date.now(), values };
  else if (key in drafts) delete drafts[key];
  else return;
  write(drafts);
}
