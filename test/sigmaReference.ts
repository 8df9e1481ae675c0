import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { isObject } from '../src/lib/isObject';
import type { JsonObject } from '../src/lib/isObject';

// A reference Sigma evaluator for the differential test of issue 16, written apart from src/sigma
// and src/detect (it imports none of the app's matching code), and a reader of the real samples
// apart from the app's parsers. It implements only what the shipped SigmaHQ CloudTrail rules use
// and throws on anything else, so a new rule pack cannot pass by being half-read.
// https://sigmahq.io/sigma-specification/specification/sigma-rules-specification.html
// https://sigmahq.io/sigma-specification/specification/sigma-appendix-modifiers.html

const SAMPLES = new URL('./fixtures/samples/', import.meta.url).pathname;
/** The vendored SigmaHQ CloudTrail rules. */
export const RULES = new URL('../rules/sigma/cloudtrail/', import.meta.url).pathname;

/** Every file under `dir`, paths relative to SAMPLES. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [relative(SAMPLES, join(dir, e.name))],
  );
}

/** The events of a file's text: `{"Records":[…]}`, an array, one event, EventBridge, JSON lines. */
export function eventsOf(text: string): JsonObject[] {
  let docs: unknown[];
  try {
    const whole: unknown = JSON.parse(text);
    docs = [whole];
  } catch {
    docs = text.split('\n').flatMap((l): unknown[] => (l.trim() === '' ? [] : [JSON.parse(l)]));
  }
  const out: JsonObject[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v)) {
      if (Array.isArray(v['Records'])) visit(v['Records']);
      else if (isObject(v['detail'])) visit(v['detail']);
      else out.push(v);
    }
  };
  docs.forEach(visit);
  return out;
}

/**
 * Every record of every file under test/fixtures/samples/ (`.json`, `.json.gz`, `.json.cloudtrail`,
 * JSON lines, and the JSON lines inside the otrf `.zip`), re-deliveries included.
 */
export function sampleEvents(): JsonObject[] {
  const out: JsonObject[] = [];
  for (const path of filesUnder(SAMPLES)) {
    const bytes = readFileSync(join(SAMPLES, path));
    if (path.endsWith('.zip'))
      for (const inner of Object.values(unzipSync(bytes)))
        out.push(...eventsOf(new TextDecoder().decode(inner)));
    else if (path.endsWith('.gz')) out.push(...eventsOf(gunzipSync(bytes).toString('utf8')));
    else if (/\.json(\.cloudtrail)?$/.test(path)) out.push(...eventsOf(bytes.toString('utf8')));
  }
  return out;
}

/** A record's text with keys sorted: identical re-deliveries give the same text. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isObject(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** One event's name in the comparison: its eventID, or its text when it has none. */
export function eventKey(record: JsonObject): string {
  const id = record['eventID'];
  return typeof id === 'string' && id !== '' ? id : `record ${canonical(record)}`;
}

/** A compiled rule, selection or field test over one record. */
export type Predicate = (record: JsonObject) => boolean;

const MODIFIERS = new Set(['contains', 'all', 'startswith', 'endswith', 're', 'fieldref']);

/** The values at a dotted path, through any list on the way or at the end; [] when absent. */
export function valuesAt(record: JsonObject, path: string): unknown[] {
  let current: unknown[] = [record];
  for (const key of path.split('.'))
    current = current.flatMap((v) => (isObject(v) && Object.hasOwn(v, key) ? [v[key]] : []));
  return current.flatMap((v): unknown[] => (Array.isArray(v) ? v : [v]));
}

function textOf(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? String(v)
    : undefined;
}

/** A Sigma value as a RegExp: `*` any run, `?` one character, `\*` `\?` `\\` literal; any case. */
function wildcard(value: string, before: string, after: string): RegExp {
  let source = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    const next = value.charAt(i + 1);
    if (c === '\\' && (next === '*' || next === '?' || next === '\\')) {
      source += `\\${next}`;
      i++;
    } else if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${before}${source}${after}$`, 'is');
}

function fieldTest(rule: string, key: string, raw: unknown): Predicate {
  const [field = '', ...mods] = key.split('|');
  for (const m of mods) if (!MODIFIERS.has(m)) throw new Error(`${rule}: modifier ${m}`);
  const values = Array.isArray(raw) ? raw : [raw];
  const one = (value: unknown): Predicate => {
    if (value === null) {
      if (mods.length > 0) throw new Error(`${rule}: null with modifiers in ${key}`);
      return (r) => valuesAt(r, field).every((v) => v === null);
    }
    const text = textOf(value);
    if (text === undefined) throw new Error(`${rule}: value of ${key} is not a scalar`);
    const texts = (r: JsonObject, path: string) =>
      valuesAt(r, path).flatMap((v) => textOf(v) ?? []);
    if (mods.includes('re')) {
      if (mods.length > 1) throw new Error(`${rule}: re with other modifiers in ${key}`);
      const re = new RegExp(text, 's');
      return (r) => texts(r, field).some((t) => re.test(t));
    }
    if (mods.includes('fieldref')) {
      if (mods.length > 1) throw new Error(`${rule}: fieldref with other modifiers in ${key}`);
      return (r) => {
        const others = texts(r, text).map((o) => o.toLowerCase());
        return texts(r, field).some((t) => others.includes(t.toLowerCase()));
      };
    }
    const anchors = mods.filter((m) => m !== 'all');
    if (anchors.length > 1) throw new Error(`${rule}: ${anchors.join('|')} in ${key}`);
    const head = anchors[0] === 'contains' || anchors[0] === 'endswith' ? '.*' : '';
    const tail = anchors[0] === 'contains' || anchors[0] === 'startswith' ? '.*' : '';
    const re = wildcard(text, head, tail);
    return (r) => texts(r, field).some((t) => re.test(t));
  };
  const tests = values.map(one);
  if (mods.includes('all')) {
    if (values.length < 2) throw new Error(`${rule}: all on one value in ${key}`);
    return (r) => tests.every((t) => t(r));
  }
  return (r) => tests.some((t) => t(r));
}

function selectionTest(rule: string, name: string, body: unknown): Predicate {
  const mapTest = (map: unknown): Predicate => {
    if (!isObject(map)) throw new Error(`${rule}: ${name} holds keywords or an odd list`);
    const tests = Object.entries(map).map(([k, v]) => fieldTest(rule, k, v));
    return (r) => tests.every((t) => t(r));
  };
  if (Array.isArray(body)) {
    const maps = body.map(mapTest);
    return (r) => maps.some((t) => t(r));
  }
  return mapTest(body);
}

/** Parses a condition by the specification's precedence: or < and < not < `x of` < ( ). */
function conditionTest(
  rule: string,
  condition: string,
  selections: ReadonlyMap<string, Predicate>,
): Predicate {
  const tokens = condition.match(/\(|\)|[^\s()]+/g) ?? [];
  let at = 0;
  const peek = () => tokens[at]?.toLowerCase();
  const fail = (what: string): never => {
    throw new Error(`${rule}: condition "${condition}": ${what} at token ${at}`);
  };
  const named = (name: string): Predicate => selections.get(name) ?? fail(`no selection ${name}`);
  const or = (): Predicate => {
    const parts = [and()];
    while (peek() === 'or') {
      at++;
      parts.push(and());
    }
    return (r) => parts.some((p) => p(r));
  };
  const and = (): Predicate => {
    const parts = [not()];
    while (peek() === 'and') {
      at++;
      parts.push(not());
    }
    return (r) => parts.every((p) => p(r));
  };
  const not = (): Predicate => {
    if (peek() !== 'not') return primary();
    at++;
    const inner = not();
    return (r) => !inner(r);
  };
  const primary = (): Predicate => {
    const token = tokens[at++] ?? fail('end of condition');
    if (token === '(') {
      const inner = or();
      if (tokens[at++] !== ')') fail('missing )');
      return inner;
    }
    if (token === '1' || token === 'all') {
      if (peek() !== 'of') fail('expected of');
      at++;
      const pattern = tokens[at++] ?? fail('missing pattern');
      const glob = new RegExp(`^${pattern.replace(/[^\w*]/g, '\\$&').replace(/\*/g, '.*')}$`);
      const names = [...selections.keys()].filter((n) =>
        pattern === 'them' ? !n.startsWith('_') : glob.test(n),
      );
      if (names.length === 0) fail(`no selection matches ${pattern}`);
      const parts = names.map(named);
      return token === 'all' ? (r) => parts.every((p) => p(r)) : (r) => parts.some((p) => p(r));
    }
    return named(token);
  };
  const test = or();
  if (at !== tokens.length) fail('trailing tokens');
  return test;
}

/** A shipped rule as the reference reads it, with its detection as written (probes use it). */
export interface ReferenceRule {
  readonly id: string;
  readonly file: string;
  readonly test: Predicate;
  readonly condition: string;
  /** Selection name → its body as YAML gave it (a map, or a list of maps). */
  readonly selections: ReadonlyMap<string, unknown>;
}

/**
 * A shipped rule file as the reference reads it. Semantics, after the specification: a map ANDs its
 * fields, a list of maps ORs them; a list of values ORs them (`all`: ANDs). A value matches a whole
 * field value in any case, `*` any run and `?` one character (`\*` `\?` `\\` literal); `contains`,
 * `startswith`, `endswith` open the ends. `re` searches (unanchored, case-sensitive) with JS RegExp:
 * the shipped patterns are trusted. `fieldref` equals a value of the named field, in any case.
 * `null` holds when the field is absent or null. Numbers and booleans match by their text; an object
 * matches no value. Field names are dotted paths; a list on the way or at the end matches through
 * any element. Conditions: `and`, `or`, `not`, parentheses, `1 of` / `all of` a pattern or `them`.
 * @throws Error naming the file on a modifier, keyword list, value shape or condition it lacks.
 */
export function referenceRule(file: string): ReferenceRule {
  const doc: unknown = parseYaml(readFileSync(join(RULES, file), 'utf8'));
  const id = isObject(doc) ? doc['id'] : undefined;
  const detection = isObject(doc) ? doc['detection'] : undefined;
  if (typeof id !== 'string' || !isObject(detection))
    throw new Error(`${file}: no id or detection`);
  const { condition, timeframe, ...rest } = detection;
  if (typeof condition !== 'string' || timeframe !== undefined)
    throw new Error(`${file}: condition is not one string`);
  const tests = new Map(
    Object.entries(rest).map(([name, body]) => [name, selectionTest(file, name, body)] as const),
  );
  const selections = new Map(Object.entries(rest));
  return { id, file, test: conditionTest(file, condition, tests), condition, selections };
}

/** Every shipped rule (rules/sigma/cloudtrail/*.yml), by file name. @throws as referenceRule. */
export function shippedRules(): ReferenceRule[] {
  return readdirSync(RULES)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map(referenceRule);
}
