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

const key = (eventId: string) => `rapport.capture.${eventId}`;

export function loadDraft(eventId: string): CaptureValues | undefined {
  try {
    const raw = window.localStorage.getItem(key(eventId));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<CaptureValues>;
    const values = { ...EMPTY_CAPTURE };
    for (const field of Object.keys(EMPTY_CAPTURE) as (keyof CaptureValues)[]) {
      if (typeof parsed[field] === 'string') values[field] = parsed[field];
    }
    return values;
  } catch {
    return undefined;
  }
}

export function saveDraft(eventId: string, values: CaptureValues): void {
  try {
    if (Object.values(values).some((v) => v.trim())) window.localStorage.setItem(key(eventId), JSON.stringify(values));
    else window.localStorage.removeItem(key(eventId));
  } catch {
    // Storage full or refused: the form still holds the text while it is open.
  }
}

export const clearDraft = (eventId: string) => saveDraft(eventId, EMPTY_CAPTURE);

export const hasExtras = (v: CaptureValues) => !!(v.email || v.phone || v.organisation || v.title || v.url || v.note);
