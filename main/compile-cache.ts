/**
 * Node's on-disk compile cache for the entries that run from source (browser mode, the CLI): the
 * type-stripped TypeScript and V8's compiled code of some 950 modules are kept between runs.
 * Measured on a 2,000-person folder, a process that opened the core and read the first timeline
 * page held 161 MB instead of 207 MB (most of the difference is Node's TypeScript stripper, which
 * a cached module never loads). Entries are checked against the source, so a stale one is never
 * used. The desktop app runs a bundle and does not need it.
 *
 * The cache lives in the user's own cache folder (paths.ts), not Node's default in the shared
 * temporary folder: an entry there is code this process would run, and on a machine with several
 * accounts another one could have written it. NODE_COMPILE_CACHE chooses another folder and
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 *
 * Imported first by each entry, which then loads everything else with a dynamic import: the
 * modules of a static import graph are all compiled before any of them runs (these two, and
 * paths.ts, are the only ones compiled without the cache).
 */
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { defaultCacheDir } from './core/paths.ts';

/** The folder to keep the cache in, or none (no cache) where the user has no home folder to find. */
function cacheFolder(): string | undefined {
  if (process.env.NODE_COMPILE_CACHE) return process.env.NODE_COMPILE_CACHE;
  try {
    return join(defaultCacheDir(), 'compile-cache');
  } catch {
    return undefined;
  }
}

const folder = cacheFolder();
if (folder) enableCompileCache(folder);
