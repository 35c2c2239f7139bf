/**
 * The scripts the tests start as child processes: a second core, the `rapport` command, and the
 * children the kill and crash tests SIGKILL. Under vitest they run from a bundle that
 * test/child-bundle.ts makes once per run; elsewhere (the stress scripts) from source. Measured on
 * the 2-core machine, starting the `rapport` command took about 2 CPU-seconds from source (linking
 * and running some thousand modules, even with the compile cache) and 0.7 from the bundle, and the
 * unit tests start some sixty such processes. Not a test file itself.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each child's entry, relative to the repository root. */
export const CHILD_ENTRIES = {
  cli: 'main/cli.ts',
  'child-core-process': 'main/core/testing/child-core-process.ts',
  'kill-operation-child': 'main/core/lifecycle/kill-operation-child.ts',
  'crash-child': 'main/core/storage/crash-child.ts',
  'key-format-child': 'main/core/storage/key-format-child.ts',
  'pull-child': 'main/core/sync/pull-child.ts',
} as const;
export type ChildEntry = keyof typeof CHILD_ENTRIES;

/** Where test/child-bundle.ts put this run's bundle. */
export const CHILD_BUNDLE_ENV = 'RAPPORT_TEST_CHILD_BUNDLE';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The script to start for `entry`: its bundle when this test run made one, else its source. */
export function childScript(entry: ChildEntry): string {
  const bundle = process.env[CHILD_BUNDLE_ENV];
  return bundle ? join(bundle, `${entry}.js`) : join(root, CHILD_ENTRIES[entry]);
}
