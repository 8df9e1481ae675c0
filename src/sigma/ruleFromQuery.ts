import { Document, isMap, isScalar } from 'yaml';
import { resolveField } from '../querylang/fields';
import type { FieldSource } from '../querylang/fields';
import { parseCidr, parseIp } from '../querylang/ipAddress';
import type { FieldClause, Query, Span, ValuePattern } from '../querylang/types';

/** What a saved rule says about itself besides its detection. */
export interface RuleMeta {
  /** The Sigma `id`: a UUID (8-4-4-4-12 hex digits). */
  readonly id: string;
  readonly title: string;
  readonly author: string;
  /** `YYYY-MM-DD`, as Sigma's `date` field is written. */
  readonly date: string;
  /** The query as the responder typed it, quoted in the rule's description. */
  readonly queryText: string;
}

/** A query turned into a Sigma rule: its YAML text, and each place it differs from the query. */
export interface RuleFromQuery {
  readonly yaml: string;
  /** One sentence per clause Sigma cannot express exactly, naming the clause (shown as text). */
  readonly notes: readonly string[];
}

/** A clause no Sigma rule can express, with where it is in the query text. */
export class RuleFromQueryError extends Error {
  readonly span: Span | undefined;
  constructor(message: string, span?: Span) {
    super(message);
    this.name = 'RuleFromQueryError';
    this.span = span;
  }
}

/** One `field|modifiers: values` entry of a selection; several values are ORed. */
interface Test {
  readonly key: string;
  readonly values: readonly (string | null | boolean)[];
}

/** A clause as Sigma tests (ORed: one of them must hold), with the note it needs, if any. */
interface Translation {
  readonly tests: readonly Test[];
  readonly note?: string;
}

/**
 * The record path each indexed column holds, for Sigma (field names are dotted record paths).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
const COLUMN_PATHS: Readonly<Record<string, string>> = {
  identityType: 'userIdentity.type',
  accessKeyId: 'userIdentity.accessKeyId',
};

/** Names some planned clauses on detections take; no CloudTrail record has these top-level keys. */

/** The query language's field names (parseQuery.ts): dotted, no empty segment. */
const FIELD_NAME = /^[A-Za-z_$@][A-Za-z0-9_$@-]*(?:\.[A-Za-z0-9_$@-]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Turns a parsed Cairn query (docs/query-language.md) into the text of a Sigma rule for CloudTrail
 * (`logsource: product: aws, service: cloudtrail`, status experimental, level medium), so the query
 * can run in any SIEM that reads Sigma. The rule reads back with readSigmaRule.
 *
 * Mapping, clause by clause (a query ANDs its clauses, so the condition does too):
 * - a field clause on an indexed field tests the record path its column holds (`identityType` →
 *   `userIdentity.type`, `accessKeyId` → `userIdentity.accessKeyId`, the others their own name); a
 *   JSON-path clause tests that dotted path; values ORed in a list, `*` wildcards kept, literal
 *   `*`, `?` and `\` escaped with `\` (Sigma's escapes);
 * - a value of only `*` (present, not empty) is `?*` on a column, `|exists: true` on a path (with a
 *   note: Sigma sees no empty list or null there, and counts an empty text);
 * - `""` on a column is `''` or `null` (Cairn reads an absent column as empty);
 * - an `address/length` value is `|cidr` plus the exact text; in `sourceIPAddress` a bare address
 *   is also `|cidr` of that one host, so its other spellings match as in Cairn;
 * - a negated clause is its own `filter_N`, and the condition says `and not filter_N`;
 * - free text is a `keywords_N` list: Sigma keywords are substrings of values, where Cairn matches
 *   whole words in keys and values (a note, and a YAML comment);
 * - `userName` (which Cairn derives from several identity fields) tests `userIdentity.userName`,
 *   the end of `userIdentity.arn` after `/` and of `principalId` after `:`; `resourceName` and
 *   `resourceType` test the record's own `resources[].ARN` / `resources[].type` (Cairn also
 *   derives resources from the parameters): approximations, each with a note and a YAML comment.
 *
 * Every string scalar is written double-quoted by the `yaml` package, so no value can change the
 * YAML's structure. Throws a RuleFromQueryError, with the clause's span, for clauses no rule can
 * express: `file:`, the annotation fields (`bookmarked`, `tag`, `note`, `is`), `saved:` (expand it
 * first, with expandSaved) and clauses on detections (`rule`, `level`, `attack`); also for an empty
 * query (it matches every event), an `id` that is not a UUID or a `date` not `YYYY-MM-DD`.
 * @see https://sigmahq.io/sigma-specification/specification/sigma-rules-specification.html
 * @see https://sigmahq.io/sigma-specification/appendix/sigma-modifiers-appendix.html
 */
export function ruleFromQuery(query: Query, meta: RuleMeta): RuleFromQuery {
  if (!UUID.test(meta.id)) throw new RuleFromQueryError('a rule id is a UUID');
  if (!DAY.test(meta.date)) throw new RuleFromQueryError('a rule date is written YYYY-MM-DD');
  if (query.clauses.length === 0)
    throw new RuleFromQueryError('an empty query matches every event: add a clause to save');

  const notes: string[] = [];
  const main = new Map<string, Test['values']>();
  const others: { name: string; body: unknown; comment?: string | undefined }[] = [];
  const positive: string[] = [];
  const negative: string[] = [];
  let mainComment: string[] = [];
  let filters = 0;
  let keywords = 0;
  let extra = 1;
  query.clauses.forEach((clause, i) => {
    const label = `clause ${i + 1} (${clause.kind === 'text' ? 'free text' : clause.field})`;
    if (clause.kind === 'text') {
      const name = `keywords_${++keywords}`;
      const note = `${label}: Sigma keywords match anywhere inside a value, while Cairn matches whole words in keys and values, so the rule may find more events${clause.negated ? ' to exclude' : ''}.`;
      notes.push(note);
      others.push({ name, body: [escape(clause.text)], comment: note });
      (clause.negated ? negative : positive).push(name);
      return;
    }
    const t = translate(clause);
    if (t.note !== undefined) notes.push(`${label}: ${t.note}`);
    const comment = t.note === undefined ? undefined : `${label}: ${t.note}`;
    const [only] = t.tests;
    if (clause.negated) {
      const name = `filter_${++filters}`;
      others.push({ name, body: selectionBody(t.tests), comment });
      negative.push(name);
    } else if (t.tests.length === 1 && only !== undefined && !main.has(only.key)) {
      main.set(only.key, only.values);
      if (comment !== undefined) mainComment = [...mainComment, comment];
    } else {
      const name = `selection_${++extra}`;
      others.push({ name, body: selectionBody(t.tests), comment });
      positive.push(name);
    }
  });
  if (main.size > 0) positive.unshift('selection');
  const condition = [...positive, ...negative.map((n) => `not ${n}`)].join(' and ');

  const detection: Record<string, unknown> = {};
  if (main.size > 0) detection['selection'] = Object.fromEntries([...main].map(valuesEntry));
  for (const o of others) detection[o.name] = o.body;
  detection['condition'] = condition;

  const doc = new Document({
    title: meta.title,
    id: meta.id,
    status: 'experimental',
    description: `Saved from the Cairn query "${meta.queryText}"`,
    author: meta.author,
    date: meta.date,
    logsource: { product: 'aws', service: 'cloudtrail' },
    detection,
    falsepositives: ['Unknown'],
    level: 'medium',
  });
  const comments = new Map<string, string>(
    others.flatMap((o) => (o.comment === undefined ? [] : [[o.name, o.comment]])),
  );
  if (mainComment.length > 0) comments.set('selection', mainComment.join('\n'));
  const det = doc.get('detection', true);
  if (isMap(det))
    for (const pair of det.items)
      if (isScalar(pair.key)) {
        const c = comments.get(String(pair.key.value));
        if (c !== undefined) pair.key.commentBefore = ` ${c.replaceAll('\n', '\n ')}`;
      }
  const yaml = doc.toString({
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
  });
  return { yaml, notes };
}

function valuesEntry([key, values]: [string, Test['values']]): [string, unknown] {
  return [key, values.length === 1 ? values[0] : [...values]];
}

/** A map when one test, else a list of one-key maps (Sigma ORs the maps of a list). */
function selectionBody(tests: readonly Test[]): unknown {
  const maps = tests.map((t) => Object.fromEntries([valuesEntry([t.key, t.values])]));
  return maps.length === 1 ? maps[0] : maps;
}

function translate(clause: FieldClause): Translation {
  const { source } = resolveField(clause.field);
  const refuse = (why: string): never => {
    throw new RuleFromQueryError(`${clause.field}: ${why}`, clause.span);
  };
  // Callers may build clauses without the parser: hold every field to the query grammar, so no
  // name can carry a Sigma modifier (`|`) or anything else into a key.
  if (!FIELD_NAME.test(clause.field)) refuse('not a field name of the query language');
  switch (source.kind) {
    case 'file':
      return refuse('the file an event was read from is not in the record, so no rule can test it');
    case 'annotation':
      return refuse(
        'your bookmarks, tags and notes are not in the record, so no rule can test them',
      );
    case 'saved':
      return refuse('expand saved queries before saving a rule');
    case 'detection':
      return refuse('a clause on detections cannot be part of a Sigma rule');
    case 'ipOrigin':
      return refuse('where an IP comes from is not in the record, so no rule can test it');
    case 'column':
      if (source.column === 'userName') return userName(clause.values);
      return {
        tests: valueTests(COLUMN_PATHS[source.column] ?? source.column, clause.values, true),
      };
    case 'eventID':
      return { tests: valueTests('eventID', clause.values, true) };
    case 'resourceName':
    case 'resourceType':
      return resources(source, clause.values);
    case 'path':
      return pathTranslation(clause);
  }
}

function pathTranslation(clause: FieldClause): Translation {
  const tests = valueTests(clause.field, clause.values, false);
  if (!tests.some((t) => t.key.endsWith('|exists'))) return { tests };
  return {
    tests,
    note: 'Sigma\'s "exists" sees no empty list or null at the path, and counts an empty text as present, unlike Cairn\'s "*".',
  };
}

function userName(values: readonly ValuePattern[]): Translation {
  const tests = valueTests('userIdentity.userName', values, true);
  const named = values.filter((v) => !isEmptyValue(v) && !isPresence(v));
  const tails = (sep: string) => named.map((v) => `${sep}${sigmaPattern(v)}`);
  return {
    tests:
      named.length === 0
        ? tests
        : [
            ...tests,
            { key: 'userIdentity.arn|endswith', values: tails('/') },
            { key: 'userIdentity.principalId|endswith', values: tails(':') },
          ],
    note: 'Cairn derives the user name from several identity fields; the rule tests userIdentity.userName and the end of userIdentity.arn and principalId, which is close but not exact (root and service callers differ).',
  };
}

function resources(source: FieldSource, values: readonly ValuePattern[]): Translation {
  const name = source.kind === 'resourceName';
  return {
    tests: valueTests(name ? 'resources.ARN' : 'resources.type', values, false),
    note: `the rule tests the record's own resources[].${name ? 'ARN' : 'type'}; Cairn also derives resources from the request parameters and response, so the rule may find fewer events.`,
  };
}

function isPresence(v: ValuePattern): boolean {
  return v.parts.length > 1 && v.parts.every((p) => p === '');
}

function isEmptyValue(v: ValuePattern): boolean {
  return v.parts.length === 1 && v.parts[0] === '';
}

/**
 * The Sigma tests for a clause's values at `path` (ORed). `column`: the path holds an indexed column,
 * which Cairn reads as '' when absent, so `""` also means absent and `*` means non-empty text.
 */
function valueTests(path: string, values: readonly ValuePattern[], column: boolean): Test[] {
  const plain: (string | null)[] = [];
  const ranges: string[] = [];
  let exists = false;
  const ipField = path === 'sourceIPAddress';
  for (const v of values) {
    const [only] = v.parts;
    if (isPresence(v)) {
      if (column) plain.push('?*');
      else exists = true;
    } else if (v.parts.length === 1 && only !== undefined) {
      plain.push(escape(only));
      if (only === '' && column) plain.push(null);
      if (parseCidr(only) !== undefined) ranges.push(only);
      const ip = ipField ? parseIp(only) : undefined;
      if (ip !== undefined) ranges.push(`${only}/${ip.v === 4 ? 32 : 128}`);
    } else plain.push(sigmaPattern(v));
  }
  const tests: Test[] = [];
  if (plain.length > 0) tests.push({ key: path, values: unique(plain) });
  if (ranges.length > 0) tests.push({ key: `${path}|cidr`, values: unique(ranges) });
  if (exists) tests.push({ key: `${path}|exists`, values: [true] });
  return tests;
}

function unique<T>(xs: readonly T[]): T[] {
  return xs.filter((x, i) => xs.indexOf(x) === i);
}

/** A Cairn value pattern as a Sigma value: literal parts escaped, joined by Sigma's `*`. */
function sigmaPattern(v: ValuePattern): string {
  return v.parts.map(escape).join('*');
}

/** Sigma's escapes: `\` before `*`, `?` and `\` make them literal. */
function escape(text: string): string {
  return text.replace(/[*?\\]/g, (c) => `\\${c}`);
}
