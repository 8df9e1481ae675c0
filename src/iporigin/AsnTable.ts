import type { IpAddress } from '../querylang/ipAddress';
import { ASN_FORMAT_VERSION, ASN_HEADER_BYTES, ASN_MAGIC, GAP } from './asnTableFormat';

/** What AsnTable.lookup answers: the autonomous system announcing an address. */
export interface AsnHit {
  readonly asn: number;
  readonly org: string;
}

/**
 * Reads the compact ASN table (asnTableFormat.ts) without copying it: a binary search over the
 * range starts of the address's family, then the entry's ASN and organisation (names decoded once
 * each, on first use).
 */
export class AsnTable {
  /** The data's date, YYYY-MM-DD. */
  readonly date: string;
  private readonly v4Starts: Uint32Array;
  private readonly v4Entries: Uint32Array;
  private readonly v6Starts: Uint32Array;
  private readonly v6Entries: Uint32Array;
  private readonly entryAsn: Uint32Array;
  private readonly entryOrg: Uint32Array;
  private readonly orgOffsets: Uint32Array;
  private readonly names: Uint8Array;
  private readonly decoded: (string | undefined)[] = [];

  /** @throws Error when `bytes` is not a table of this format and version. */
  constructor(bytes: Uint8Array) {
    const magic = new TextDecoder().decode(bytes.subarray(0, 8));
    if (magic !== ASN_MAGIC || bytes.length < ASN_HEADER_BYTES) {
      throw new Error('Not a Cairn ASN table');
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const head = (i: number) => view.getUint32(8 + 4 * i, true);
    if (head(0) !== ASN_FORMAT_VERSION) throw new Error(`ASN table version ${head(0)} is unknown`);
    const [n4, n6, entries, orgs, dateLength] = [head(1), head(2), head(3), head(4), head(5)];
    // Copy once into an aligned buffer when the bytes arrive at an odd offset.
    const base =
      bytes.byteOffset % 4 === 0 ? bytes : Uint8Array.from(bytes.subarray(0, bytes.length));
    let at = base.byteOffset + ASN_HEADER_BYTES;
    const words = (n: number) => {
      const out = new Uint32Array(base.buffer, at, n);
      at += 4 * n;
      return out;
    };
    this.v4Starts = words(n4);
    this.v4Entries = words(n4);
    this.v6Starts = words(4 * n6);
    this.v6Entries = words(n6);
    this.entryAsn = words(entries);
    this.entryOrg = words(entries);
    this.orgOffsets = words(orgs + 1);
    const nameStart = at - base.byteOffset;
    const nameLength = this.orgOffsets[orgs] ?? 0;
    this.names = base.subarray(nameStart, nameStart + nameLength);
    this.date = new TextDecoder().decode(
      base.subarray(nameStart + nameLength, nameStart + nameLength + dateLength),
    );
  }

  /** Ranges held, per family. */
  get rangeCounts(): { readonly v4: number; readonly v6: number } {
    return { v4: this.v4Entries.length, v6: this.v6Entries.length };
  }

  /** The AS announcing `ip` (unmap IPv4-mapped addresses first), or undefined in a gap. */
  lookup(ip: IpAddress): AsnHit | undefined {
    const entry = ip.v === 4 ? this.entryV4(ip.bytes) : this.entryV6(ip.bytes);
    if (entry === undefined || entry === GAP) return undefined;
    const org = this.entryOrg[entry] ?? 0;
    return { asn: this.entryAsn[entry] ?? 0, org: this.orgName(org) };
  }

  private entryV4(b: Uint8Array): number | undefined {
    const x = (((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0;
    const starts = this.v4Starts;
    // The last start ≤ x.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] ?? 0) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? undefined : this.v4Entries[lo - 1];
  }

  private entryV6(b: Uint8Array): number | undefined {
    const x = [0, 1, 2, 3].map(
      (w) =>
        (((b[4 * w] ?? 0) << 24) |
          ((b[4 * w + 1] ?? 0) << 16) |
          ((b[4 * w + 2] ?? 0) << 8) |
          (b[4 * w + 3] ?? 0)) >>>
        0,
    );
    const starts = this.v6Starts;
    const atMost = (i: number): boolean => {
      for (let w = 0; w < 4; w++) {
        const s = starts[4 * i + w] ?? 0;
        const v = x[w] ?? 0;
        if (s !== v) return s < v;
      }
      return true;
    };
    let lo = 0;
    let hi = this.v6Entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (atMost(mid)) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? undefined : this.v6Entries[lo - 1];
  }

  private orgName(i: number): string {
    let name = this.decoded[i];
    if (name === undefined) {
      const from = this.orgOffsets[i] ?? 0;
      const to = this.orgOffsets[i + 1] ?? from;
      name = new TextDecoder().decode(this.names.subarray(from, to));
      this.decoded[i] = name;
    }
    return name;
  }
}
