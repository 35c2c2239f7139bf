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
import { Id } from './common.ts';

/** A personalised starter for one person, ready to copy; `usesDetailId` names the detail it mentions. */
export const StarterSuggestion = z.object({
  starterId: z.string(),
  text: z.string(),
  usesDetailId: z.string().optional(),
  situation: StarterSituation,
  channel: Channel,
});

const SuggestFor = z.object({
  contactId: Id,
  channel: Channel.optional(),
  limit: z.number().int().min(1).max(20).default(5),
});
const UndoReceipt = z.object({ undoToken: z.string() });

/**
 * Practice (fear ladders, sessions, progress) and conversation starters (the user's own,
 * favourites, personalised suggestions). The bundled libraries are not sent over IPC: they are
 * shared code the renderer imports directly. Suggestions for a person run in main, where the
 * person's details are.
 */
export const practiceRequests = {
  /** Creates a ladder (no `id`) or replaces one; the steps' array order is the ladder's order. */
  'practice.saveLadder': { input: z.object({ id: Id.optional(), fields: LadderFields }), output: Ladder },
  'practice.deleteLadder': { input: z.object({ id: Id }), output: UndoReceipt },
  /** The "before" half of a session: saved as planned until it is finished. */
  'practice.startSession': { input: SessionBefore, output: PracticeSession },
  /** The "afterwards" half; with `contactId` it also logs an interaction with that person. */
  'practice.finishSession': { input: z.object({ id: Id, after: SessionAfter }), output: PracticeSession },
  'practice.deleteSession': { input: z.object({ id: Id }), output: UndoReceipt },
  'practice.setWeeklyGoal': { input: z.object({ goal: WeeklyGoal }), output: z.object({ goal: WeeklyGoal }) },
  'starters.saveOwn': {
    input: z.object({ id: z.string().max(80).optional(), fields: OwnStarterFields }),
    output: OwnStarter,
  },
  'starters.deleteOwn': { input: z.object({ id: z.string().max(80) }), output: z.object({ deleted: z.boolean() }) },
  /** Sets (not flips) a favourite, so a double click or a retry cannot undo itself. */
  'starters.toggleFavourite': {
    input: z.object({ starterId: z.string().min(1).max(80), favourite: z.boolean() }),
    output: z.object({ favourites: z.array(z.string()) }),
  },
  /** Personalised starters for one person, from their open (never sensitive) details. */
  'starters.suggestFor': { input: SuggestFor, output: z.array(StarterSuggestion) },
} as const;

export const practiceSubscriptions = {
  'practice.watchLadders': { input: z.object({}), output: z.array(Ladder) },
  /** Sessions newest first: planned ones to finish, and the log of finished ones. */
  'practice.watchSessions': { input: z.object({}), output: z.array(PracticeSession) },
  /** The weekly goal, each ladder step's tries and advice, other practices, and belief before and after. */
  'practice.watchProgress': { input: z.object({}), output: PracticeProgress },
  'starters.watchMine': {
    input: z.object({}),
    output: z.object({ own: z.array(OwnStarter), favourites: z.array(z.string()) }),
  },
  /** Like `starters.suggestFor`, re-run whenever the person, their details or favourites change. */
  'starters.watchSuggestions': { input: SuggestFor, output: z.array(StarterSuggestion) },
} as const;

export const practiceEvents = {} as const;
