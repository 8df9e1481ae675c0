import { ASN_FORMAT_VERSION, ASN_HEADER_BYTES, ASN_MAGIC, GAP } from './asnTableFormat';

/** One row of an ip-location-db `asn-ipv*-num.csv`: inclusive range, ASN, organisation. */
interface Row {
  readonly start: bigint;
  readonly end: bigint;
  readonly asn: number;
  readonly org: string;
}

/**
 * Packs @ip-location-db/asn's numeric CSVs (`ip_range_start,ip_range_end,asn,organisation`, ranges
 * inclusive, sorted) into the compact table read by AsnTable (format in asnTableFormat.ts).
 * Organisation names are stored once; adjacent ranges of one AS merge; where two ranges overlap (the
 * published data has a few), the earlier one keeps the overlap.
 * @param date the data's date, YYYY-MM-DD (from the package version).
 * @throws Error on a line that is not of that form.
 * @see https://github.com/sapics/ip-location-db/tree/main/asn
 */
export function packAsnTable(ipv4Csv: string, ipv6Csv: string, date: string): Uint8Array {
  const orgs = new Map<string, number>();
  const entries = new Map<string, number>();
  const entryAsn: number[] = [];
  const entryOrg: number[] = [];
  const entryOf = (asn: number, org: string): number => {
    let o = orgs.get(org);
    if (o === undefined) orgs.set(org, (o = orgs.size));
    const key = `${asn} ${o}`;
    let e = entries.get(key);
    if (e === undefined) {
      entries.set(key, (e = entryAsn.length));
      entryAsn.push(asn);
      entryOrg.push(o);
    }
    return e;
  };
  const v4 = ranges(readRows(ipv4Csv), entryOf, 1n << 32n);
  const v6 = ranges(readRows(ipv6Csv), entryOf, 1n << 128n);
  const encoder = new TextEncoder();
  const names = [...orgs.keys()].map((n) => encoder.encode(n));
  const dateBytes = encoder.encode(date);
  const nameBytes = names.reduce((s, n) => s + n.length, 0);
  const words =
    2 * v4.starts.length + 5 * v6.starts.length + 2 * entryAsn.length + names.length + 1;
  const out = new Uint8Array(ASN_HEADER_BYTES + 4 * words + nameBytes + dateBytes.length);
  out.set(encoder.encode(ASN_MAGIC), 0);
  const view = new DataView(out.buffer);
  let at = 8;
  const put = (n: number) => {
    view.setUint32(at, n, true);
    at += 4;
  };
  for (const n of [
    ASN_FORMAT_VERSION,
    v4.starts.length,
    v6.starts.length,
    entryAsn.length,
    names.length,
    dateBytes.length,
  ])
    put(n);
  for (const s of v4.starts) put(Number(s));
  for (const e of v4.entries) put(e);
  for (const s of v6.starts) {
    for (let w = 3; w >= 0; w--) put(Number((s >> BigInt(w * 32)) & 0xffffffffn));
  }
  for (const e of v6.entries) put(e);
  for (const a of entryAsn) put(a);
  for (const o of entryOrg) put(o);
  let offset = 0;
  for (const n of names) {
    put(offset);
    offset += n.length;
  }
  put(offset);
  for (const n of names) {
    out.set(n, at);
    at += n.length;
  }
  out.set(dateBytes, at);
  return out;
}

function ranges(
  rows: readonly Row[],
  entryOf: (asn: number, org: string) => number,
  limit: bigint,
): { starts: bigint[]; entries: number[] } {
  const starts: bigint[] = [];
  const entries: number[] = [];
  let next = 0n;
  for (const { end, asn, org, ...rest } of rows) {
    if (end >= limit) throw new Error(`ASN range ends past the address space at ${end}`);
    // The source has a few overlapping ranges: the earlier one keeps the overlap.
    if (end < next) continue;
    const row = { start: rest.start < next ? next : rest.start, end, asn, org };
    if (row.start > next) {
      starts.push(next);
      entries.push(GAP);
    }
    const e = entryOf(row.asn, row.org);
    if (entries.at(-1) !== e || row.start !== next) {
      starts.push(row.start);
      entries.push(e);
    }
    next = row.end + 1n;
  }
  if (next < limit) {
    starts.push(next);
    entries.push(GAP);
  }
  return { starts, entries };
}

function readRows(csv: string): Row[] {
  const rows: Row[] = [];
  let line = 0;
  for (const text of csv.split('\n')) {
    line++;
    if (text.trim() === '') continue;
    const fields = splitCsvLine(text.replace(/\r$/, ''));
    const [start, end, asn, org] = fields;
    if (
      fields.length !== 4 ||
      start === undefined ||
      end === undefined ||
      asn === undefined ||
      org === undefined ||
      !/^\d+$/.test(start) ||
      !/^\d+$/.test(end) ||
      !/^\d+$/.test(asn)
    ) {
      throw new Error(`ASN CSV line ${line} is not start,end,asn,organisation`);
    }
    rows.push({ start: BigInt(start), end: BigInt(end), asn: Number(asn), org });
  }
  return rows;
}

// RFC 4180 fields: a quoted field may hold commas and doubled quotes.
function splitCsvLine(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= text.length) {
    if (text[i] === '"') {
      let value = '';
      i++;
      while (i < text.length) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          value += text[i] ?? '';
          i++;
        }
      }
      out.push(value);
      i++; // the comma
    } else {
      const comma = text.indexOf(',', i);
      const stop = comma < 0 ? text.length : comma;
      out.push(text.slice(i, stop));
      i = stop + 1;
    }
  }
  return out;
}
