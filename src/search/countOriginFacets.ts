import { INDEXED_FIELDS, IP_ORIGIN_FIELDS } from '../querylang/fields';
import type { EventIndex } from '../index/EventIndex';
import type { IpOriginTable } from '../iporigin/IpOriginTable';
import { countCodes, fieldCodes } from './fieldCodes';
import type { Facet, FacetValue } from './types';

const SOURCE_IP = INDEXED_FIELDS.find((f) => f.name === 'sourceIPAddress');

/**
 * The top `limit` countries, ASNs and organisations of the source IPs of `rows`, as facets named
 * like their query fields (`sourceIPAddress.country`…), with the special values of originValue
 * (`private`, `aws`, `none`, `invalid`, `unknown`). One counting pass over the sourceIPAddress
 * codes of `rows`, then one step per distinct address: each count is of events, and equals the
 * match count of `field:value` under the same filter. An ASN's value carries its organisation as
 * `label`.
 */
export function countOriginFacets(
  index: EventIndex,
  rows: Uint32Array,
  origins: IpOriginTable,
  limit: number,
): Facet[] {
  const fc = SOURCE_IP === undefined ? undefined : fieldCodes(index, SOURCE_IP);
  if (fc === undefined) return [];
  if (fc.dict !== undefined) origins.update(fc.dict);
  const counts = countCodes(fc, rows);
  return IP_ORIGIN_FIELDS.map(({ name, field }) => {
    const byValue = new Map<string, { count: number; label: string }>();
    for (let code = 0; code < counts.length; code++) {
      const n = counts[code] ?? 0;
      if (n === 0) continue;
      const value = origins.value(code, field);
      const entry = byValue.get(value);
      if (entry === undefined) {
        const org = field === 'asn' ? origins.origin(code).org : '';
        byValue.set(value, { count: n, label: org });
      } else entry.count += n;
    }
    const values: FacetValue[] = [...byValue]
      .sort((a, b) => (b[1].count !== a[1].count ? b[1].count - a[1].count : a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([value, { count, label }]) =>
        label === '' ? { value, count } : { value, count, label },
      );
    return { field: name, distinct: byValue.size, values };
  });
}
