import { STRING_FIELDS } from '../cloudtrail/types';
import type { EventIndex } from '../index/EventIndex';

/**
 * index.issuedKeys as typed arrays, for passes that ask per profile "which keys did these rows
 * issue, and who issued the keys these rows signed with?" without walking a Map of strings (a
 * million events hold hundreds of thousands of session keys). Entry `i` is one issued key:
 * - `issuers[i]`: the row of the event that issued it (AssumeRole…, GetSessionToken…);
 * - `codes[i]`: its accessKeyId dictionary code, 0 when no event signed with it;
 * - `firstUse[i]`: the first row (storage order) signed with it, -1 for none.
 *
 * `issuerOf[code]` is the issuing row of accessKeyId code `code`, -1 for a key the case holds no
 * issuing event of.
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
export interface IssuedKeyRows {
  readonly issuers: Uint32Array;
  readonly codes: Uint32Array;
  readonly firstUse: Int32Array;
  readonly issuerOf: Int32Array;
}

const KEY = STRING_FIELDS.indexOf('accessKeyId');
const built = new WeakMap<EventIndex, { generation: number; rows: IssuedKeyRows }>();

/**
 * The IssuedKeyRows of `index`, built on first use after a change to its rows (index.generation):
 * a lookup per issued key and one pass over the accessKeyId column, then reused by every profile.
 */
export function issuedKeyRows(index: EventIndex): IssuedKeyRows {
  const cached = built.get(index);
  if (cached?.generation === index.generation) return cached.rows;
  const dict = index.dicts[KEY];
  const column = index.cols[KEY]?.data ?? new Uint32Array(0);
  const n = index.issuedKeys.size;
  const issuers = new Uint32Array(n);
  const codes = new Uint32Array(n);
  const issuerOf = new Int32Array(dict?.size ?? 0).fill(-1);
  let i = 0;
  for (const [key, row] of index.issuedKeys) {
    const code = Math.max(0, dict?.find(key) ?? 0);
    issuers[i] = row;
    codes[i] = code;
    if (code > 0) issuerOf[code] = row;
    i++;
  }
  // The first row signed with each issued key: one pass, marking codes as they are met.
  const firstOfCode = new Int32Array(dict?.size ?? 0).fill(-1);
  for (let row = 0; row < index.size; row++) {
    const code = column[row] ?? 0;
    if ((issuerOf[code] ?? -1) >= 0 && firstOfCode[code] === -1) firstOfCode[code] = row;
  }
  const firstUse = Int32Array.from(codes, (code) => (code === 0 ? -1 : (firstOfCode[code] ?? -1)));
  const rows = { issuers, codes, firstUse, issuerOf };
  built.set(index, { generation: index.generation, rows });
  return rows;
}
