/**
 * The search index's tables: SQLite FTS5 inside the database file itself, beside RxDB's tables.
 * Living in the same file means a restore, a safety copy or a swap moves the index together with
 * the data it was built from, and its checkpoints commit in the same transaction as its rows, so
 * a crash leaves the index either before or after a pass, never half-way.
 *
 * One row per person (their name, organisation and role, notes, tags *and* details, so words from
 * a detail and from the name combine) and one per interaction. Interactions' rowids start with
 * their day (`yyyymmdd · 10⁷ + n`), so "newest matches first" is FTS5's own rowid order.
 *
 * Beside each FTS5 row, a plain row keeps what a keystroke needs without parsing JSON: the texts
 * folded and padded (`folded`, see folded.ts) for scoring, and the original texts (`fields`),
 * parsed only for the few hits shown.
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { withRelaxedCommits } from '../storage/connection.ts';
import { foldedInteraction, foldedPerson } from './folded.ts';

/**
 * Bump when what is indexed or how changes: the next start drops the tables and builds them again.
 * 4: ł ø đ ħ ı ß æ œ þ folded to the letters people type for them (`foldText`).
 */
export const SEARCH_INDEX_VERSION = 4;

/** A person's searchable text: their own fields, and their details' texts. */
export type PersonFields = {
  name: string;
  organisation: string;
  notes: string;
  tags: string;
  details: Array<{ id: string; text: string }>;
};
export type InteractionFields = { title: string; notes: string };

/** A candidate as scored: its folded texts (folded.ts). */
export type PersonRow = { rowid: number; id: string; folded: string };
export type InteractionRow = { rowid: number; id: string; date: string; folded: string };

/** A phrase for FTS5: a folded word, whole or as a prefix, in some columns (all when empty). */
export type Term = { word: string; prefix: boolean; columns: readonly string[] };

const TABLES = [
  'search_state',
  'search_person',
  'search_detail',
  'search_interaction',
  'search_people',
  'search_talks',
];
const DAY_FACTOR = 10_000_000;
/** FTS5's own default: merge once four segments of a size have gathered. */
const DEFAULT_AUTOMERGE = 4;
/**
 * Diacritics folded; folded JS tokens go in, so FTS5 finds a superset of what the scorer accepts.
 * Prefix indexes for one and two letters, the queries that match the most words; a longer prefix
 * reads the few words it starts, and a third index cost 9% of a build for no measurable keystroke.
 */
const FTS_OPTIONS = "content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='1 2'";

const SCHEMA = `
  CREATE TABLE search_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  CREATE TABLE search_person (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, folded TEXT NOT NULL, fields TEXT NOT NULL
  ) STRICT;
  CREATE TABLE search_detail (id TEXT PRIMARY KEY, contact_id TEXT NOT NULL, text TEXT NOT NULL) STRICT;
  CREATE INDEX search_detail_contact ON search_detail (contact_id, id);
  CREATE TABLE search_interaction (
    rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, date TEXT NOT NULL, person_ids TEXT NOT NULL,
    folded TEXT NOT NULL, fields TEXT NOT NULL
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
  /** Grows with every write to the index through this store: whatever was read before is stale once it moved. */
  readonly changes: number;
  readState(): { checkpoints: Record<string, unknown> };
  /** Runs `work` in one transaction; the state is saved with it. */
  transaction(work: () => void, checkpoints: Record<string, unknown>): void;
  putPerson(id: string, fields: PersonFields): void;
  removePerson(id: string): void;
  hasPerson(id: string): boolean;
  /** The contact a detail was indexed under, if any. */
  ownerOfDetail(id: string): string | undefined;
  /** Keeps a detail's text under its contact, for the next `putPerson` of that contact to read. */
  putDetail(id: string, contactId: string, text: string): void;
  removeDetail(id: string): void;
  /** The details kept under a contact, by id. */
  detailsOf(contactId: string): Array<{ id: string; text: string }>;
  /**
   * While on, FTS5 leaves its segments unmerged (`automerge` 0) until `mergeStep` has merged them:
   * a build from scratch then merges once instead of at every commit. Crisis merges still bound
   * the segments. The setting is kept in the file (FTS5's config table), so a rolled-back
   * transaction undoes it, and a build a quit stopped before its merge is known at the next start.
   */
  setBulkLoad(on: boolean): void;
  /** Whether bulk load is on in the file: a build that stopped before its end left it so. */
  bulkLoading(): boolean;
  putInteraction(id: string, date: string, personIds: string[], fields: InteractionFields): void;
  removeInteraction(id: string): void;
  /** Rowids of up to `cap` people matching every term, in the index's order. */
  peopleIds(terms: readonly Term[], cap: number): number[];
  peopleByRowid(rowids: readonly number[]): PersonRow[];
  /** Rowids of up to `cap` interactions matching every term, newest first. */
  interactionIds(terms: readonly Term[], cap: number): number[];
  interactionsByRowid(rowids: readonly number[]): InteractionRow[];
  /** The names and original texts of the people shown. */
  peopleShown(ids: readonly string[]): Map<string, { name: string; fields: PersonFields }>;
  /** The original texts and people of the interactions shown. */
  interactionsShown(ids: readonly string[]): Map<string, { personIds: string[]; fields: InteractionFields }>;
  namesOf(ids: readonly string[]): Map<string, string>;
  /** Empties the index and forgets its checkpoints: the next pass reads everything. */
  reset(): void;
  /** How many people and interactions the index holds. */
  counts(): { people: number; interactions: number };
  /**
   * Merges the index's segments a step towards one, in one transaction (FTS5 writes about `pages`
   * pages in each of its two tables): after a build, so searches read one b-tree per term. False
   * when there was nothing left to merge; bulk load is then turned off.
   */
  mergeStep(pages: number): boolean;
  close(): void;
}

/** An FTS5 expression: every term required. Words hold only letters and digits, so quoting is safe. */
export function expression(terms: readonly Term[]): string {
  return terms
    .map((t) => `${t.columns.length ? `{${t.columns.join(' ')}} : ` : ''}"${t.word}"${t.prefix ? '*' : ''}`)
    .join(' AND ');
}

/** Opens the index tables on `db`, creating them (empty) when missing or of another version. */
export function openFtsStore(db: DatabaseSync, ownsConnection: boolean): FtsStore {
  const wasReady = ensureSchema(db);
  const inList = 'IN (SELECT value FROM json_each(?))';
  // Prepared at first use: the first statement on an FTS5 table loads it (~3 ms), which a start
  // showing Today does not need.
  const stmts = preparedOnUse(db, {
    state: "SELECT value FROM search_state WHERE key = 'checkpoints'",
    saveState: "INSERT OR REPLACE INTO search_state (key, value) VALUES ('checkpoints', ?)",
    personRowid: 'SELECT rowid FROM search_person WHERE id = ?',
    insertPerson: 'INSERT INTO search_person (id, name, folded, fields) VALUES (?, ?, ?, ?) RETURNING rowid',
    deletePerson: 'DELETE FROM search_person WHERE rowid = ?',
    insertPeopleFts:
      'INSERT INTO search_people (rowid, name, organisation, notes, tags, details) VALUES (?, ?, ?, ?, ?, ?)',
    deletePeopleFts: 'DELETE FROM search_people WHERE rowid = ?',
    mergePeople: "INSERT INTO search_people(search_people, rank) VALUES ('merge', ?)",
    mergeTalks: "INSERT INTO search_talks(search_talks, rank) VALUES ('merge', ?)",
    totalChanges: 'SELECT total_changes() AS n',
    automerge:
      "SELECT (SELECT v FROM search_people_config WHERE k = 'automerge') AS people, " +
      "(SELECT v FROM search_talks_config WHERE k = 'automerge') AS talks",
    detailOwner: 'SELECT contact_id FROM search_detail WHERE id = ?',
    putDetail: 'INSERT OR REPLACE INTO search_detail (id, contact_id, text) VALUES (?, ?, ?)',
    deleteDetail: 'DELETE FROM search_detail WHERE id = ?',
    detailsOf: 'SELECT id, text FROM search_detail WHERE contact_id = ? ORDER BY id',
    talkRowid: 'SELECT rowid FROM search_interaction WHERE id = ?',
    lastOfDay: 'SELECT max(rowid) AS last FROM search_interaction WHERE rowid BETWEEN ? AND ?',
    insertTalk:
      'INSERT INTO search_interaction (rowid, id, date, person_ids, folded, fields) VALUES (?, ?, ?, ?, ?, ?)',
    deleteTalk: 'DELETE FROM search_interaction WHERE rowid = ?',
    insertTalkFts: 'INSERT INTO search_talks (rowid, title, notes) VALUES (?, ?, ?)',
    deleteTalkFts: 'DELETE FROM search_talks WHERE rowid = ?',
    // Row ids come back as one JSON array: a row apiece costs more than the match for a broad query.
    peopleIds:
      'SELECT json_group_array(rowid ORDER BY rowid) AS ids FROM ' +
      '(SELECT rowid FROM search_people WHERE search_people MATCH ? LIMIT ?)',
    peopleByRowid: `SELECT rowid, id, folded FROM search_person WHERE rowid ${inList}`,
    talkIds:
      'SELECT json_group_array(rowid ORDER BY rowid DESC) AS ids FROM ' +
      '(SELECT rowid FROM search_talks WHERE search_talks MATCH ? ORDER BY rowid DESC LIMIT ?)',
    talksByRowid: `SELECT rowid, id, date, folded FROM search_interaction WHERE rowid ${inList}`,
    peopleShown: `SELECT id, name, fields FROM search_person WHERE id ${inList}`,
    talksShown: `SELECT id, person_ids, fields FROM search_interaction WHERE id ${inList}`,
    names: `SELECT id, name FROM search_person WHERE id ${inList}`,
  });

  // The index is derived data: its commits need not wait for the disk (a pass lost to a power
  // cut is lost with its checkpoints, committed in the same transaction, and is read again).
  const relaxed = <T>(transaction: () => T): T => withRelaxedCommits(db, transaction);

  // Every write method counts itself, so a write nothing here foresaw still counts.
  let changes = 0;
  const removePerson = (id: string) => {
    changes++;
    const row = stmts.personRowid.get(id) as { rowid: number } | undefined;
    if (!row) return;
    stmts.deletePeopleFts.run(row.rowid);
    stmts.deletePerson.run(row.rowid);
  };
  const removeInteraction = (id: string) => {
    changes++;
    const row = stmts.talkRowid.get(id) as { rowid: number } | undefined;
    if (!row) return;
    stmts.deleteTalkFts.run(row.rowid);
    stmts.deleteTalk.run(row.rowid);
  };
  // Read from the file each time: an in-memory flag would survive a rollback of the transaction
  // that set it. Each index keeps its own setting (unset means FTS5's default).
  const automerge = () => {
    const row = stmts.automerge.get() as { people: number | null; talks: number | null };
    return { search_people: row.people ?? DEFAULT_AUTOMERGE, search_talks: row.talks ?? DEFAULT_AUTOMERGE };
  };
  const bulkLoading = () => Object.values(automerge()).includes(0);
  const setBulkLoad = (on: boolean) => {
    const wanted = on ? 0 : DEFAULT_AUTOMERGE;
    for (const [fts, now] of Object.entries(automerge()))
      if (now !== wanted) db.exec(`INSERT INTO ${fts}(${fts}, rank) VALUES ('automerge', ${wanted})`);
  };
  const rowids = (row: unknown) => JSON.parse((row as { ids: string }).ids) as number[];
  // The last rowid given on each day, read once a day per process: only this store writes the table.
  const lastOfDay = new Map<number, number>();
  const nextRowidOfDay = (day: number) => {
    let last = lastOfDay.get(day);
    if (last === undefined) {
      const row = stmts.lastOfDay.get(day * DAY_FACTOR, day * DAY_FACTOR + DAY_FACTOR - 1) as { last: number | null };
      last = row.last ?? day * DAY_FACTOR - 1;
    }
    lastOfDay.set(day, last + 1);
    return last + 1;
  };

  return {
    wasReady,
    get changes() {
      return changes;
    },
    readState() {
      const row = stmts.state.get() as { value: string } | undefined;
      return { checkpoints: row ? (JSON.parse(row.value) as Record<string, unknown>) : {} };
    },
    transaction(work, checkpoints) {
      relaxed(() => {
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
      });
    },
    putPerson(id, fields) {
      removePerson(id);
      const folded = foldedPerson(fields);
      const { rowid } = stmts.insertPerson.get(id, fields.name, folded.text, JSON.stringify(fields)) as {
        rowid: number;
      };
      stmts.insertPeopleFts.run(rowid, ...folded.columns);
    },
    removePerson,
    hasPerson: (id) => stmts.personRowid.get(id) !== undefined,
    ownerOfDetail: (id) => (stmts.detailOwner.get(id) as { contact_id: string } | undefined)?.contact_id,
    putDetail(id, contactId, text) {
      changes++;
      stmts.putDetail.run(id, contactId, text);
    },
    removeDetail(id) {
      changes++;
      stmts.deleteDetail.run(id);
    },
    detailsOf: (contactId) => stmts.detailsOf.all(contactId) as Array<{ id: string; text: string }>,
    setBulkLoad,
    bulkLoading,
    putInteraction(id, date, personIds, fields) {
      removeInteraction(id);
      const day = Number(date.replaceAll('-', '')) || 0;
      const rowid = nextRowidOfDay(day);
      const folded = foldedInteraction(fields);
      stmts.insertTalk.run(rowid, id, date, JSON.stringify(personIds), folded.text, JSON.stringify(fields));
      stmts.insertTalkFts.run(rowid, ...folded.columns);
    },
    removeInteraction,
    peopleIds: (terms, cap) => rowids(stmts.peopleIds.get(expression(terms), cap)),
    peopleByRowid: (ids) => stmts.peopleByRowid.all(JSON.stringify(ids)) as PersonRow[],
    interactionIds: (terms, cap) => rowids(stmts.talkIds.get(expression(terms), cap)),
    interactionsByRowid: (ids) => stmts.talksByRowid.all(JSON.stringify(ids)) as InteractionRow[],
    peopleShown(ids) {
      const rows = stmts.peopleShown.all(JSON.stringify(ids)) as Array<{ id: string; name: string; fields: string }>;
      return new Map(rows.map((r) => [r.id, { name: r.name, fields: JSON.parse(r.fields) as PersonFields }]));
    },
    interactionsShown(ids) {
      const rows = stmts.talksShown.all(JSON.stringify(ids)) as Array<{
        id: string;
        person_ids: string;
        fields: string;
      }>;
      return new Map(
        rows.map((r) => [
          r.id,
          { personIds: JSON.parse(r.person_ids) as string[], fields: JSON.parse(r.fields) as InteractionFields },
        ]),
      );
    },
    namesOf(ids) {
      const rows = stmts.names.all(JSON.stringify(ids)) as Array<{ id: string; name: string }>;
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    reset() {
      changes++;
      lastOfDay.clear();
      db.exec('BEGIN IMMEDIATE');
      try {
        for (const fts of ['search_people', 'search_talks'])
          db.exec(`INSERT INTO ${fts}(${fts}) VALUES ('delete-all')`);
        db.exec('DELETE FROM search_person; DELETE FROM search_detail; DELETE FROM search_interaction');
        db.exec("DELETE FROM search_state WHERE key = 'checkpoints'");
        db.exec('COMMIT');
      } catch (error) {
        if (db.isTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
    counts() {
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      return { people: count('search_person'), interactions: count('search_interaction') };
    },
    mergeStep: (pages) =>
      relaxed(() => {
        db.exec('BEGIN IMMEDIATE');
        try {
          let merged = false;
          for (const merge of [stmts.mergePeople, stmts.mergeTalks]) {
            // FTS5's own test of whether a merge found work: total changes move by two or more.
            const before = (stmts.totalChanges.get() as { n: number }).n;
            // Negative: segments merge whatever their level, as 'optimize' does, a few pages at a time.
            merge.run(-pages);
            merged ||= (stmts.totalChanges.get() as { n: number }).n - before >= 2;
          }
          if (!merged) setBulkLoad(false);
          db.exec('COMMIT');
          return merged;
        } catch (error) {
          if (db.isTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    close() {
      if (ownsConnection) db.close();
    },
  };
}

/** Statements by name, each prepared the first time it is read. */
function preparedOnUse<K extends string>(db: DatabaseSync, sql: Record<K, string>): Record<K, StatementSync> {
  const prepared = {} as Record<K, StatementSync>;
  for (const name of Object.keys(sql) as K[]) {
    let statement: StatementSync | undefined;
    Object.defineProperty(prepared, name, { get: () => (statement ??= db.prepare(sql[name])) });
  }
  return prepared;
}

/** Creates the tables when missing or of another version; true when they were already there. */
function ensureSchema(db: DatabaseSync): boolean {
  // Checked here, while a runtime without FTS5 can still be named; statements are prepared later.
  const fts5 = db.prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5') AS yes").get() as { yes: number };
  if (!fts5.yes) throw new MissingFts5Error(new Error('SQLite was built without ENABLE_FTS5'));
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
