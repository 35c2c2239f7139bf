/**
 * Quick capture, logging with new people and a detail, merging two people, deleting two people
 * and undoing that, logging an introduction and undoing it, SIGKILLed at two of their storage
 * writes each (chosen by seed) and just before their last in every `npm test`, the deletes of one
 * document at one and before the last; `npm run stress:storage` kills every one.
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
    ['undo-intro', 2],
    ['relate', 1],
    ['retag', 1],
    ['finish-practice', 1],
    ['done', 1],
    ['undo-done', 1],
    ['undo-log', 1],
  ] as const)(
    '%s leaves exactly the data from before or from after',
    async (operation, sample) => {
      const report = await killDuringOperation(operation, { sample, seed: 20261202 });
      expect(report.writes).toBeGreaterThanOrEqual(3);
      // The sample, and the kill just before the last write unless the sample holds it.
      expect(report.before + report.after + report.between).toBeGreaterThanOrEqual(sample);
      expect(report.before + report.after + report.between).toBeLessThanOrEqual(sample + 1);
    },
    180_000,
  );
});
