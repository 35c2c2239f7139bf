import type { Starter } from '../../content/schema.ts';
import type { TrackedStatus } from '../keep-in-touch/status.ts';
import { suggestStarters, type SuggestDetail } from '../starters/personalise.ts';

/**
 * The "just do it" nudge: one person a day and a message already drafted, so the step from
 * "I should" to "sent" is as short as possible.
 */

export interface NudgeCandidate {
  id: string;
  status: TrackedStatus;
  /** Their cadence's ideal and maximum gap, for how overdue they are relative to their rhythm. */
  idealDays: number;
  maxDays: number;
  /** gave − asked over the reciprocity window; negative: the user has been taking more. */
  reciprocityBalance: number;
}

/** Added to the score when the user owes them: reaching out to give back matters most. */
export const RECIPROCITY_WEIGHT = 0.5;

/** FNV-1a, so ties rotate day to day without randomness. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Picks today's person among those due or overdue.
 *
 * Score = how far into their window they are, `(daysSince − ideal) / (max − ideal)` (0 when just
 * due, 1 when overdue, more beyond), plus `RECIPROCITY_WEIGHT` when the balance is negative.
 * Ties rotate by a hash of the day. `avoid` (yesterday's skipped person) is only picked when
 * nobody else is due.
 */
export function pickNudge(candidates: readonly NudgeCandidate[], today: string, avoid?: string): string | undefined {
  const eligible = candidates.filter((c) => c.status.state === 'due' || c.status.state === 'overdue');
  const pool = eligible.some((c) => c.id !== avoid) ? eligible.filter((c) => c.id !== avoid) : eligible;
  let best: { id: string; score: number; tie: number } | undefined;
  for (const c of pool) {
    const window = Math.max(1, c.maxDays - c.idealDays);
    const score = (c.status.daysSince - c.idealDays) / window + (c.reciprocityBalance < 0 ? RECIPROCITY_WEIGHT : 0);
    const tie = hash(`${today}|${c.id}`);
    if (!best || score > best.score || (score === best.score && tie < best.tie)) best = { id: c.id, score, tie };
  }
  return best?.id;
}

export interface NudgeDraftInput {
  firstName: string;
  /** Their open details; sensitive ones are dropped here whatever the caller passes. */
  details: readonly SuggestDetail[];
  lastInteractionOn?: string | undefined;
  today: string;
  /** After two skips in a row the nudge offers a smaller step instead. */
  smallerStep: boolean;
}

export interface NudgeDraft {
  /** Two lines: a greeting, then the message. */
  lines: [string, string];
  /** What to do, in one sentence. */
  step: string;
  starterId?: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A starter's own greeting; the draft puts "Hi {name}," on a line of its own instead. */
const greetingPattern = /^(hi|hello|dear|hey)\s+[^,!]+[,!]\s*/i;

/**
 * Drafts a two-line message from a starter and their open, non-sensitive details (private ones
 * are allowed: the draft shows only in the main window, and the user decides what to send).
 */
export function draftNudge(input: NudgeDraftInput, library: readonly Starter[]): NudgeDraft {
  const name = input.firstName.trim() || 'there';
  if (input.smallerStep) {
    return {
      lines: [`Hi ${name},`, 'Thinking of you — hope all is well!'],
      step: `A smaller step: send just this one line, or react to something ${name} shared recently. That counts.`,
    };
  }
  const details = input.details.filter((d) => d.sensitivity !== 'sensitive');
  const [best] = suggestStarters(
    {
      person: { firstName: name },
      details,
      ...(input.lastInteractionOn ? { lastInteractionOn: input.lastInteractionOn } : {}),
      channel: 'message',
      today: input.today,
      limit: 1,
      allowPrivate: true,
    },
    library,
  );
  const ownName = new RegExp(`^${escapeRegExp(name)}[,!]\\s*`);
  const body = best
    ? best.text.replace(greetingPattern, '').replace(ownName, '')
    : 'How are things with you? It would be good to catch up.';
  return {
    lines: [`Hi ${name},`, body.charAt(0).toUpperCase() + body.slice(1)],
    step: `Send ${name} a message today. It takes two minutes.`,
    ...(best ? { starterId: best.starterId } : {}),
  };
}
