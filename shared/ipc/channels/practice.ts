import { z } from 'zod';
import { Channel, StarterSituation } from '../../content/schema.ts';
import {
  Ladder,
  LadderFields,
  OwnStarter,
  OwnStarterFields,
  PracticeSession,
  SessionAfter,
  SessionBefore,
  WeeklyGoal,
} from '../../domain/practice/model.ts';
import { PracticeProgress } from '../../domain/practice/progress-model.ts';
import { Id, SettleSetAside } from './common.ts';
import { channel, lazyObject } from '../../lazy-schema.ts';

/** A personalised starter for one person, ready to copy; `usesDetailId` names the detail it mentions. */
export const StarterSuggestion = lazyObject(() => ({
  starterId: z.string(),
  text: z.string(),
  usesDetailId: z.string().optional(),
  situation: StarterSituation,
  channel: Channel,
}));

const SuggestFor = lazyObject(() => ({
  contactId: Id,
  channel: Channel.optional(),
  limit: z.number().int().min(1).max(20).default(5),
}));
const UndoReceipt = lazyObject(() => ({ undoToken: z.string() }));

/**
 * Practice (fear ladders, sessions, progress) and conversation starters (the user's own,
 * favourites, personalised suggestions). The bundled libraries are not sent over IPC: they are
 * shared code the renderer imports directly. Suggestions for a person run in main, where the
 * person's details are.
 */
export const practiceRequests = {
  /** Creates a ladder (no `id`) or replaces one; the steps' array order is the ladder's order. */
  'practice.saveLadder': channel(() => ({
    input: z.object({ id: Id.optional(), fields: LadderFields }),
    output: Ladder,
  })),
  'practice.deleteLadder': channel(() => ({ input: z.object({ id: Id }), output: UndoReceipt })),
  /** The "before" half of a session: saved as planned until it is finished. */
  'practice.startSession': channel(() => ({ input: SessionBefore, output: PracticeSession })),
  /** The "afterwards" half; with `contactId` it also logs an interaction with that person. */
  'practice.finishSession': channel(() => ({
    input: z.object({ id: Id, after: SessionAfter }),
    output: PracticeSession,
  })),
  'practice.deleteSession': channel(() => ({ input: z.object({ id: Id }), output: UndoReceipt })),
  'practice.settleSetAside': channel(() => ({
    input: SettleSetAside.extend({ kind: z.enum(['ladder', 'session']) }),
    output: z.object({ settled: z.literal(true) }),
  })),
  'practice.setWeeklyGoal': channel(() => ({
    input: z.object({ goal: WeeklyGoal }),
    output: z.object({ goal: WeeklyGoal }),
  })),
  'starters.saveOwn': channel(() => ({
    input: z.object({ id: z.string().max(80).optional(), fields: OwnStarterFields }),
    output: OwnStarter,
  })),
  'starters.settleSetAside': channel(() => ({ input: SettleSetAside, output: OwnStarter })),
  /** Into the trash: `undo.apply` with the token brings it back as it was; star it again if it `wasFavourite`. */
  'starters.deleteOwn': channel(() => ({
    input: z.object({ id: z.string().max(80) }),
    output: z.object({ deleted: z.boolean(), undoToken: z.string().optional(), wasFavourite: z.boolean().optional() }),
  })),
  /** Sets (not flips) a favourite, so a double click or a retry cannot undo itself. */
  'starters.toggleFavourite': channel(() => ({
    input: z.object({ starterId: z.string().min(1).max(80), favourite: z.boolean() }),
    output: z.object({ favourites: z.array(z.string()) }),
  })),
  /** Personalised starters for one person, from their open (never sensitive) details. */
  'starters.suggestFor': channel(() => ({ input: SuggestFor, output: z.array(StarterSuggestion) })),
} as const;

export const practiceSubscriptions = {
  'practice.watchLadders': channel(() => ({ input: z.object({}), output: z.array(Ladder) })),
  /** Sessions newest first: planned ones to finish, and the log of finished ones. */
  'practice.watchSessions': channel(() => ({ input: z.object({}), output: z.array(PracticeSession) })),
  /** The weekly goal, each ladder step's tries and advice, other practices, and belief before and after. */
  'practice.watchProgress': channel(() => ({ input: z.object({}), output: PracticeProgress })),
  'starters.watchMine': channel(() => ({
    input: z.object({}),
    output: z.object({ own: z.array(OwnStarter), favourites: z.array(z.string()) }),
  })),
  /** Like `starters.suggestFor`, re-run whenever the person, their details or favourites change. */
  'starters.watchSuggestions': channel(() => ({ input: SuggestFor, output: z.array(StarterSuggestion) })),
} as const;

export const practiceEvents = {} as const;
