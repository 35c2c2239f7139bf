import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingFeatures, NODE_SQLITE, REQUIRED_ELECTRON_MAJOR, runtimeProblem, SQLITE_FTS5 } from './runtime-check.ts';

const nodeBuiltins = (id: string) => process.getBuiltinModule(id);
const without =
  (...missing: string[]) =>
  (id: string) =>
    missing.includes(id) ? undefined : nodeBuiltins(id);

describe('the start-up runtime check', () => {
  it("finds what it needs in this Node (node:sqlite with FTS5, as in Electron 45's Node 24)", () => {
    expect(missingFeatures([NODE_SQLITE, SQLITE_FTS5], nodeBuiltins)).toEqual([]);
  });

  it('names node:sqlite when the runtime lacks it, and FTS5 with it', () => {
    expect(missingFeatures([NODE_SQLITE, SQLITE_FTS5], without('node:sqlite'))).toEqual(['node:sqlite', 'SQLite FTS5']);
  });

  it('notices an SQLite built without FTS5', () => {
    class NoFts5 {
      exec(sql: string) {
        if (/fts5/i.test(sql)) throw new Error('no such module: fts5');
      }
      close() {}
    }
    expect(missingFeatures([NODE_SQLITE, SQLITE_FTS5], () => ({ DatabaseSync: NoFts5 }))).toEqual(['SQLite FTS5']);
  });

  it('requires node:sqlite and FTS5 (the search index)', () => {
    expect(missingFeatures(undefined, without('node:sqlite'))).toEqual(['node:sqlite', 'SQLite FTS5']);
  });

  it('notices an SQLite whose FTS5 is too old for contentless deletes', () => {
    class OldFts5 {
      exec(sql: string) {
        if (/contentless_delete/i.test(sql)) throw new Error('unrecognized option: "contentless_delete"');
      }
      close() {}
    }
    expect(missingFeatures(undefined, () => ({ DatabaseSync: OldFts5 }))).toEqual(['SQLite FTS5']);
  });

  it('says what is missing, what runs, and which Electron to use', () => {
    const { title, message } = runtimeProblem(['node:sqlite'], { electron: '34.5.8', node: '20.19.1' });
    expect(title).toBe('Rapport cannot start on this Electron');
    expect(message).toContain('needs Electron 45 or later');
    expect(message).toContain('Electron 34.5.8 with Node 20.19.1, which lacks node:sqlite');
    expect(message).toContain('Your data was not opened or changed');
  });

  it('names the Electron major that package.json builds with', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: { electron: string } };
    expect(REQUIRED_ELECTRON_MAJOR).toBe(Number(pkg.devDependencies.electron.split('.')[0]));
  });
});
