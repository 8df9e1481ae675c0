import { STRING_FIELDS } from '../cloudtrail/types';
import { firstNonZero } from '../lib/firstNonZero';
import type { EventIndex } from '../index/EventIndex';
import type { Query } from '../querylang/types';
import type { CallUse, ServiceUse } from './identityTypes';
import { profileQuery } from './profileQuery';

const col = (index: EventIndex, name: (typeof STRING_FIELDS)[number]) =>
  index.cols[STRING_FIELDS.indexOf(name)]?.data ?? new Uint32Array(0);
const dictOf = (index: EventIndex, name: (typeof STRING_FIELDS)[number]) =>
  index.dicts[STRING_FIELDS.indexOf(name)];

/**
 * The identity's calls grouped by service (eventSource), each eventName split by outcome: success
 * has no errorCode, failure has one. One pass over `rows`; a call is keyed by its (eventSource,
 * eventName) codes, folded without case afterwards (as queries match). Services and calls most
 * events first; each count carries its query (`base` AND eventSource AND eventName, and
 * `-errorCode:*` / `errorCode:*` for the split).
 */
export function serviceUses(index: EventIndex, rows: Uint32Array, base: Query): ServiceUse[] {
  const sources = col(index, 'eventSource');
  const names = col(index, 'eventName');
  const errors = col(index, 'errorCode');
  const nameSize = dictOf(index, 'eventName')?.size ?? 0;
  // Per eventName code, the first eventSource seen with it and that pair's counts, in typed
  // arrays: an eventName almost always belongs to one service. A pair with another source (the
  // same name in two services) goes to a Map keyed by source × name codes, far below 2^53.
  const firstSource = new Int32Array(nameSize).fill(-1);
  const ok = new Uint32Array(nameSize);
  const failed = new Uint32Array(nameSize);
  const others = new Map<number, [number, number]>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? 0;
    const name = names[row] ?? 0;
    const source = sources[row] ?? 0;
    const bad = (errors[row] ?? 0) !== 0;
    const first = firstSource[name] ?? -1;
    if (first < 0) firstSource[name] = source;
    if (first < 0 || first === source) {
      if (bad) failed[name] = (failed[name] ?? 0) + 1;
      else ok[name] = (ok[name] ?? 0) + 1;
      continue;
    }
    const key = source * nameSize + name;
    let c = others.get(key);
    if (c === undefined) others.set(key, (c = [0, 0]));
    c[bad ? 1 : 0]++;
  }
  const calls = new Map(others);
  for (let name = 0; name < nameSize; name++) {
    const source = firstSource[name] ?? -1;
    if (source >= 0) calls.set(source * nameSize + name, [ok[name] ?? 0, failed[name] ?? 0]);
  }
  const sourceDict = dictOf(index, 'eventSource');
  const nameDict = dictOf(index, 'eventName');
  const bySource = new Map<string, { eventSource: string; calls: Map<string, Tally> }>();
  for (const [key, [okCount, failedCount]] of calls) {
    const eventSource = sourceDict?.get(Math.floor(key / Math.max(1, nameSize))) ?? '';
    const eventName = nameDict?.get(key % Math.max(1, nameSize)) ?? '';
    const s = bySource.get(eventSource.toLowerCase()) ?? {
      eventSource,
      calls: new Map<string, Tally>(),
    };
    bySource.set(eventSource.toLowerCase(), s);
    const c: Tally = s.calls.get(eventName.toLowerCase()) ?? { eventName, ok: 0, failed: 0 };
    s.calls.set(eventName.toLowerCase(), c);
    c.ok += okCount;
    c.failed += failedCount;
  }
  const out: ServiceUse[] = [];
  for (const { eventSource, calls: list } of bySource.values()) {
    const src = { field: 'eventSource', value: eventSource };
    const callUses: CallUse[] = [...list.values()]
      .map(({ eventName, ok, failed }) => {
        const name = { field: 'eventName', value: eventName };
        return {
          eventName,
          total: { count: ok + failed, q: profileQuery(base, src, name) },
          ok: { count: ok, q: profileQuery(base, src, name, { field: 'errorCode', any: false }) },
          failed: {
            count: failed,
            q: profileQuery(base, src, name, { field: 'errorCode', any: true }),
          },
        };
      })
      .sort((a, b) =>
        firstNonZero(b.total.count - a.total.count, a.eventName.localeCompare(b.eventName)),
      );
    const total = callUses.reduce((n, c) => n + c.total.count, 0);
    out.push({
      eventSource,
      total: { count: total, q: profileQuery(base, src) },
      failed: callUses.reduce((n, c) => n + c.failed.count, 0),
      calls: callUses,
    });
  }
  return out.sort((a, b) =>
    firstNonZero(b.total.count - a.total.count, a.eventSource.localeCompare(b.eventSource)),
  );
}

/** One call's outcomes while they are counted. */
interface Tally {
  readonly eventName: string;
  ok: number;
  failed: number;
}
