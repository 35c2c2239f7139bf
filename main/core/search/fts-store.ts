/**
 * The search index's tables: SQLite FTS5 inside the database file itself, beside RxDB's tables.
 * Living in the same file means a restore, a safety copy or a swap moves the index together with
 * the data it was built from, and its checkpoints commit in the same transaction as its rows, so
 * a crash leaves the index either before or after a pass, never half-way.
 *
 * One row per person (their name, organisation and role, notes, tags *and* details, so words from
 * a detail and from the name combine) and one per interaction. Interactions' rowids start with
 * their day (`yyyymmdd · 10⁷ + n`), so "newest matches first" is FTS5's own rowid order.
 */
import type { DatabaseSync } from 'node:sqlite';
import { tokenise } from '../../../shared/domain/search/text.ts';

/** Bump when what is indexed or how changes: the next start drops the tables and builds them again. */
export const SEARCH_INDEX_VERSION = 1;

/** A person's searchable text: their own fields, and their details' texts. */
export type PersonFields = {
  name: string;
  organisation: string;
  notes: string;
  tags: string;
  details: Array<{ id: string; text: string }>;
};
export type InteractionFields = { title: string; notes: string };

export type PersonRow = { rowid: number; id: string; fields: PersonFields };
export type InteractionRow = {
  rowid: number;
  id: string;
  date: string;
  personIds: string[];
  fields: InteractionFields;
};

const TABLES = [
  'search_state',
  'search_person',
  'search_detail',
  'search_interaction',
  'search_people',
  'search_talks',
];
const DAY_FACTOR = 10_000_000;
/** Diacritics folded; folded JS tokens go in, so FTS5 finds a superset of what the scorer accepts. */
const FTS_OPTIONS = "content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3'";

const SCHEMA = `
  CREATE TABLE search_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE search_person (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, fields TEXT NOT NULL) STRICT;
  CREATE TABLE search_detail (id TEXT PRIMARY KEY, contact_id TEXT NOT NULL) STRICT;
  CREATE TABLE search_interaction (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, date TEXT NOT NULL, person_ids TEXT NOT NULL, fields TEXT NOT NULL
  ) STRICT;
  CREATE VIRTUAL TABLE search_people USING fts5(name, organisation, notes, tags, details, ${FTS_OPTIONS});
  CREATE VIRTUAL TABLE search_talks USING fts5(title, notes, ${FTS_OPTIONS});
  INSERT INTO search_people(search_people, rank) VALUES ('rank', 'bm25(10, 50, 10, 40, 10)');
  INSERT INTO search_talks(search_talks, rank) VALUES ('rank', 'bm25(30, 10)');
`;

/** Thrown when the runtime's SQLite lacks FTS5: the app cannot search without it. */
export class MissingFts5Error extends Error {
  constructor(cause: unknown) {
    super(
      'Rapport needs SQLite with FTS5 (full-text search) and this runtime does not have it: ' +
        `${(cause as Error).message}. Run Rapport on Node 24 or Electron 45 or later.`,
    );
    this.name = 'MissingFts5Error';
  }
}

export interface FtsStore {
  /** False when the tables were (re)created empty at open: the index must be built from scratch. */
  readonly wasReady: boolean;
  readState(): { checkpoints: Record<string, unknown> };
  /** Runs `work` in one transaction; the state is saved with it. */
  transaction(work: () => void, checkpoints: Record<string, unknown>): void;
  putPerson(id: string, fields: PersonFields): void;
  removePerson(id: string): void;
  /** The contact a detail was indexed under, if any. */
  ownerOfDetail(id: string): string | undefined;
  setDetailOwner(id: string, contactId: string | undefined): void;
  putInteraction(id: string, date: string, personIds: string[], fields: InteractionFields): void;
  removeInteraction(id: string): void;
  /** People matching the FTS5 expression: all when at most `cap`, else the best `cap` by bm25. */
  matchPeople(expression: string, cap: number): PersonRow[];
  /** Interactions matching the expression, newest first, at most `cap`. */
  matchInteractions(expression: string, cap: number): InteractionRow[];
  namesOf(ids: readonly string[]): Map<string, string>;
  /** Merges the index's segments into one: after a build, so searches read one b-tree per term. */
  optimize(): void;
  close(): void;
}

/** Opens the index tables on `db`, creating them (empty) when missing or of another version. */
export function openFtsStore(db: DatabaseSync, ownsConnection: boolean): FtsStore {
  const wasReady = ensureSchema(db);
  const s = (sql: string) => db.prepare(sql);
  const stmts = {
    state: s("SELECT value FROM search_state WHERE key = 'checkpoints'"),
    saveState: s("INSERT OR REPLACE INTO search_state (key, value) VALUES ('checkpoints', ?)"),
    personRowid: s('SELECT rowid FROM search_person WHERE id = ?'),
    insertPerson: s('INSERT INTO search_person (id, fields) VALUES (?, ?) RETURNING rowid'),
    deletePerson: s('DELETE FROM search_person WHERE rowid = ?'),
    insertPeopleFts: s(
      'INSERT INTO search_people (rowid, name, organisation, notes, tags, details) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    deletePeopleFts: s('DELETE FROM search_people WHERE rowid = ?'),
    detailOwner: s('SELECT contact_id FROM search_detail WHERE id = ?'),
    setDetailOwner: s('INSERT OR REPLACE INTO search_detail (id, contact_id) VALUES (?, ?)'),
    deleteDetail: s('DELETE FROM search_detail WHERE id = ?'),
    talkRowid: s('SELECT rowid FROM search_interaction WHERE id = ?'),
    lastOfDay: s('SELECT max(rowid) AS last FROM search_interaction WHERE rowid BETWEEN ? AND ?'),
    insertTalk: s('INSERT INTO search_interaction (rowid, id, date, person_ids, fields) VALUES (?, ?, ?, ?, ?)'),
    deleteTalk: s('DELETE FROM search_interaction WHERE rowid = ?'),
    insertTalkFts: s('INSERT INTO search_talks (rowid, title, notes) VALUES (?, ?, ?)'),
    deleteTalkFts: s('DELETE FROM search_talks WHERE rowid = ?'),
    people: s(
      'SELECT p.rowid, p.id, p.fields FROM search_people f JOIN search_person p ON p.rowid = f.rowid ' +
        'WHERE search_people MATCH ? LIMIT ?',
    ),
    bestPeople: s(
      'SELECT p.rowid, p.id, p.fields FROM (SELECT rowid FROM search_people WHERE search_people MATCH ? ' +
        'ORDER BY rank LIMIT ?) f JOIN search_person p ON p.rowid = f.rowid',
    ),
    talks: s(
      'SELECT t.rowid, t.id, t.date, t.person_ids, t.fields FROM (SELECT rowid FROM search_talks ' +
        'WHERE search_talks MATCH ? ORDER BY rowid DESC LIMIT ?) f JOIN search_interaction t ON t.rowid = f.rowid',
    ),
    names: s(
      "SELECT id, json_extract(fields, '$.name') AS name FROM search_person WHERE id IN (SELECT value FROM json_each(?))",
    ),
  };

  const removePerson = (id: string) => {
    const row = stmts.personRowid.get(id) as { rowid: number } | undefined;
    if (!row) return;
    stmts.deletePeopleFts.run(row.rowid);
    stmts.deletePerson.run(row.rowid);
  };
  const removeInteraction = (id: string) => {
    const row = stmts.talkRowid.get(id) as { rowid: number } | undefined;
    if (!row) return;
    stmts.deleteTalkFts.run(row.rowid);
    stmts.deleteTalk.run(row.rowid);
  };
  const personRows = (rows: unknown[]) =>
    (rows as Array<{ rowid: number; id: string; fields: string }>).map((r) => ({
      rowid: r.rowid,
      id: r.id,
      fields: JSON.parse(r.fields) as PersonFields,
    }));

  return {
    wasReady,
    readState() {
      const row = stmts.state.get() as { value: string } | undefined;
      return { checkpoints: row ? (JSON.parse(row.value) as Record<string, unknown>) : {} };
    },
    transaction(work, checkpoints) {
      db.exec('BEGIN IMMEDIATE');
      try {
        work();
        stmts.saveState.run(JSON.stringify(checkpoints));
        db.exec('COMMIT');
      } catch (error) {
        // A failed COMMIT (a full disk) may have rolled back already.
        if (db.isTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
    putPerson(id, fields) {
      removePerson(id);
      const { rowid } = stmts.insertPerson.get(id, JSON.stringify(fields)) as { rowid: number };
      stmts.insertPeopleFts.run(
        rowid,
        foldedWords(fields.name),
        foldedWords(fields.organisation),
        foldedWords(fields.notes),
        foldedWords(fields.tags),
        fields.details.map((d) => foldedWords(d.text)).join(' '),
      );
    },
    removePerson,
    ownerOfDetail: (id) => (stmts.detailOwner.get(id) as { contact_id: string } | undefined)?.contact_id,
    setDetailOwner(id, contactId) {
      if (contactId === undefined) stmts.deleteDetail.run(id);
      else stmts.setDetailOwner.run(id, contactId);
    },
    putInteraction(id, date, personIds, fields) {
      removeInteraction(id);
      const day = Number(date.replaceAll('-', '')) || 0;
      const { last } = stmts.lastOfDay.get(day * DAY_FACTOR, day * DAY_FACTOR + DAY_FACTOR - 1) as {
        last: number | null;
      };
      const rowid = last === null ? day * DAY_FACTOR : last + 1;
      stmts.insertTalk.run(rowid, id, date, JSON.stringify(personIds), JSON.stringify(fields));
      stmts.insertTalkFts.run(rowid, foldedWords(fields.title), foldedWords(fields.notes));
    },
    removeInteraction,
    matchPeople(expression, cap) {
      const all = stmts.people.all(expression, cap + 1);
      return personRows(all.length <= cap ? all : stmts.bestPeople.all(expression, cap));
    },
    matchInteractions(expression, cap) {
      return (
        stmts.talks.all(expression, cap) as Array<{
          rowid: number;
          id: string;
          date: string;
          person_ids: string;
          fields: string;
        }>
      ).map((r) => ({
        rowid: r.rowid,
        id: r.id,
        date: r.date,
        personIds: JSON.parse(r.person_ids) as string[],
        fields: JSON.parse(r.fields) as InteractionFields,
      }));
    },
    namesOf(ids) {
      const rows = stmts.names.all(JSON.stringify(ids)) as Array<{ id: string; name: string }>;
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    optimize() {
      db.exec("INSERT INTO search_people(search_people) VALUES ('optimize')");
      db.exec("INSERT INTO search_talks(search_talks) VALUES ('optimize')");
    },
    close() {
      if (ownsConnection) db.close();
    },
  };
}

/** Creates the tables when missing or of another version; true when they were already there. */
function ensureSchema(db: DatabaseSync): boolean {
  const existing = db
    .prepare(`SELECT name FROM sqlite_schema WHERE name IN (${TABLES.map(() => '?').join(', ')})`)
    .all(...TABLES) as Array<{ name: string }>;
  const versionRow = existing.some((t) => t.name === 'search_state')
    ? (db.prepare("SELECT value FROM search_state WHERE key = 'version'").get() as { value: string } | undefined)
    : undefined;
  if (existing.length === TABLES.length && versionRow?.value === String(SEARCH_INDEX_VERSION)) return true;
  db.exec('BEGIN IMMEDIATE');
  try {
    for (const table of TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
    try {
      db.exec(SCHEMA);
    } catch (error) {
      if (/fts5/i.test((error as Error).message)) throw new MissingFts5Error(error);
      throw error;
    }
    db.prepare("INSERT INTO search_state (key, value) VALUES ('version', ?)").run(String(SEARCH_INDEX_VERSION));
    db.exec('COMMIT');
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return false;
}

/** Folded words, space-separated: what FTS5 indexes (see FTS_OPTIONS). */
function foldedWords(text: string): string {
  return text ? tokenise(text).join(' ') : '';
}
