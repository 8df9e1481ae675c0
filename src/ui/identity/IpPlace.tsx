import { IpOrigin } from '../iporigin/IpOrigin';

/** Where a source IP of the profile comes from (country · ASN), beside the address. */
export function IpPlace(props: { readonly ip: string }) {
  return <IpOrigin ip={props.ip} compact />;
}
