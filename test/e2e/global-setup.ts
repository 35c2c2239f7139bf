import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeTemplatesFolder } from './seeded-folder.ts';
import { SERVE_ENTRY } from './serve-fixture.ts';

/** The sources the build turns into `out/` (the browser-mode server and the renderer). */
const SOURCES = ['main', 'shared', 'renderer'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The specs run the built app, as `npm run serve` does (`npm test` builds just before). Run on
 * their own after an edit, they build first rather than test yesterday's bundle. Then one folder
 * of seeded templates for the whole run, shared by the workers (seeded-folder.ts).
 */
export default function globalSetup(): () => void {
  const built = existsSync(SERVE_ENTRY) ? statSync(SERVE_ENTRY).mtimeMs : 0;
  if (Math.max(...SOURCES.map(newestSource)) > built) {
    console.log('The build is older than the sources: building first (npm run build).');
    execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
  }
  return makeTemplatesFolder();
}
