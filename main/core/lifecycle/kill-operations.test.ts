/**
 * Quick capture, logging with new people and a detail, merging two people, deleting two people
 * and undoing that, and logging an introduction, SIGKILLed at two of their storage writes each
 * (chosen by seed) in every `npm test`, the deletes of one document at one, and an introduction's
 * undo at every one; `npm run stress:storage` kills every one of them all.
 */
import { describe, expect, it } from 'vitest';
import { killDuringOperation } from './kill-operations.ts';

describe('killed at a storage write', () => {
  it.each([
    ['capture-new', 2],
    ['capture-known', 2],
    ['log', 2],
    ['merge', 2],
    ['delete-people', 2],
    ['undo', 2],
    ['one-by-one', 1],
    ['log-intro', 2],
    // Every point: of its 9 writes only two or three fall between removing the interaction and
    // the relationship, which a sample of two would miss with most seeds.
    ['undo-intro', undefined],
  ] as const)(
    '%s leaves exactly the data from before or from after',
    async (operation, sample) => {
      const report = await killDuringOperation(operation, { sample, seed: 20261202 });
      expect(report.writes).toBeGreaterThanOrEqual(3);
      expect(report.before + report.after + report.between).toBe(sample ?? report.writes * 2);
    },
    180_000,
  );
});
