/**
 * Node's on-disk compile cache for the entries that run from source (browser mode, the CLI): the
 * type-stripped TypeScript and V8's compiled code of some 950 modules are kept between runs.
 * Measured on a 2,000-person folder, a process that opened the core and read the first timeline
 * page held 161 MB instead of 207 MB (most of the difference is Node's TypeScript stripper, which
 * a cached module never loads). Entries are checked against the source, so a stale one is never
 * used; NODE_COMPILE_CACHE chooses the folder (default: the system's temporary folder) and
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off. The desktop app runs a bundle and does not need it.
 *
 * Imported first by each entry, which then loads everything else with a dynamic import: the
 * modules of a static import graph are all compiled before any of them runs.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
