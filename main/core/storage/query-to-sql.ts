import {
  getQueryMatcher,
  getSchemaByObjectPath,
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
  type FilledMangoQuery,
  type PreparedQuery,
  type RxDocumentData,
  type RxJsonSchema,
} from 'rxdb';
import { encodeIndexString, quoteIdent, type IndexDef } from './index-keys.ts';

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

export type ScanPlan<RxDocType> = {
  readonly index: IndexDef<RxDocType>;
  readonly lower: Uint8Array;
  readonly upper: Uint8Array;
  readonly inclusiveStart: boolean;
  readonly inclusiveEnd: boolean;
  readonly direction: 'ASC' | 'DESC';
  readonly sortMode: SortMode;
  /** For `prefix`: bytes of the index BLOB that form the tie key. */
  readonly tieBytes: number;
  /** Null when the index range alone satisfies the selector. */
  readonly matcher: ((doc: RxDocumentData<RxDocType>) => boolean) | null;
};

/**
 * Translates RxDB's query plan into an index range scan.
 * @throws if the plan names an index the table does not have.
 */
// RxDB reuses one PreparedQuery per RxQuery, so re-executions skip planning.
const PLAN_CACHE = new WeakMap<object, WeakMap<object, ScanPlan<any>>>();

export function planScan<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  primaryPath: string,
  indexesByKey: ReadonlyMap<string, IndexDef<RxDocType>>,
  prepared: PreparedQuery<RxDocType>,
): ScanPlan<RxDocType> {
  let byQuery = PLAN_CACHE.get(indexesByKey);
  if (!byQuery) PLAN_CACHE.set(indexesByKey, (byQuery = new WeakMap()));
  let plan = byQuery.get(prepared) as ScanPlan<RxDocType> | undefined;
  if (!plan) byQuery.set(prepared, (plan = buildPlan(schema, primaryPath, indexesByKey, prepared)));
  return plan;
}

function buildPlan<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  primaryPath: string,
  indexesByKey: ReadonlyMap<string, IndexDef<RxDocType>>,
  prepared: PreparedQuery<RxDocType>,
): ScanPlan<RxDocType> {
  const plan = prepared.queryPlan;
  const fields = plan.index as string[];
  const index = indexesByKey.get(fields.join(','));
  if (!index) throw new Error(`SQLite storage: no index column for [${fields.join(', ')}]`);
  const sort = analyzeSort(schema, primaryPath, prepared.query, index, plan.sortSatisfiedByIndex);
  return {
    index,
    lower: encodeIndexString(getStartIndexStringFromLowerBound(schema, fields, plan.startKeys)),
    upper: encodeIndexString(getStartIndexStringFromUpperBound(schema, fields, plan.endKeys)),
    inclusiveStart: plan.inclusiveStart,
    inclusiveEnd: plan.inclusiveEnd,
    ...sort,
    matcher: plan.selectorSatisfiedByIndex
      ? null
      : (getQueryMatcher(schema, prepared.query) as (doc: RxDocumentData<RxDocType>) => boolean),
  };
}

type SortAnalysis = { direction: 'ASC' | 'DESC'; sortMode: SortMode; tieBytes: number };

function analyzeSort<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  primaryPath: string,
  query: FilledMangoQuery<RxDocType>,
  indexDef: IndexDef<RxDocType>,
  sortSatisfiedByIndex: boolean,
): SortAnalysis {
  const index = indexDef.fields;
  if (sortSatisfiedByIndex) return { direction: 'ASC', sortMode: 'exact', tieBytes: 0 };
  const constant = constantFields(schema, query.selector as Record<string, unknown>);
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
    return { direction: exactDir, sortMode: 'exact', tieBytes: 0 };
  }
  const leading = relevantSort.at(-1)?.field === primaryPath ? relevantSort.slice(0, -1) : relevantSort;
  const prefixDir = leading.length > 0 ? uniformPrefixDirection(leading, relevantIndex) : null;
  if (prefixDir) {
    const lastField = (leading.at(-1) as { field: string }).field;
    const covered = index.indexOf(lastField) + 1;
    return { direction: prefixDir, sortMode: 'prefix', tieBytes: 2 * (indexDef.prefixLengths[covered] as number) };
  }
  return { direction: 'ASC', sortMode: 'none', tieBytes: 0 };
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

/**
 * SQL for a range scan returning `rowid` (plus the index BLOB with
 * `withIndexColumn`): a covering-index scan, documents come from the cache
 * or a second fetch by rowid. With `paged`, two extra parameters follow the
 * bounds: LIMIT (use -1 for none) and OFFSET.
 */
export function rangeSelectSql<RxDocType>(
  table: string,
  plan: ScanPlan<RxDocType>,
  opts: { withIndexColumn: boolean; paged: boolean },
): string {
  const c = quoteIdent(plan.index.column);
  const cols = opts.withIndexColumn ? `rowid, ${c}` : 'rowid';
  return (
    `SELECT ${cols} FROM ${quoteIdent(table)} WHERE ${rangeWhere(plan.index.column, plan.inclusiveStart, plan.inclusiveEnd)}` +
    ` ORDER BY ${c} ${plan.direction}` +
    (opts.paged ? ' LIMIT ? OFFSET ?' : '')
  );
}

export function rangeCountSql<RxDocType>(table: string, plan: ScanPlan<RxDocType>): string {
  return `SELECT count(*) AS n FROM ${quoteIdent(table)} WHERE ${rangeWhere(plan.index.column, plan.inclusiveStart, plan.inclusiveEnd)}`;
}
