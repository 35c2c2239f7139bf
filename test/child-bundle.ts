/**
 * Global setup of the node unit tests: bundles the scripts the tests start as child processes
 * (main/core/testing/child-script.ts) into a temporary folder, once per run and again before each
 * rerun in watch mode, so every child starts from this run's sources without linking some thousand
 * modules first. In our own sources `import.meta.url` is replaced by the source file's URL, so what
 * the code finds beside itself (package.json for the version, packages loaded with createRequire)
 * is the same as from source.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';
import type { TestProject } from 'vitest/node';
import { CHILD_BUNDLE_ENV, CHILD_ENTRIES } from '../main/core/testing/child-script.ts';

const root = fileURLToPath(new URL('../', import.meta.url));

async function bundle(dir: string): Promise<void> {
  await build({
    cwd: root,
    input: CHILD_ENTRIES,
    platform: 'node',
    external: [/^node:/, ...builtinModules],
    plugins: [
      {
        name: 'source-import-meta-url',
        transform(code, id) {
          if (!id.startsWith(root) || id.includes(`${sep}node_modules${sep}`) || !code.includes('import.meta.url'))
            return;
          return code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(id).href));
        },
      },
    ],
    output: { dir, format: 'esm' },
    logLevel: 'warn',
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-test-children-'));
  await bundle(dir);
  process.env[CHILD_BUNDLE_ENV] = dir;
  project.onTestsRerun(() => bundle(dir));
  return () => rmSync(dir, { recursive: true, force: true });
}
