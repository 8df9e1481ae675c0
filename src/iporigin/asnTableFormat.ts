/**
 * The compact ASN table (`asn.bin`, built by packAsnTable from @ip-location-db/asn's `*-num.csv`),
 * all little-endian, every section 4-byte aligned:
 *
 * | bytes | what |
 * | --- | --- |
 * | 8 | magic `CAIRNASN` |
 * | 4 × 6 | u32: format version (1), IPv4 range count n4, IPv6 range count n6, entry count, organisation count, date length |
 * | 4 × n4 | IPv4 range starts, ascending |
 * | 4 × n4 | entry of each IPv4 range (GAP: no AS) |
 * | 16 × n6 | IPv6 range starts, ascending, four u32 words each, most significant first |
 * | 4 × n6 | entry of each IPv6 range |
 * | 4 × entries | ASN of each entry |
 * | 4 × entries | organisation of each entry |
 * | 4 × (orgs + 1) | byte offsets of each organisation name |
 * | … | the names, UTF-8, then the date (YYYY-MM-DD), UTF-8 |
 *
 * A range runs from its start to the next start minus one; gaps between the source's ranges are
 * ranges of their own whose entry is GAP.
 */
export const ASN_MAGIC = 'CAIRNASN';
export const ASN_FORMAT_VERSION = 1;
/** The entry of a range no AS announces. */
export const GAP = 0xffffffff;
/** Header length in bytes: the magic and six u32. */
export const ASN_HEADER_BYTES = 8 + 4 * 6;
