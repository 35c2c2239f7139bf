import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * Where Rapport keeps data when no folder is given: the same folder Electron's
 * `app.getPath('userData')` uses for productName "Rapport", so the desktop app, the browser mode
 * and the CLI all see one set of data.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Rapport');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Rapport');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Rapport');
}

/**
 * The user's own cache folder for Rapport: what can be thrown away and made again (the compile
 * cache of main/compile-cache.ts). Never the shared temporary folder, as a cache entry there holds
 * code the next start would run, and another account on the machine could write it.
 */
export function defaultCacheDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: () => string = homedir,
): string {
  // An empty or relative setting would name a folder under wherever the process started.
  const set = (value: string | undefined) => (value && isAbsolute(value) ? value : undefined);
  if (platform === 'win32') return join(set(env.LOCALAPPDATA) ?? join(home(), 'AppData', 'Local'), 'Rapport', 'Cache');
  if (platform === 'darwin') return join(home(), 'Library', 'Caches', 'Rapport');
  return join(set(env.XDG_CACHE_HOME) ?? join(home(), '.cache'), 'Rapport');
}
