import type { RecordReader } from '../db/RecordReader';
import type { EventIndex } from '../index/EventIndex';
import { isObject } from '../lib/isObject';

/**
 * The situation report's main tallies computed the plain way, for the bench to compare against:
 * every record of `rows` read back from its stored file (gunzip, JSON.parse) and counted into maps
 * (accounts, Regions, identities, IPs, user agents, error codes, calls). Returns the records read.
 */
export async function plainReportScan(
  index: EventIndex,
  reader: RecordReader,
  rows: Uint32Array,
): Promise<number> {
  const byFile = new Map<number, number[]>();
  for (const row of rows) {
    const fileId = index.fileId.data[row] ?? 0;
    let list = byFile.get(fileId);
    if (list === undefined) byFile.set(fileId, (list = []));
    list.push(index.recordIndex.data[row] ?? 0);
  }
  const tallies = new Map<string, Map<string, number>>();
  const add = (what: string, value: unknown) => {
    const key = typeof value === 'string' ? value : '';
    let m = tallies.get(what);
    if (m === undefined) tallies.set(what, (m = new Map<string, number>()));
    m.set(key, (m.get(key) ?? 0) + 1);
  };
  let read = 0;
  for (const [fileId, recordIndices] of byFile) {
    const records = await reader.records(fileId).catch(() => []);
    for (const i of recordIndices) {
      const r = records[i];
      if (!isObject(r)) continue;
      read++;
      const identity = isObject(r['userIdentity']) ? r['userIdentity'] : {};
      add('account', r['recipientAccountId']);
      add('region', r['awsRegion']);
      add('identity', identity['arn'] ?? identity['userName']);
      add('ip', r['sourceIPAddress']);
      add('ua', r['userAgent']);
      add('error', r['errorCode']);
      add('call', r['eventName']);
    }
  }
  return read;
}
