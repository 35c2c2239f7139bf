import type { StatementSync } from 'node:sqlite';
import {
  getQueryMatcher,
  getSchemaByObjectPath,
  getSortComparator,
  type FilledMangoQuery,
  type PreparedQuery,
  type RxDocumentData,
  type RxJsonSchema,
} from 'rxdb';
import { DATA_VERSION_SQL } from './connection.ts';
import { quoteIdent, type IndexDef } from './index-keys.ts';

/**
 * How the scan order of the chosen index relates to the query's sort:
 * - `exact`: index order (in `direction`) is the query order, so rows can be
 *   streamed and LIMIT/OFFSET pushed down;
 * - `prefix`: index order agrees with the sort on its leading fields only
 *   (typically `date desc` with RxDB's implicit `id asc` tie-breaker). Rows
 *   are streamed until the tie group of the last needed row is complete,
 *   then re-sorted in JS;
 * - `none`: the whole index range is read, filtered and sorted in JS.
 */
export type SortMode = 'exact' | 'prefix' | 'none';

/** What a scan looks like for every query of one shape (same index, bounds kinds, sort, $eq fields). */
export type ScanShape<RxDocType> = {
  readonly index: IndexDef<RxDocType>;
  readonly inclusiveStart: boolean;
  readonly inclusiveEnd: boolean;
  readonly direction: 'ASC' | 'DESC';
  readonly sortMode: SortMode;
  /**
   * For `prefix`: the index string of the leading fields the index orders by, equal within a tie
   * group (a string of the document: compact keys have no fixed-width prefix to cut in SQL).
   */
  readonly tieKey: (doc: RxDocumentData<RxDocType>) => string;
  /** Prepared statements of this shape by {@link ScanVariant}, filled by the instance. */
  readonly statements: Map<number, StatementSync>;
  /** RxDB's comparator for the query's sort (the sort is part of the shape). */
  readonly compare: (a: RxDocumentData<RxDocType>, b: RxDocumentData<RxDocType>) => number;
};

export type ScanPlan<RxDocType> = {
  readonly shape: ScanShape<RxDocType>;
  readonly lower: Uint8Array;
  readonly upper: Uint8Array;
  /** Null when the index range alone satisfies the selector. */
  readonly matcher: ((doc: RxDocumentData<RxDocType>) => boolean) | null;
};

/** Scan plans of one storage instance, by query shape (statements belong to its connection). */
export type ShapeCache = Map<string, ScanShape<any>>;

const MAX_SHAPES = 512;

// RxDB reuses one PreparedQuery per RxQuery, so re-executions skip planning.
const PLAN_CACHE = new WeakMap<object, WeakMap<object, ScanPlan<any>>>();

/**
 * Translates RxDB's query plan into an index range scan. Queries that differ
 * only in their values (another contact, another week) share one shape and
 * its statements; only the bounds (and a matcher when the index does not
 * satisfy the selector) are computed per query.
 * @throws if the plan names an index the table does not have.
 */
export function planScan<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  primaryPath: string,
  indexesByKey: ReadonlyMap<string, IndexDef<RxDocType>>,
  shapes: ShapeCache,
  prepared: PreparedQuery<RxDocType>,
): ScanPlan<RxDocType> {
  let byQuery = PLAN_CACHE.get(shapes);
  if (!byQuery) PLAN_CACHE.set(shapes, (byQuery = new WeakMap()));
  let plan = byQuery.get(prepared) as ScanPlan<RxDocType> | undefined;
  if (plan) return plan;
  const queryPlan = prepared.queryPlan;
  const constant = constantFields(schema, prepared.query.selector as Record<string, unknown>);
  const shapeKey = [
    (queryPlan.index as string[]).join(','),
    queryPlan.inclusiveStart,
    queryPlan.inclusiveEnd,
    queryPlan.sortSatisfiedByIndex,
    JSON.stringify(prepared.query.sort),
    [...constant].join(','),
  ].join('|');
  let shape = shapes.get(shapeKey) as ScanShape<RxDocType> | undefined;
  if (!shape) {
    // Shapes come from the app's code, so there are few; the bound only guards against a generator.
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    shapes.set(shapeKey, (shape = buildShape(schema, primaryPath, indexesByKey, prepared, constant)));
  }
  plan = {
    shape,
    lower: shape.index.lowerBound(queryPlan.startKeys),
    upper: shape.index.upperBound(queryPlan.endKeys),
    matcher: queryPlan.selectorSatisfiedByIndex
      ? null
      : (getQueryMatcher(schema, prepared.query) as (doc: RxDocumentData<RxDocType>) => boolean),
  };
  byQuery.set(prepared, plan);
  return plan;
}

function buildShape<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  primaryPath: string,
  indexesByKey: ReadonlyMap<string, IndexDef<RxDocType>>,
  prepared: PreparedQuery<RxDocType>,
  constant: ReadonlySet<string>,
): ScanShape<RxDocType> {
  const plan = prepared.queryPlan;
  const fields = plan.index as string[];
  const index = indexesByKey.get(fields.join(','));
  if (!index) throw new Error(`SQLite storage: no index column for [${fields.join(', ')}]`);
  return {
    index,
    inclusiveStart: plan.inclusiveStart,
    inclusiveEnd: plan.inclusiveEnd,
    ...analyzeSort(primaryPath, prepared.query, index, plan.sortSatisfiedByIndex, constant),
    statements: new Map(),
    compare: getSortComparator(schema, prepared.query) as ScanShape<RxDocType>['compare'],
  };
}

type SortAnalysis<RxDocType> = Pick<ScanShape<RxDocType>, 'direction' | 'sortMode' | 'tieKey'>;

const NO_TIES = () => '';

function analyzeSort<RxDocType>(
  primaryPath: string,
  query: FilledMangoQuery<RxDocType>,
  indexDef: IndexDef<RxDocType>,
  sortSatisfiedByIndex: boolean,
  constant: ReadonlySet<string>,
): SortAnalysis<RxDocType> {
  const index = indexDef.fields;
  if (sortSatisfiedByIndex) return { direction: 'ASC', sortMode: 'exact', tieKey: NO_TIES };
  let sort = (query.sort as Record<string, 'asc' | 'desc'>[]).map((part) => {
    const [field, dir] = Object.entries(part)[0] as [string, 'asc' | 'desc'];
    return { field, dir };
  });
  // Nothing after the primary key can change the order.
  const pkAt = sort.findIndex((part) => part.field === primaryPath);
  if (pkAt >= 0) sort = sort.slice(0, pkAt + 1);
  const relevantSort = sort.filter((part) => !constant.has(part.field));
  const relevantIndex = index.filter((field) => !constant.has(field));

  const exactDir = uniformPrefixDirection(relevantSort, relevantIndex);
  if (exactDir && relevantSort.some((part) => part.field === primaryPath)) {
    return { direction: exactDir, sortMode: 'exact', tieKey: NO_TIES };
  }
  const leading = relevantSort.at(-1)?.field === primaryPath ? relevantSort.slice(0, -1) : relevantSort;
  const prefixDir = leading.length > 0 ? uniformPrefixDirection(leading, relevantIndex) : null;
  if (prefixDir) {
    const lastField = (leading.at(-1) as { field: string }).field;
    const covered = index.indexOf(lastField) + 1;
    const length = indexDef.prefixLengths[covered] as number;
    return {
      direction: prefixDir,
      sortMode: 'prefix',
      tieKey: (doc) => indexDef.toIndexString(doc).slice(0, length),
    };
  }
  return { direction: 'ASC', sortMode: 'none', tieKey: NO_TIES };
}

/** 'ASC'/'DESC' if `sort` is a prefix of `index` with one direction, else null. */
function uniformPrefixDirection(
  sort: readonly { field: string; dir: 'asc' | 'desc' }[],
  index: readonly string[],
): 'ASC' | 'DESC' | null {
  if (sort.length === 0 || sort.length > index.length) return null;
  const dir = (sort[0] as { dir: 'asc' | 'desc' }).dir;
  for (let i = 0; i < sort.length; i++) {
    const part = sort[i] as { field: string; dir: 'asc' | 'desc' };
    if (part.dir !== dir || part.field !== index[i]) return null;
  }
  return dir === 'asc' ? 'ASC' : 'DESC';
}

/**
 * Fields whose value is identical in every matching document ($eq on a
 * scalar), mirroring RxDB's own "sort irrelevant" rule in getQueryPlan.
 * Their index segment is constant among matches, so they neither help nor
 * hurt the ordering.
 */
function constantFields<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  selector: Record<string, unknown>,
): Set<string> {
  const out = new Set<string>();
  for (const [field, condition] of Object.entries(selector)) {
    if (field.startsWith('$') || !condition || typeof condition !== 'object') continue;
    if (!Object.prototype.hasOwnProperty.call(condition, '$eq')) continue;
    const part = getSchemaByObjectPath(schema, field) as { type?: string; enum?: unknown[] } | undefined;
    if (!part) continue;
    const eqType = typeof (condition as { $eq: unknown }).$eq;
    if (part.type === 'boolean' || part.enum) out.add(field);
    else if (
      (part.type === 'string' || part.type === 'number' || part.type === 'integer') &&
      (eqType === 'string' || eqType === 'number')
    ) {
      out.add(field);
    }
  }
  return out;
}

/** WHERE clause of a range scan; parameters are [lower, upper]. */
export function rangeWhere(column: string, inclusiveStart: boolean, inclusiveEnd: boolean): string {
  const c = quoteIdent(column);
  return `${c} ${inclusiveStart ? '>=' : '>'} ? AND ${c} ${inclusiveEnd ? '<=' : '<'} ?`;
}

/** Bit flags of a scan statement: which columns it selects, whether it takes LIMIT/OFFSET. */
export const ScanVariant = { data: 1, paged: 4, count: 8 } as const;

/**
 * SQL of a range scan returning reader rows (reader.ts): `rowid`, `data`
 * (or NULL without {@link ScanVariant.data}) and the data_version. Without `data` it is a covering-index scan. With
 * `paged`, LIMIT (-1 for none) and OFFSET follow the bounds. `count` selects
 * `count(*)` and the data_version instead.
 */
export function rangeScanSql<RxDocType>(table: string, shape: ScanShape<RxDocType>, variant: number): string {
  const c = quoteIdent(shape.index.column);
  const where = `FROM ${quoteIdent(table)} WHERE ${rangeWhere(shape.index.column, shape.inclusiveStart, shape.inclusiveEnd)}`;
  if (variant & ScanVariant.count) return `SELECT count(*), ${DATA_VERSION_SQL} ${where}`;
  const data = variant & ScanVariant.data ? 'data' : 'NULL';
  return (
    `SELECT rowid, ${data}, ${DATA_VERSION_SQL} ${where} ORDER BY ${c} ${shape.direction}` +
    (variant & ScanVariant.paged ? ' LIMIT ? OFFSET ?' : '')
  );
}
