import { STRING_FIELDS } from '../cloudtrail/types';
import { firstNonZero } from '../lib/firstNonZero';
import type { EventIndex } from '../index/EventIndex';
import { isAwsServiceName } from './awsServicePrincipal';
import type { Counted } from './identityTypes';
import { canonicalQuery } from './resolveIdentity';
import { printQuery } from '../querylang/printQuery';

/** One identity of the case by its canonical name (userIdentity.arn, else userName). */
export interface TopIdentity {
  readonly identity: string;
  readonly identityType: string;
  readonly events: Counted;
  readonly first: number;
  readonly last: number;
}

/**
 * The identities with most events, by canonical name: userIdentity.arn, else (AWS services, some
 * sign-in events) userName; names that differ only in case are one. AWS service principals (every
 * event of theirs has identityType AWSService, or a userName or sourceIPAddress that is a service
 * name or `AWS Internal`) are left out unless `includeServices`; an identity listed counts all
 * its events. Each count's query is canonicalQuery's.
 * One pass over the columns; reads no record.
 */
export function topIdentities(
  index: EventIndex,
  limit: number,
  includeServices: boolean,
): TopIdentity[] {
  const col = (f: (typeof STRING_FIELDS)[number]) =>
    index.cols[STRING_FIELDS.indexOf(f)]?.data ?? new Uint32Array(0);
  const arns = col('arn');
  const users = col('userName');
  const types = col('identityType');
  const ips = col('sourceIPAddress');
  const typeDict = index.dicts[STRING_FIELDS.indexOf('identityType')];
  const serviceType = typeDict?.find('AWSService') ?? -1;
  const serviceUser = serviceTable(index, 'userName');
  const serviceIp = serviceTable(index, 'sourceIPAddress');
  // Slot: an ARN code, or arnSize + a user name code for events without an ARN (countIdentities'
  // layout), each tallied in typed arrays: no object per event.
  const arnSize = Math.max(1, index.dicts[STRING_FIELDS.indexOf('arn')]?.size ?? 0);
  const slots = arnSize + (index.dicts[STRING_FIELDS.indexOf('userName')]?.size ?? 0) + 1;
  const eventsOf = new Uint32Array(slots);
  const servicesOf = new Uint32Array(slots);
  const firstAt = new Float64Array(slots);
  const lastAt = new Float64Array(slots);
  /** The slot's earliest row, whose identityType and text name it. */
  const firstRow = new Uint32Array(slots);
  const time = index.time.data;
  const sorted = index.sortedRows();
  for (let i = 0; i < sorted.length; i++) {
    const row = sorted[i] ?? 0;
    const arn = arns[row] ?? 0;
    const user = users[row] ?? 0;
    if (arn === 0 && user === 0) continue;
    const ty = types[row] ?? 0;
    const service = ty === serviceType || serviceUser[user] === 1 || serviceIp[ips[row] ?? 0] === 1;
    const k = arn !== 0 ? arn : arnSize + user;
    const at = time[row] ?? 0;
    if (eventsOf[k] === 0) {
      firstAt[k] = at;
      firstRow[k] = row;
    }
    eventsOf[k] = (eventsOf[k] ?? 0) + 1;
    if (service) servicesOf[k] = (servicesOf[k] ?? 0) + 1;
    lastAt[k] = at;
  }
  const merged = new Map<string, TopIdentity>();
  for (let k = 0; k < slots; k++) {
    const t = {
      count: eventsOf[k] ?? 0,
      service: servicesOf[k] ?? 0,
      first: firstAt[k] ?? 0,
      last: lastAt[k] ?? 0,
      row: firstRow[k] ?? 0,
    };
    if (t.count === 0) continue;
    // An identity counts whole (so its count is what its link finds); it is a service principal
    // when every one of its events is a service's.
    if (!includeServices && t.service === t.count) continue;
    const identity = k < arnSize ? index.value('arn', t.row) : index.value('userName', t.row);
    const seen = merged.get(identity.toLowerCase());
    const count = t.count + (seen?.events.count ?? 0);
    merged.set(identity.toLowerCase(), {
      identity: seen?.identity ?? identity,
      identityType: seen?.identityType ?? index.value('identityType', t.row),
      events: { count, q: printQuery(canonicalQuery(seen?.identity ?? identity)) },
      first: Math.min(t.first, seen?.first ?? Infinity),
      last: Math.max(t.last, seen?.last ?? -Infinity),
    });
  }
  return [...merged.values()]
    .sort((a, b) =>
      firstNonZero(b.events.count - a.events.count, a.identity.localeCompare(b.identity)),
    )
    .slice(0, limit);
}

function serviceTable(index: EventIndex, column: 'userName' | 'sourceIPAddress'): Uint8Array {
  const dict = index.dicts[STRING_FIELDS.indexOf(column)];
  const table = new Uint8Array(dict?.size ?? 0);
  dict?.forEach((v, code) => {
    if (code > 0 && (v === '' || isAwsServiceName(v))) table[code] = 1;
  });
  return table;
}
