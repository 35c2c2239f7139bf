/**
 * Quick capture, logging with new people and a detail, and merging two people, SIGKILLed at two
 * of their storage writes each (chosen by seed) in every `npm test`; `npm run stress:storage`
 * kills every one.
 */
import { describe, expect, it } from 'vitest';
import { killDuringOperation } from './kill-operations.ts';

describe('killed at a storage write', () => {
  it.each(['capture-new', 'capture-known', 'log', 'merge'] as const)(
    '%s leaves exactly the data from before or from after',
    async (operation) => {
      const report = await killDuringOperation(operation, { sample: 2, seed: 20261202 });
      expect(report.writes).toBeGreaterThanOrEqual(3);
      expect(report.before + report.after).toBe(2);
    },
    180_000,
  );
});
