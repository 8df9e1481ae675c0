import { resolveField } from '../querylang/fields';
import type { FieldSource } from '../querylang/fields';
import { parseCidr } from '../querylang/ipAddress';
import { compilePatterns, exactValues } from '../querylang/matchPattern';
import { caseFold } from './caseFold';
import type { Clause, FieldClause, Query } from '../querylang/types';
import { STRING_FIELDS } from '../cloudtrail/types';
import type { Annotation } from '../index/Annotation';
import { annotationRowTest } from './annotationRowTest';
import { detectionRowTest } from './detectionRowTest';
import type { RuleHits } from '../index/RuleHits';
import type { Dictionary } from '../index/Dictionary';
import type { EventIndex } from '../index/EventIndex';
import type { FileCatalog } from '../index/FileCatalog';
import { fileRowTest } from './fileRowTest';
import type { IpOriginTable } from '../iporigin/IpOriginTable';
import { recordHasText, textMatcher, valuesAtPath } from './recordValues';
import { mayContainAll, wordHashes } from '../index/tokenBloom';

/**
 * A test of one row against a clause the index answers. A clause on one dictionary-coded column also
 * carries its `column` form (a 0/1 table per code, and 1 to flip it when negated), which selectRows
 * runs column at a time over the whole array: sequential reads, no call per row.
 */
export type RowTest = ((row: number) => boolean) & {
  readonly column?: {
    readonly table: Uint8Array;
    readonly codes: Uint16Array | Uint32Array;
    readonly flip: 0 | 1;
  };
};

/**
 * A query compiled against the current index. Clauses on indexed fields become row tests over typed
 * arrays: each pattern is evaluated once per distinct value (dictionary code), not once per row.
 * Clauses on other JSON paths and free text need the stored record.
 */
export interface CompiledFilter {
  readonly rowTests: readonly RowTest[];
  /** Undefined when every clause is answered by the index. */
  readonly recordTest: ((record: unknown) => boolean) | undefined;
  /**
   * False when a file's word filter proves it holds no match, so its records need not be read.
   * Undefined when no clause gives words to check.
   */
  readonly fileTest: ((bloom: Uint32Array) => boolean) | undefined;
}

/**
 * Compiles `query` for `index`. The row tests read the index's arrays as they are now: use them
 * before the index grows again (the worker runs a scan without yielding). `files` resolves `file:`
 * clauses; without it they match no file. `annotations` (row → annotation, asked for only when a
 * clause needs it) answers `bookmarked:`, `tag:`, `note:` and `is:` clauses; without it no event
 * is annotated. `hits` answers `rule:`, `level:` and `attack:`; without it no event has a hit.
 * `origins` answers `sourceIPAddress.country:`, `.asn:` and `.org:` through the sourceIPAddress
 * column's codes (one test per distinct address); without it every address is `unknown`.
 */
export function compileFilter(
  index: EventIndex,
  query: Query,
  files?: FileCatalog,
  annotations?: () => ReadonlyMap<number, Annotation>,
  hits?: RuleHits,
  origins?: IpOriginTable,
): CompiledFilter {
  const rowTests: RowTest[] = [];
  const recordTests: ((record: unknown) => boolean)[] = [];
  const wordSets: (readonly (readonly number[])[])[] = [];
  for (const clause of query.clauses) {
    const source = clause.kind === 'field' ? resolveField(clause.field).source : undefined;
    if (clause.kind === 'field' && source !== undefined && source.kind !== 'path') {
      rowTests.push(
        // The Searcher expands `saved:` first (expandSaved); one left here names no saved query.
        source.kind === 'saved'
          ? () => false
          : source.kind === 'file'
            ? fileRowTest(index, clause, files)
            : source.kind === 'annotation'
              ? annotationRowTest(clause, source.field, annotations?.())
              : source.kind === 'detection'
                ? detectionRowTest(clause, source.field, hits, index.size)
                : rowTest(index, clause, source, origins),
      );
    } else {
      recordTests.push(recordTest(clause, source));
      const words = clauseWords(clause);
      if (words !== undefined) wordSets.push(words);
    }
  }
  return {
    rowTests,
    recordTest:
      recordTests.length === 0 ? undefined : (record) => recordTests.every((t) => t(record)),
    fileTest:
      wordSets.length === 0
        ? undefined
        : (bloom) => wordSets.every((any) => any.some((words) => mayContainAll(bloom, words))),
  };
}

/**
 * The part of `query` that needs the stored record (JSON paths and free text), as one test; undefined
 * when the index answers every clause. Needs no index: parse workers run it on files they inflate.
 */
export function compileRecordTest(query: Query): ((record: unknown) => boolean) | undefined {
  const tests: ((record: unknown) => boolean)[] = [];
  for (const clause of query.clauses) {
    const source = clause.kind === 'field' ? resolveField(clause.field).source : undefined;
    if (clause.kind === 'text' || source?.kind === 'path') tests.push(recordTest(clause, source));
  }
  return tests.length === 0 ? undefined : (record) => tests.every((t) => t(record));
}

function rowTest(
  index: EventIndex,
  clause: FieldClause,
  source: FieldSource,
  origins: IpOriginTable | undefined,
): RowTest {
  const match = compilePatterns(clause.values, clause.field);
  const want = clause.negated ? 0 : 1;
  switch (source.kind) {
    case 'column':
    case 'ipOrigin': {
      const f = STRING_FIELDS.indexOf(source.kind === 'column' ? source.column : 'sourceIPAddress');
      const table =
        source.kind === 'column'
          ? matchTable(index.dicts[f], match, exactOf(clause))
          : originTable(index.dicts[f], match, source.field, origins);
      const codes = index.cols[f]?.data ?? new Uint32Array(0);
      const test = (row: number) => table[codes[row] ?? 0] === want;
      return Object.assign(test, { column: { table, codes, flip: want === 1 ? 0 : 1 } as const });
    }
    case 'resourceType':
    case 'resourceName': {
      const isType = source.kind === 'resourceType';
      const table = matchTable(
        isType ? index.resTypeDict : index.resNameDict,
        match,
        exactOf(clause),
      );
      const codes = (isType ? index.resType : index.resName).data;
      const offsets = index.resOffsets.data;
      return (row) => {
        let any = 0;
        for (let r = offsets[row] ?? 0; r < (offsets[row + 1] ?? 0) && any === 0; r++) {
          any = table[codes[r] ?? 0] ?? 0;
        }
        return any === want;
      };
    }
    default: {
      // Exact IDs go through the eventID hash table; only wildcards unpack every row's ID.
      if (clause.values.every((v) => v.parts.length === 1)) {
        const rows = new Set<number>();
        for (const v of clause.values) {
          const id = v.parts[0] ?? '';
          for (const r of index.rowsWithEventId(id)) rows.add(r);
          if (id !== id.toLowerCase())
            for (const r of index.rowsWithEventId(id.toLowerCase())) rows.add(r);
        }
        return (row) => rows.has(row) !== clause.negated;
      }
      return (row) => (match(index.eventId(row)) ? 1 : 0) === want;
    }
  }
}

function exactOf(clause: FieldClause) {
  const values = exactValues(clause.values, clause.field);
  return values === undefined ? undefined : { values, field: resolveField(clause.field).name };
}

// One test per distinct address: its origin's value (originValue) against the clause's patterns.
function originTable(
  dict: Dictionary | undefined,
  match: (value: string) => boolean,
  field: 'country' | 'asn' | 'org',
  origins: IpOriginTable | undefined,
): Uint8Array {
  const table = new Uint8Array(dict?.size ?? 0);
  if (dict !== undefined) origins?.update(dict);
  const memo = new Map<string, number>();
  for (let code = 0; code < table.length; code++) {
    const value = origins?.value(code, field) ?? 'unknown';
    let hit = memo.get(value);
    if (hit === undefined) memo.set(value, (hit = match(value) ? 1 : 0));
    table[code] = hit;
  }
  return table;
}

/**
 * A byte per code of `dict`: 1 where the value matches. Exact values (`exact`, see exactValues)
 * are looked up in the dictionary's CaseFold, then marked by one pass over its codes, no value
 * decoded; any other pattern is tested against every value.
 */
function matchTable(
  dict: Dictionary | undefined,
  match: (value: string) => boolean,
  exact?: { readonly values: readonly string[]; readonly field: string },
): Uint8Array {
  const table = new Uint8Array(dict?.size ?? 0);
  if (dict !== undefined && exact !== undefined) {
    const { fold, find } = caseFold(dict, exact.field);
    const wanted = new Uint8Array(fold.length);
    let any = false;
    for (const v of exact.values) {
      if (v === '') table[0] = 1;
      const first = find(v);
      if (first > 0) {
        wanted[first] = 1;
        any = true;
      }
    }
    if (any) for (let c = 1; c < fold.length; c++) table[c] = wanted[fold[c] ?? 0] ?? 0;
    return table;
  }
  dict?.forEach((value, code) => {
    table[code] = match(value) ? 1 : 0;
  });
  return table;
}

function recordTest(clause: Clause, source: FieldSource | undefined): (record: unknown) => boolean {
  if (clause.kind === 'text') {
    const matches = textMatcher(clause.text, clause.anyBefore === true, clause.anyAfter === true);
    return (record) => recordHasText(record, matches) !== clause.negated;
  }
  const match = compilePatterns(clause.values, clause.field);
  const path = source?.kind === 'path' ? source.path : clause.field.split('.');
  return (record) => valuesAtPath(record, path).some(match) !== clause.negated;
}

/**
 * The words a matching record must contain, as alternatives (one per OR-ed value), or undefined when
 * the clause cannot be checked that way: negated clauses (absence proves nothing), CIDR ranges, and
 * values with no whole word.
 */
function clauseWords(clause: Clause): (readonly number[])[] | undefined {
  if (clause.negated) return undefined;
  if (clause.kind === 'text') {
    const words = wordHashes(clause.text, clause.anyBefore === true, clause.anyAfter === true);
    return words.length === 0 ? undefined : [words];
  }
  const out: number[][] = [];
  for (const { parts } of clause.values) {
    if (parts.length === 1 && parseCidr(parts[0] ?? '') !== undefined) return undefined;
    const last = parts.length - 1;
    const words = parts.flatMap((part, j) => wordHashes(part, j > 0, j < last));
    if (words.length === 0) return undefined;
    out.push(words);
  }
  return out;
}
