/**
 * Where a source IP comes from (country, ASN) goes here: the IP enrichment work exports a
 * component to show beside an IP; until it lands this renders nothing. One place for every IP of
 * the profile, so wiring it in is a one-line change.
 */
export function IpPlace(props: { readonly ip: string }) {
  return <span className="ip-place" data-ip={props.ip} />;
}
