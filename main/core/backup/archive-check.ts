/**
 * The checks an archive's contents go through, one collection heading and one document at a time,
 * so a reader can hold a single document (verifying a backup) or collect them all (a restore).
 * Each problem carries its JSON path and, when the archive is in the line layout, its line.
 */
import type { MigrationStrategies } from 'rxdb';
import type { FieldIssue } from '../../../shared/ipc/result.ts';
import { COLLECTION_SCHEMAS, COLLECTIONS, type CollectionName } from '../db/collections.ts';
import { archiveDocumentSchemas, jsonDepth, MAX_JSON_DEPTH } from './archive-schemas.ts';

export type Documents = Partial<Record<CollectionName, Record<string, unknown>[]>>;
export type Path = (string | number)[];
/** A problem found in an archive; `line` is 1-based, when the archive has one document per line. */
export type ArchiveIssue = FieldIssue & { line?: number };

export type DocumentCheck =
  | { ok: true; document: Record<string, unknown> }
  /** The collection's migration dropped the document on purpose. */
  | { ok: 'dropped' }
  | { ok: false; issues: FieldIssue[] };

/** What to do with a collection of an archive, from its name and schema version. */
export type CollectionPlan =
  /** A derived collection (older archives held `participations`): rebuilt from the source instead. */
  | { kind: 'skip' }
  | { kind: 'refuse'; issue: FieldIssue }
  | { kind: 'read'; name: CollectionName; check(document: unknown, at: Path): Promise<DocumentCheck> };

export function collectionPlan(name: string, schemaVersion: number): CollectionPlan {
  const info = COLLECTIONS[name as CollectionName];
  if (info?.kind === 'derived') return { kind: 'skip' };
  const schemas = archiveDocumentSchemas();
  const schema = schemas[name as keyof typeof schemas];
  if (!info || !schema)
    return {
      kind: 'refuse',
      issue: { path: ['collections', name], message: `unknown collection "${name}" (written by a newer Rapport?)` },
    };
  const { schema: current, migrationStrategies } = COLLECTION_SCHEMAS[name as CollectionName];
  if (schemaVersion > current.version)
    return {
      kind: 'refuse',
      issue: {
        path: ['collections', name, 'schemaVersion'],
        message: `schema version ${schemaVersion} is newer than this Rapport's ${current.version}`,
      },
    };
  return {
    kind: 'read',
    name: name as CollectionName,
    async check(document, at) {
      const problem = shapeProblem(document);
      if (problem) return { ok: false, issues: [{ path: at, message: problem }] };
      let migrated: unknown;
      try {
        migrated = await migrate(migrationStrategies, schemaVersion, current.version, document);
      } catch {
        // A migration written for what that version stored, given something else.
        const message = `could not be brought up to date from schema version ${schemaVersion}: its fields are not what that version wrote`;
        return { ok: false, issues: [{ path: at, message }] };
      }
      if (migrated === null) return { ok: 'dropped' };
      const result = schema.safeParse(migrated);
      if (result.success) return { ok: true, document: result.data as Record<string, unknown> };
      return {
        ok: false,
        issues: result.error.issues.map((i) => ({ path: [...at, ...(i.path as Path)], message: i.message })),
      };
    },
  };
}

/**
 * Collects the valid documents of an archive as they arrive, with every problem: unique ids per
 * collection as it goes, references between collections at the end.
 */
export class ArchiveCollector {
  readonly documents: Documents = {};
  readonly issues: ArchiveIssue[] = [];
  private plan: CollectionPlan = { kind: 'skip' };
  private seen = new Set<string>();
  private index = 0;

  /** A collection heading; its documents follow. */
  collection(name: string, schemaVersion: number, line?: number): void {
    this.plan = collectionPlan(name, schemaVersion);
    this.seen = new Set();
    this.index = 0;
    if (this.plan.kind === 'refuse') this.issues.push({ ...this.plan.issue, line });
    else if (this.plan.kind === 'read') {
      if (this.documents[this.plan.name])
        this.issues.push({ path: ['collections', name], message: `the collection "${name}" appears twice`, line });
      this.documents[this.plan.name] = [];
    }
  }

  async document(value: unknown, line?: number): Promise<void> {
    const at = ['collections', this.plan.kind === 'read' ? this.plan.name : '', 'documents', this.index++];
    if (this.plan.kind !== 'read') return;
    const checked = await this.plan.check(value, at);
    if (checked.ok === 'dropped') return;
    if (!checked.ok) {
      for (const issue of checked.issues) this.issues.push({ ...issue, line });
      return;
    }
    const id = String(checked.document.id);
    if (this.seen.has(id)) this.issues.push({ path: [...at, 'id'], message: `the id "${id}" appears twice`, line });
    this.seen.add(id);
    this.documents[this.plan.name]!.push(checked.document);
  }

  /** A document line that is not JSON. */
  unreadable(message: string, line?: number): void {
    const name = this.plan.kind === 'read' ? this.plan.name : '';
    this.issues.push({ path: ['collections', name, 'documents', this.index++], message, line });
  }

  /** Every problem, references included. */
  finish(): ArchiveIssue[] {
    this.issues.push(...referenceProblems(this.documents));
    return this.issues;
  }
}

/** What is wrong with a document before its schema is even asked, in words. */
function shapeProblem(document: unknown): string | undefined {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return 'not a document (an object)';
  if ((document as { _deleted?: unknown })._deleted === true)
    return 'a deleted document: archives hold only live ones, so this one was not written by Rapport';
  if (jsonDepth(document) > MAX_JSON_DEPTH) return `nested more than ${MAX_JSON_DEPTH} levels deep`;
  return undefined;
}

/** References that point nowhere: an interaction's people, a detail's person and interaction. */
function referenceProblems(documents: Documents): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const ids = (name: CollectionName) => new Set((documents[name] ?? []).map((d) => String(d.id)));
  const people = ids('contacts');
  const interactions = ids('interactions');
  for (const [index, doc] of (documents.interactions ?? []).entries()) {
    for (const [n, contactId] of ((doc.contactIds as string[]) ?? []).entries()) {
      if (!people.has(contactId))
        issues.push({
          path: ['collections', 'interactions', 'documents', index, 'contactIds', n],
          message: `no person with the id "${contactId}" is in the archive`,
        });
    }
  }
  for (const [index, doc] of (documents.details ?? []).entries()) {
    const at = ['collections', 'details', 'documents', index];
    if (!people.has(String(doc.contactId)))
      issues.push({
        path: [...at, 'contactId'],
        message: `no person with the id "${String(doc.contactId)}" is in the archive`,
      });
    if (doc.interactionId !== undefined && !interactions.has(String(doc.interactionId)))
      issues.push({
        path: [...at, 'interactionId'],
        message: `no interaction with the id "${String(doc.interactionId)}" is in the archive`,
      });
  }
  return issues;
}

/** Runs the collection's append-only migration strategies from `from` up to `to`. */
async function migrate(strategies: MigrationStrategies, from: number, to: number, document: unknown): Promise<unknown> {
  let doc = document;
  for (let v = from + 1; v <= to && doc !== null; v++) {
    const strategy = (strategies as Record<number, (d: unknown) => unknown>)[v];
    if (strategy) doc = await strategy(doc);
  }
  return doc;
}

/** `['collections','contacts','documents',3,'emails',0]` → `$.collections.contacts.documents[3].emails[0]`. */
export function jsonPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${key}`), '$');
}

/** `backup.json line 12: $.collections.contacts.documents[3].displayName: Name is required`. */
export const describeIssue = (fileName: string, issue: ArchiveIssue) =>
  `${fileName}${issue.line ? ` line ${issue.line}` : ''}: ${jsonPath(issue.path)}: ${issue.message}`;
