import { z } from 'zod';
import { Favour, InteractionType, type Interaction } from '../../../shared/domain/interaction.ts';
import { createDraftStore, DraftText } from '../../ui/drafts/draft-store.ts';

/**
 * What the log dialog has typed, kept as a draft (ui/drafts) on every change until it is saved.
 * The slot of a new log is the way the dialog was opened (the people and text it opened with); an
 * edit's is the interaction, so closing an edit half done and opening it again brings the edit back.
 */
const LogDraftValues = z.object({
  ids: z.array(z.string()).max(500),
  newNames: z.array(z.string()).max(500),
  type: InteractionType,
  /** Only a date the user chose: the default is the day the dialog opens. */
  date: z.string().max(10).optional(),
  time: z.string().max(5),
  notes: DraftText,
  initiatedBy: z.enum(['', 'me', 'them', 'both']),
  gave: z.array(Favour).max(20),
  asked: z.array(Favour).max(20),
  mutual: z.boolean(),
  details: z
    .array(
      z.object({
        text: DraftText,
        sensitivity: z.enum(['normal', 'private', 'sensitive']),
        followUpOn: z.string().max(10),
      }),
    )
    .max(50),
});
export type LogDraftValues = z.infer<typeof LogDraftValues>;

/** One slot per way of opening the dialog, the newest first. */
const drafts = createDraftStore('rapport.log-drafts', 10);

/** The form as the dialog opens with these people and this text, in the order the form builds a draft. */
export const blankLogDraft = (
  people: readonly string[],
  notes: string,
  type: InteractionType = 'coffee',
): LogDraftValues => ({
  ids: [...people],
  newNames: [],
  type,
  time: '',
  notes,
  initiatedBy: '',
  gave: [],
  asked: [],
  mutual: false,
  details: [],
});

/** The form as it opens to edit `interaction`: its values as logged (the date is the default). */
export const blankEditDraft = (interaction: Interaction): LogDraftValues => ({
  ids: [...interaction.contactIds],
  newNames: [],
  type: interaction.type,
  time: interaction.time ?? '',
  notes: interaction.notes ?? '',
  initiatedBy: interaction.initiatedBy ?? '',
  gave: interaction.gave,
  asked: interaction.asked,
  mutual: interaction.mutual,
  details: [],
});

/** The draft slot of an edit of one logged interaction. */
export const editDraftKey = (interactionId: string) => `edit:${interactionId}`;

/** The draft slot for a dialog opened with these people and this text. */
export const draftKey = (people: readonly string[], notes: string) => JSON.stringify([[...people].sort(), notes]);

/**
 * The draft under `key`, if the form opens from the same `base` as when it was typed: an edit's
 * record as the form showed it, so an edit is never put over an interaction changed since.
 */
export const loadLogDraft = (key: string, base?: LogDraftValues): LogDraftValues | undefined =>
  drafts.load(key, base, LogDraftValues);

/** Keeps `values` under `key`, or forgets the slot when `values` is undefined (nothing typed, or saved). */
export const saveLogDraft = (key: string, values: LogDraftValues | undefined, base?: LogDraftValues) =>
  drafts.save(key, base, values);

/** Forgets the drafts that name any of these people (opened with them, or picked since). */
export function forgetLogDraftsAbout(contactIds: readonly string[]): () => void {
  const gone = new Set(contactIds);
  const opening = z.tuple([z.array(z.string()), z.string()]);
  const taken = drafts.forget((slot, values) => {
    let opened: string[] = [];
    try {
      const parsed = opening.safeParse(JSON.parse(slot));
      if (parsed.success) opened = parsed.data[0];
    } catch {
      // A slot this code did not write names nobody.
    }
    const picked = LogDraftValues.safeParse(values);
    return [...opened, ...(picked.success ? picked.data.ids : [])].some((id) => gone.has(id));
  });
  // Put back when the delete is undone.
  return () => drafts.putBack(taken);
}
