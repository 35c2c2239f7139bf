import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest (child processes, a sync server, many SIGKILLs). Started first, so on
 * two workers the short files fill in around them instead of one of these running alone at the end.
 * Vitest's own order (slowest first from its results cache) only helps where that cache exists; a
 * fresh clone, as in CI, falls back to file size.
 */
const HEAVY = [
  'main/core/lifecycle/kill-restore.test.ts',
  'main/core/lifecycle/kill-import.test.ts',
  'main/core/lifecycle/kill-operations.test.ts',
  'main/core/sync/sync-area.test.ts',
  'main/core/sync/sync-faults.test.ts',
  'main/core/storage/crash.test.ts',
  'main/core/projection/projection.property.test.ts',
  'main/cli/cli.test.ts',
  'renderer/features/starters/StartersScreen.test.tsx',
  'renderer/features/failures/failures.test.tsx',
];

const rank = (spec: TestSpecification) => {
  const index = HEAVY.findIndex((file) => spec.moduleId.endsWith(file));
  return index === -1 ? HEAVY.length : index;
};

export default class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
