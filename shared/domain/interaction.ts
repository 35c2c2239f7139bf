import { z } from 'zod';
import { IsoDate, IsoInstant } from './contact.ts';
import { lazyExtend, lazyObject } from '../lazy-schema.ts';

export const InteractionType = z.enum([
  'coffee',
  'call',
  'video-call',
  'email',
  'message',
  'social',
  'conference',
  'meet-up',
  'course',
  'other',
]);
export type InteractionType = z.infer<typeof InteractionType>;

/** What can be given or asked for; reciprocity counts these from the user's side. */
export const Favour = z.enum(['intro', 'advice', 'referral', 'favour', 'information', 'congratulations']);
export type Favour = z.infer<typeof Favour>;

export const Initiator = z.enum(['me', 'them', 'both']);
export type Initiator = z.infer<typeof Initiator>;

export const InteractionFields = lazyObject(() => ({
  type: InteractionType,
  /** The day it happened, `YYYY-MM-DD`. */
  date: IsoDate,
  /** Local time of day, `HH:mm`, when the user gave one. */
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 14:30')
    .optional(),
  contactIds: z.array(z.string().min(1).max(64)).min(1, 'Choose at least one person').max(100),
  initiatedBy: Initiator.optional(),
  title: z.string().trim().max(200).optional(),
  notes: z.string().trim().max(100_000).optional(),
  /** What the user gave in this interaction. */
  gave: z.array(Favour).max(6).default([]),
  /** What the user asked for. */
  asked: z.array(Favour).max(6).default([]),
  /** A two-way exchange where neither side was mostly giving. */
  mutual: z.boolean().default(false),
  eventId: z.string().min(1).max(64).optional(),
}));
export type InteractionFields = z.infer<typeof InteractionFields>;
export type InteractionDraft = z.input<typeof InteractionFields>;

export const Interaction = lazyExtend(InteractionFields, () => ({
  id: z.string().min(1).max(64),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
}));
export type Interaction = z.infer<typeof Interaction>;

export const INTERACTION_LABELS: Record<InteractionType, string> = {
  coffee: 'Coffee or meal',
  call: 'Call',
  'video-call': 'Video call',
  email: 'Email',
  message: 'Message',
  social: 'Social media',
  conference: 'Conference',
  'meet-up': 'Meet-up',
  course: 'Course or class',
  other: 'Other',
};
