import { z } from 'zod';
import { Id } from './common.ts';
import { IsoDate } from '../../domain/contact.ts';
import { Interaction, InteractionType } from '../../domain/interaction.ts';
import { SegmentCriteria } from '../../domain/network/segment.ts';
import { Announcement } from '../../domain/network/outreach.ts';
import { RelationshipKind } from '../../domain/network/relationships.ts';
import { NetworkSettings } from '../../domain/network/settings.ts';
import { channel, lazyExtend, lazyObject } from '../../lazy-schema.ts';

const Signature = z.string().trim().max(200).optional();
const MessageDraft = lazyObject(() => ({ subject: z.string(), body: z.string() }));
const Recipient = lazyObject(() => ({ id: z.string(), displayName: z.string(), email: z.string().optional() }));

export const RelationshipView = lazyObject(() => ({
  contactId: z.string(),
  displayName: z.string(),
  kind: RelationshipKind,
  label: z.string().optional(),
  since: IsoDate.optional(),
}));
export type RelationshipView = z.infer<typeof RelationshipView>;

export const GuardView = z.discriminatedUnion('show', [
  lazyObject(() => ({ show: z.literal(false) })),
  lazyObject(() => ({
    show: z.literal(true),
    reason: z.enum(['never', 'long-gap']),
    lastContactOn: IsoDate.optional(),
    monthsSince: z.number().int().optional(),
  })),
]);
export type GuardView = z.infer<typeof GuardView>;

export const IntroSuggestionView = lazyObject(() => ({
  seeker: Recipient.extend({ lookingFor: z.string() }),
  helper: Recipient.extend({ canHelpWith: z.string() }),
  shared: z.array(z.string()),
  score: z.number().int(),
  /** The opt-in question to each side: [to the seeker, to the helper]. */
  drafts: z.tuple([MessageDraft, MessageDraft]),
}));
export type IntroSuggestionView = z.infer<typeof IntroSuggestionView>;

export const AnnouncementDraftView = lazyExtend(MessageDraft, () => ({
  person: Recipient,
  opening: z.enum(['give-first', 'ask']),
}));
export type AnnouncementDraftView = z.infer<typeof AnnouncementDraftView>;

/** Relationships, looking-for/can-help matching, announcements, the job-hunt guard and the weekly target. */
export const networkRequests = {
  'network.getSettings': channel(() => ({ input: z.object({}), output: NetworkSettings })),
  'network.setSettings': channel(() => ({ input: NetworkSettings, output: NetworkSettings })),
  /** Records on both people that `fromId` is `kind` to `toId` (the inverse kind on `toId`). */
  'network.relate': channel(() => ({
    input: z.object({
      fromId: Id,
      toId: Id,
      kind: RelationshipKind,
      label: z.string().trim().min(1).max(100).optional(),
    }),
    output: z.object({}),
  })),
  'network.unrelate': channel(() => ({
    input: z.object({ fromId: Id, toId: Id, kind: RelationshipKind }),
    output: z.object({}),
  })),
  'network.introSuggestions': channel(() => ({
    input: z.object({ limit: z.number().int().min(1).max(200).default(50), signature: Signature }),
    output: z.array(IntroSuggestionView),
  })),
  /**
   * Logs an introduction the user made: one interaction with both people in which the user gave
   * an intro, and the relationship "you introduced them" on both unless it is there already.
   */
  'network.logIntro': channel(() => ({
    input: z.object({
      seekerId: Id,
      helperId: Id,
      date: IsoDate.optional(),
      type: InteractionType.default('email'),
      notes: z.string().trim().max(2000).optional(),
    }),
    output: z.object({ interaction: Interaction }),
  })),
  /**
   * Undo of `network.logIntro`: removes the interaction it logged (into the trash, like any delete)
   * and, when that log recorded it, "you introduced them" on both, unless another logged
   * introduction of the two remains (which then holds it).
   */
  'network.undoIntro': channel(() => ({
    input: z.object({ interactionId: Id }),
    output: z.object({}),
  })),
  /** Before an ask: the job-hunt guard for this person, with a reconnect draft and an ask draft. */
  'network.askCheck': channel(() => ({
    input: z.object({ contactId: Id, signature: Signature }),
    output: z.object({ guard: GuardView, reconnect: MessageDraft, ask: MessageDraft, email: z.string().optional() }),
  })),
  /** One personalised draft per person of the segment, never sent by Rapport. */
  'network.announcementDrafts': channel(() => ({
    input: z.object({ announcement: Announcement, segment: SegmentCriteria, signature: Signature }),
    output: z.array(AnnouncementDraftView),
  })),
  /** The user sent one message themselves: logs it as an email with this person. */
  'network.markSent': channel(() => ({
    input: z.object({
      contactId: Id,
      subject: z.string().trim().min(1).max(200),
      purpose: z.enum([
        'announcement-ask',
        'announcement-give-first',
        'invitation',
        'reconnect',
        'ask',
        'intro-opt-in',
      ]),
      date: IsoDate.optional(),
    }),
    output: Interaction,
  })),
} as const;

export const networkSubscriptions = {
  /** The network part of a person's page: relationships with names, and intros they are part of. */
  'network.watchPerson': channel(() => ({
    input: z.object({ id: Id }),
    output: z.object({ relationships: z.array(RelationshipView), intros: z.array(IntroSuggestionView) }),
  })),
  /** This week's no-ask touches against the target (Today). */
  'network.watchWeek': channel(() => ({
    input: z.object({}),
    output: z.object({
      weekStart: IsoDate,
      done: z.number().int(),
      target: z.number().int(),
      jobHuntMode: z.boolean(),
    }),
  })),
} as const;
