import { z } from 'zod';
import { createDraftStore, DraftText } from '../../ui/drafts/draft-store.ts';

/**
 * What quick capture has typed, kept in localStorage on every keystroke until it is saved, so a
 * closed dialog, a reload or a crash never loses a name typed in a noisy room.
 */
export interface CaptureValues {
  name: string;
  detail: string;
  followUp: string;
  email: string;
  phone: string;
  organisation: string;
  title: string;
  url: string;
  note: string;
}

/** What a card read (QR or OCR) can fill in before the form opens, for review. */
export type CapturePrefill = Partial<
  Pick<CaptureValues, 'name' | 'email' | 'phone' | 'organisation' | 'title' | 'url' | 'note'>
>;

export const EMPTY_CAPTURE: CaptureValues = {
  name: '',
  detail: '',
  followUp: '',
  email: '',
  phone: '',
  organisation: '',
  title: '',
  url: '',
  note: '',
};

/** One slot per event, the newest first. */
const drafts = createDraftStore('rapport.capture-drafts', 20);
const CaptureValues = z.object(
  Object.fromEntries(Object.keys(EMPTY_CAPTURE).map((field) => [field, DraftText])) as Record<
    keyof CaptureValues,
    z.ZodString
  >,
);
/** Where drafts were kept before the shared store, one localStorage entry per event. */
const legacyKey = (eventId: string) => `rapport.capture.${eventId}`;

export function loadDraft(eventId: string): CaptureValues | undefined {
  const kept = drafts.load(eventId, undefined, CaptureValues);
  if (kept) return kept;
  try {
    const parsed = CaptureValues.partial().safeParse(
      JSON.parse(window.localStorage.getItem(legacyKey(eventId)) ?? 'null'),
    );
    return parsed.success ? { ...EMPTY_CAPTURE, ...parsed.data } : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(eventId: string, values: CaptureValues): void {
  drafts.save(eventId, undefined, Object.values(values).some((v) => v.trim()) ? values : undefined);
  try {
    window.localStorage.removeItem(legacyKey(eventId));
  } catch {
    // Storage refused: the draft above is what counts.
  }
}

export const clearDraft = (eventId: string) => saveDraft(eventId, EMPTY_CAPTURE);

export const hasExtras = (v: CaptureValues) => !!(v.email || v.phone || v.organisation || v.title || v.url || v.note);
