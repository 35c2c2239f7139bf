import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Finds an Electron binary without `require('electron')`, which would try to download one.
 * Order: ELECTRON_EXEC_PATH, then what electron's own installer recorded in path.txt.
 * Returns the reason when there is none, so the spec can say why it skipped.
 */
export function findElectron(root = process.cwd()): { path: string } | { missing: string } {
  const fromEnv = process.env.ELECTRON_EXEC_PATH;
  if (fromEnv)
    return existsSync(fromEnv)
      ? { path: fromEnv }
      : { missing: `ELECTRON_EXEC_PATH points to ${fromEnv}, which does not exist.` };
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing:
        'No Electron binary here: node_modules/electron/path.txt is absent (the binary was never downloaded). Set ELECTRON_EXEC_PATH or run "npx install-electron" where downloads work.',
    };
  }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary)
    ? { path: binary }
    : { missing: `node_modules/electron/path.txt names ${binary}, which does not exist.` };
}
