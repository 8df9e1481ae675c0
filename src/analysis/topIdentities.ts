import { STRING_FIELDS } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';
import { isAwsServiceName } from './awsServicePrincipal';
import { largestFirst } from '../lib/largestFirst';
import { CanonicalKeys } from './identityCounts';
import { codeMarks } from '../search/codeMarks';
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
 * One pass over the columns in row order; reads no record; names only the identities kept.
 */
export function topIdentities(
  index: EventIndex,
  limit: number,
  includeServices: boolean,
): TopIdentity[] {
  const col = (f: (typeof STRING_FIELDS)[number]) =>
    index.cols[STRING_FIELDS.indexOf(f)]?.data ?? new Uint32Array(0);
  const users = col('userName');
  const types = col('identityType');
  const ips = col('sourceIPAddress');
  const typeDict = index.dicts[STRING_FIELDS.indexOf('identityType')];
  const serviceType = typeDict?.find('AWSService') ?? -1;
  const serviceUser = serviceTable(index, 'userName');
  const serviceIp = serviceTable(index, 'sourceIPAddress');
  // Slot: a canonical identity, ignoring case (CanonicalKeys), tallied in typed arrays.
  const keys = new CanonicalKeys(index);
  const slots = keys.size;
  const eventsOf = new Uint32Array(slots);
  const servicesOf = new Uint32Array(slots);
  const firstAt = new Float64Array(slots).fill(Infinity);
  const lastAt = new Float64Array(slots).fill(-Infinity);
  /** The slot's earliest row (time, then row), whose identityType and text name it. */
  const firstRow = new Uint32Array(slots);
  const time = index.time.data;
  // In row order, not time order: columns are read front to back.
  for (let row = 0; row < index.size; row++) {
    const k = keys.key(row);
    if (k === 0) continue;
    const ty = types[row] ?? 0;
    const service =
      ty === serviceType || serviceUser[users[row] ?? 0] === 1 || serviceIp[ips[row] ?? 0] === 1;
    const at = time[row] ?? 0;
    if (at < (firstAt[k] ?? 0)) {
      firstAt[k] = at;
      firstRow[k] = row;
    }
    if (at > (lastAt[k] ?? 0)) lastAt[k] = at;
    eventsOf[k] = (eventsOf[k] ?? 0) + 1;
    if (service) servicesOf[k] = (servicesOf[k] ?? 0) + 1;
  }
  const found: number[] = [];
  for (let k = 0; k < slots; k++) {
    const count = eventsOf[k] ?? 0;
    // An identity counts whole (so its count is what its link finds); it is a service principal
    // when every one of its events is a service's.
    if (count > 0 && (includeServices || servicesOf[k] !== count)) found.push(k);
  }
  const name = (k: number) =>
    keys.isArn(k)
      ? index.value('arn', firstRow[k] ?? 0)
      : index.value('userName', firstRow[k] ?? 0);
  const kept = largestFirst(
    found,
    limit,
    (k) => eventsOf[k] ?? 0,
    (a, b) => name(a).localeCompare(name(b)),
  );
  return kept.map((k) => {
    const identity = name(k);
    return {
      identity,
      identityType: index.value('identityType', firstRow[k] ?? 0),
      events: { count: eventsOf[k] ?? 0, q: printQuery(canonicalQuery(identity, keys.isArn(k))) },
      first: firstAt[k] ?? 0,
      last: lastAt[k] ?? 0,
    };
  });
}

function serviceTable(index: EventIndex, column: 'userName' | 'sourceIPAddress'): Uint8Array {
  const dict = index.dicts[STRING_FIELDS.indexOf(column)];
  return dict === undefined ? new Uint8Array(0) : codeMarks(dict, 'awsService', isAwsServiceName);
}
