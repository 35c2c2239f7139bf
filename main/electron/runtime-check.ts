/**
 * What the desktop app needs from Electron's embedded Node before any of its modules load: the
 * core imports `node:sqlite` statically, so on a runtime without it the app would die while
 * linking modules, before it could say why.
 */

/** The Electron major version this app is built and tested against (package.json's devDependency). */
export const REQUIRED_ELECTRON_MAJOR = 45;

export interface RuntimeFeature {
  /** What the user or a bug report should see: "node:sqlite", "SQLite FTS5". */
  name: string;
  /** True when the running runtime has it. Must not touch the data folder. */
  present(getBuiltin: (id: string) => unknown): boolean;
}

interface SqliteModule {
  DatabaseSync: new (path: string) => { exec(sql: string): void; close(): void };
}

const sqlite = (getBuiltin: (id: string) => unknown) => getBuiltin('node:sqlite') as SqliteModule | undefined;

export const NODE_SQLITE: RuntimeFeature = {
  name: 'node:sqlite',
  present: (getBuiltin) => typeof sqlite(getBuiltin)?.DatabaseSync === 'function',
};

/** Full-text search in SQLite; probed on an in-memory database, never on the user's file. */
export const SQLITE_FTS5: RuntimeFeature = {
  name: 'SQLite FTS5',
  present(getBuiltin) {
    const module = sqlite(getBuiltin);
    if (!module) return false;
    const db = new module.DatabaseSync(':memory:');
    try {
      // The options the search index uses (contentless_delete needs SQLite 3.43).
      db.exec("CREATE VIRTUAL TABLE probe USING fts5(text, content='', contentless_delete=1)");
      return true;
    } catch {
      return false;
    } finally {
      db.close();
    }
  },
};

/** What the app uses: the storage is node:sqlite, and search is an FTS5 index in the same file. */
export const REQUIRED_FEATURES: readonly RuntimeFeature[] = [NODE_SQLITE, SQLITE_FTS5];

/** The required features this runtime lacks, by name; empty when the app can start. */
export function missingFeatures(
  features: readonly RuntimeFeature[] = REQUIRED_FEATURES,
  getBuiltin: (id: string) => unknown = (id) => process.getBuiltinModule(id),
): string[] {
  return features.filter((feature) => !feature.present(getBuiltin)).map((feature) => feature.name);
}

/** The one dialog shown instead of starting: what is missing, what is running, what is needed. */
export function runtimeProblem(
  missing: readonly string[],
  versions: { electron?: string | undefined; node?: string | undefined },
): { title: string; message: string } {
  const running = `Electron ${versions.electron ?? 'unknown'} with Node ${versions.node ?? 'unknown'}`;
  return {
    title: 'Rapport cannot start on this Electron',
    message:
      `Rapport needs Electron ${REQUIRED_ELECTRON_MAJOR} or later. This copy runs on ${running}, ` +
      `which lacks ${missing.join(' and ')}.\n\n` +
      'Your data was not opened or changed. Install the Rapport release built for your system, ' +
      `or run it with Electron ${REQUIRED_ELECTRON_MAJOR}.`,
  };
}
