/**
 * What the keystrokes of one typing session read from the index, so that a keystroke which only
 * narrows the query ("ali" → "alic", "alice" → "alice b") filters those rows in memory instead of
 * asking FTS5 again.
 *
 * Why that gives exactly a fresh query's answer: a query `narrows` an earlier one when every
 * earlier word is a prefix of one of its words. Then everything it matches, the earlier query
 * matched too, both in FTS5 (a token starting with "alic" starts with "ali") and in the scorer's
 * rules (shared/domain/search/score.ts). A step keeps a kind of row only when FTS5 matched no
 * more of them than the service scores (`Complete`): the fresh query would then also read all its
 * matches and score them exactly, and the matches the scorer accepts are all among the step's.
 * Only plain ASCII query words narrow: for those, FTS5 (which indexes the folded words) matches
 * every row the scorer accepts, so a fresh query could not find a row the step did not read.
 *
 * The steps form a chain, each narrowing the one below; a query that narrows none of them starts a
 * new session. The chain is forgotten at once when the index changes (any write, whoever made it:
 * `FtsStore.changes`), and bounded in length.
 */
import type { IndexedInteraction, IndexedPerson } from './folded.ts';

/** Rows of one kind a step read completely: every match its words have, scored or not. */
export type Complete<T> = {
  /**
   * Every row FTS5 matched, or those the scorer accepted: among them, every row the scorer accepts
   * for a narrower query.
   */
  rows: T[];
  /** How many rows FTS5 matched when they were read: no narrower query matches more. */
  matched: number;
  /** Every row's texts are plain ASCII (interactions: their tiers can be read in memory). */
  plain?: boolean;
};

export type Step = {
  words: readonly string[];
  people?: Complete<IndexedPerson>;
  interactions?: Complete<IndexedInteraction>;
};

/** Steps kept in one chain: more keystrokes than anyone types into the box. */
const MAX_STEPS = 64;

const PLAIN_WORD = /^[a-z0-9]+$/;
/** Words FTS5 tokenises and folds exactly as the scorer does: plain ASCII letters and digits. */
export const arePlain = (words: readonly string[]) => words.every((w) => PLAIN_WORD.test(w));

/** True when a query of `words` matches only what `earlier` matched (see the module comment). */
export function narrows(words: readonly string[], earlier: readonly string[]): boolean {
  return arePlain(words) && earlier.every((e) => words.some((w) => w.startsWith(e)));
}

export interface TypingSession {
  /** The rows of the narrowest earlier step `words` narrows that read them completely, if any. */
  readonly people: Complete<IndexedPerson> | undefined;
  readonly interactions: Complete<IndexedInteraction> | undefined;
  /** Keeps this keystroke's step for the keystrokes that narrow it. */
  keep(step: Step): void;
}

export interface TypingSessions {
  /** The session `words` belong to, given the index's change count now. */
  begin(words: readonly string[], changes: number): TypingSession;
}

export function createTypingSessions(): TypingSessions {
  let chain: Step[] = [];
  let seenChanges = -1;

  return {
    begin(words, changes) {
      if (changes !== seenChanges) {
        chain = [];
        seenChanges = changes;
      }
      while (chain.length && !narrows(words, chain.at(-1)!.words)) chain.pop();
      const newest = <K extends 'people' | 'interactions'>(kind: K) => chain.findLast((s) => s[kind])?.[kind];
      return {
        people: newest('people'),
        interactions: newest('interactions'),
        keep(step) {
          // Typing a space or the same query again gives the same words: one step, knowing what either read.
          const same = chain.length && sameWords(chain.at(-1)!.words, step.words) ? chain.pop() : undefined;
          chain.push({
            words: step.words,
            people: step.people ?? same?.people,
            interactions: step.interactions ?? same?.interactions,
          });
          if (chain.length > MAX_STEPS) chain.shift();
        },
      };
    },
  };
}

const sameWords = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((w) => b.includes(w));
