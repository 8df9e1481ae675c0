import { STRING_FIELDS } from '../cloudtrail/types';
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
  // (source, name) → [ok, failed]; a number key, as the product of two dictionary sizes stays far
  // below 2^53.
  const calls = new Map<number, [number, number]>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? 0;
    const key = (sources[row] ?? 0) * nameSize + (names[row] ?? 0);
    let c = calls.get(key);
    if (c === undefined) calls.set(key, (c = [0, 0]));
    if ((errors[row] ?? 0) === 0) c[0]++;
    else c[1]++;
  }
  const sourceDict = dictOf(index, 'eventSource');
  const nameDict = dictOf(index, 'eventName');
  const bySource = new Map<string, { eventSource: string; calls: Map<string, { eventName: string; ok: number; failed: number }> }>();
  for (const [key, [ok, failed]] of calls) {
    const eventSource = sourceDict?.get(Math.floor(key / Math.max(1, nameSize))) ?? '';
    const eventName = nameDict?.get(key % Math.max(1, nameSize)) ?? '';
    const s = bySource.get(eventSource.toLowerCase()) ?? { eventSource, calls: new Map() };
    bySource.set(eventSource.toLowerCase(), s);
    const c = s.calls.get(eventName.toLowerCase()) ?? { eventName, ok: 0, failed: 0 };
    s.calls.set(eventName.toLowerCase(), c);
    c.ok += ok;
    c.failed += failed;
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
      .sort((a, b) => b.total.count - a.total.count || a.eventName.localeCompare(b.eventName));
    const total = callUses.reduce((n, c) => n + c.total.count, 0);
    out.push({
      eventSource,
      total: { count: total, q: profileQuery(base, src) },
      failed: callUses.reduce((n, c) => n + c.failed.count, 0),
      calls: callUses,
    });
  }
  return out.sort((a, b) => b.total.count - a.total.count || a.eventSource.localeCompare(b.eventSource));
}
