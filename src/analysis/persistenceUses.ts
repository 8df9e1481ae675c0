import { STRING_FIELDS } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
import type { Query } from '../querylang/types';
import type { PersistenceUse, ProfileEvent } from './identityTypes';
import { PERSISTENCE_CALLS } from './persistenceCalls';
import { profileQuery } from './profileQuery';

/** Events listed per call; the count and its link cover them all. */
const LISTED = 50;

/**
 * The identity's persistence calls (PERSISTENCE_CALLS), each with its events in time order (the
 * first 50), its count and failures. A call is matched by eventSource and eventName without case,
 * as its query matches. One pass over `rows` through a table of eventName codes.
 */
export function persistenceUses(
  index: EventIndex,
  rows: Uint32Array,
  base: Query,
): PersistenceUse[] {
  const nameDict = index.dicts[STRING_FIELDS.indexOf('eventName')];
  const wanted = new Map(PERSISTENCE_CALLS.map((c) => [c.eventName.toLowerCase(), c]));
  const table = new Int32Array(nameDict?.size ?? 0).fill(-1);
  const calls = [...wanted.values()];
  nameDict?.forEach((v, code) => {
    const c = wanted.get(v.toLowerCase());
    if (c !== undefined) table[code] = calls.indexOf(c);
  });
  const names = index.cols[STRING_FIELDS.indexOf('eventName')]?.data ?? new Uint32Array(0);
  const found = new Map<number, { events: ProfileEvent[]; total: number; failed: number }>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? 0;
    const at = table[names[row] ?? 0] ?? -1;
    if (at < 0) continue;
    const call = calls[at];
    if (call === undefined || index.value('eventSource', row).toLowerCase() !== call.eventSource)
      continue;
    let f = found.get(at);
    if (f === undefined) found.set(at, (f = { events: [], total: 0, failed: 0 }));
    const errorCode = index.value('errorCode', row);
    f.total++;
    if (errorCode !== '') f.failed++;
    if (f.events.length < LISTED)
      f.events.push({
        row,
        eventID: index.eventId(row),
        time: index.time.data[row] ?? 0,
        errorCode,
      });
  }
  return [...found.entries()]
    .map(([at, f]) => {
      const { eventSource, eventName } = calls[at] ?? { eventSource: '', eventName: '' };
      const q = profileQuery(
        base,
        { field: 'eventSource', value: eventSource },
        { field: 'eventName', value: eventName },
      );
      return {
        eventSource,
        eventName,
        total: { count: f.total, q },
        failed: f.failed,
        events: f.events,
      };
    })
    .sort((a, b) => (a.events[0]?.time ?? 0) - (b.events[0]?.time ?? 0));
}
