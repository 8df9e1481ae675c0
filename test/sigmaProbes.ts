import { isObject } from '../src/lib/isObject';
import type { JsonObject } from '../src/lib/isObject';
import type { ReferenceRule } from './sigmaReference';

// Records built from the shipped rules themselves, so that every rule has events it matches and
// events it barely misses: the samples fire only some of the rules, and the differential test needs
// both evaluators to meet each rule's selections, filters, modifiers and nulls.

/** A field set to a value, or (undefined) removed: what one selection map asks of a record. */
type Assignment = readonly [path: string, value: unknown];

/** A record with nothing any shipped rule looks for. */
function base(id: string, second: number): JsonObject {
  return {
    eventVersion: '1.08',
    userIdentity: {
      type: 'IAMUser',
      principalId: 'AIDAPROBE',
      arn: 'arn:aws:iam::111122223333:user/probe',
      accountId: '111122223333',
      userName: 'probe',
    },
    eventTime: new Date(Date.UTC(2024, 4, 1) + second * 1000).toISOString().replace('.000', ''),
    eventSource: 'probe.amazonaws.com',
    eventName: 'Probe',
    awsRegion: 'us-east-1',
    sourceIPAddress: '198.51.100.7',
    userAgent: 'probe-agent',
    requestParameters: null,
    responseElements: null,
    requestID: `request-${id}`,
    eventID: id,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: '111122223333',
    eventCategory: 'Management',
  };
}

/** Every letter's case swapped: Sigma values match in any case. */
function swapCase(s: string): string {
  return s.replace(/[a-z]+|[A-Z]+/g, (run) =>
    run === run.toLowerCase() ? run.toUpperCase() : run.toLowerCase(),
  );
}

/** A text a Sigma value matches under `mods`; undefined when none is easy to make (a hard `re`). */
function example(value: unknown, mods: readonly string[]): string | undefined {
  const text = String(value);
  if (mods.includes('re')) {
    const simple = text
      .replace(/^\^|\$$/g, '')
      .replace(/\.\+/g, 'x')
      .replace(/\.\*/g, '');
    return /[\\^$.*+?()[\]{}|]/.test(simple) ? undefined : simple;
  }
  const literal = swapCase(
    text.replace(/\\([*?\\])|\*|\?/g, (m, escaped?: string) => escaped ?? (m === '*' ? 'Xy' : 'q')),
  );
  if (mods.includes('contains')) return `a ${literal} z`;
  if (mods.includes('startswith')) return `${literal} z`;
  if (mods.includes('endswith')) return `a ${literal}`;
  return literal;
}

/** What map `map` of a selection asks, taking the `k`-th value of each list of values. */
function assignments(map: unknown, k: number): Assignment[] {
  if (!isObject(map)) return [];
  return Object.entries(map).flatMap(([key, raw]): Assignment[] => {
    const [field = '', ...mods] = key.split('|');
    const values: unknown[] = Array.isArray(raw) ? raw : [raw];
    if (mods.includes('fieldref'))
      return [
        [field, 'Probe-Ref'],
        [String(values[0]), 'probe-ref'],
      ];
    if (mods.includes('all')) return [[field, values.map((v) => example(v, mods)).join(' ')]];
    const value = values[k % values.length];
    if (value === null) return [[field, undefined]];
    const text = example(value, mods);
    return text === undefined ? [] : [[field, text]];
  });
}

function mapsOf(body: unknown): unknown[] {
  return Array.isArray(body) ? body : [body];
}

/** Fields every record Cairn indexes has as text: never put in a list. */
const REQUIRED = new Set(['eventTime', 'eventSource', 'eventName']);

function setPath(record: JsonObject, path: string, value: unknown, inList: boolean): JsonObject {
  const [key = '', ...rest] = path.split('.');
  const out = Object.entries(record).filter(([k]) => k !== key);
  if (rest.length > 0) {
    const inner = record[key];
    out.push([key, setPath(isObject(inner) ? inner : {}, rest.join('.'), value, inList)]);
  } else if (value !== undefined)
    out.push([key, inList && !REQUIRED.has(path) ? ['something else', value] : value]);
  return Object.fromEntries(out);
}

/** Selection names a `not` in the condition applies to (`not x`, `not 1 of x*`). */
function negated(rule: ReferenceRule): string[] {
  const patterns = [...rule.condition.matchAll(/not\s+(?:(?:1|all)\s+of\s+)?([\w*]+)/g)].map(
    (m) => new RegExp(`^${(m[1] ?? '').replace(/\*/g, '.*')}$`),
  );
  return [...rule.selections.keys()].filter((n) => patterns.some((p) => p.test(n)));
}

/**
 * Probe records for each rule: each selection map alone; every selection the condition does not
 * negate merged (in file order and reversed, so the last of two conflicting maps differs), alone
 * and with each negated one; with each list of values taken in turn; and each of those with its
 * first field set to `Probe-Miss`. Each comes plain and with
 * every value it sets inside a list (but eventSource and eventName, which every record has as
 * text). eventIDs are `probe-<rule>-<n>`, times one second apart.
 */
export function probeRecords(rules: readonly ReferenceRule[]): JsonObject[] {
  const out: JsonObject[] = [];
  rules.forEach((rule, r) => {
    const names = [...rule.selections.keys()];
    const no = negated(rule);
    const maps = (name: string) => mapsOf(rule.selections.get(name));
    const widest = Math.max(
      ...names.flatMap((n) =>
        maps(n).map((m) =>
          Math.max(
            maps(n).length,
            ...Object.values(isObject(m) ? m : {}).map((v) => (Array.isArray(v) ? v.length : 1)),
          ),
        ),
      ),
    );
    const sets: Assignment[][] = names.flatMap((n) => maps(n).map((m) => assignments(m, 0)));
    for (let k = 0; k < Math.min(widest, 8); k++) {
      const pick = (n: string) => assignments(maps(n)[k % maps(n).length], k);
      const positive = names.filter((n) => !no.includes(n));
      for (const order of [positive, [...positive].reverse()]) {
        const merged = order.flatMap(pick);
        sets.push(merged, ...no.map((n) => [...merged, ...pick(n)]));
      }
    }
    // Near misses: each set with its first field given a text no shipped value matches whole.
    const misses = sets.map((set) =>
      set.map(([path, value], i): Assignment => [path, i === 0 ? 'Probe-Miss' : value]),
    );
    let n = 0;
    for (const set of [...sets, ...misses])
      for (const inList of [false, true]) {
        const id = `probe-${r}-${n}`;
        out.push(
          set.reduce((rec, [path, value]) => setPath(rec, path, value, inList), base(id, n)),
        );
        n++;
      }
  });
  return out;
}
