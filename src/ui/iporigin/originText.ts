import type { IpOriginView } from '../../data/ipOriginQueries';

let regions: Intl.DisplayNames | undefined;

/** The English name of an ISO 3166-1 alpha-2 code (`RU` → Russia), or the code itself. */
export function countryName(code: string): string {
  try {
    regions ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}

/** What a non-public kind is called beside an IP. */
export const KIND_TEXT: Readonly<Record<string, string>> = {
  private: 'private network',
  service: 'AWS service',
  internal: 'AWS internal',
  empty: 'no address',
  malformed: 'not an IP address',
};

/**
 * The short text beside an IP: `US · AS16509 Amazon.com, Inc.` for a public address (what is
 * known of it), or its kind (`private network`, `AWS service`…); '' when nothing is known.
 */
export function originText(origin: IpOriginView, withOrg = true): string {
  const kind = KIND_TEXT[origin.kind];
  if (kind !== undefined) return kind;
  const parts: string[] = [];
  if (origin.country !== '') {
    parts.push(origin.city === '' ? origin.country : `${origin.city}, ${origin.country}`);
  }
  if (origin.asn !== 0)
    parts.push(withOrg && origin.org !== '' ? `AS${origin.asn} ${origin.org}` : `AS${origin.asn}`);
  return parts.length === 0 ? 'unknown origin' : parts.join(' · ');
}
