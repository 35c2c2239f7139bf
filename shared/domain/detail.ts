import { z } from 'zod';
import { IsoDate, IsoInstant } from './contact.ts';
import { lazyExtend, lazyObject } from '../lazy-schema.ts';

/**
 * `sensitive` text never leaves the main window: no notification, tray menu, digest, export of
 * reminders or suggested message ever contains it. `private` may appear in the main window's
 * suggestions but not in notifications.
 */
export const Sensitivity = z.enum(['normal', 'private', 'sensitive']);
export type Sensitivity = z.infer<typeof Sensitivity>;

export const DetailStatus = z.enum(['open', 'resolved', 'expired']);
export type DetailStatus = z.infer<typeof DetailStatus>;

/** A remembered personal fact to ask about next time ("new puppy called Biscuit"). */
export const DetailFields = lazyObject(() => ({
  contactId: z.string().min(1).max(64),
  text: z.string().trim().min(1, 'Write what to remember').max(500, 'Keep it under 500 characters'),
  learnedOn: IsoDate,
  interactionId: z.string().min(1).max(64).optional(),
  followUpOn: IsoDate.optional(),
  sensitivity: Sensitivity.default('normal'),
  status: DetailStatus.default('open'),
  resolvedOn: IsoDate.optional(),
}));
export type DetailFields = z.infer<typeof DetailFields>;
export type DetailDraft = z.input<typeof DetailFields>;

export const Detail = lazyExtend(DetailFields, () => ({
  id: z.string().min(1).max(64),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
}));
export type Detail = z.infer<typeof Detail>;
