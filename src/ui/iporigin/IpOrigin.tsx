import { useIpOrigin } from '../../data/ipOriginQueries';
import { LogText, logTitle } from '../common/LogText';
import { countryName, originText } from './originText';
import './IpOrigin.css';

/**
 * Where a source IP comes from, to drop beside any IP (table cell, detail pane, situation report,
 * identity profile): `US · AS16509 Amazon.com, Inc.`, or its kind (`private network`, `AWS
 * service`…). The worker looks each distinct value up once; nothing shows while it loads. The
 * organisation and city come from databases built from public registries, so they are rendered
 * as text only. `compact` leaves the organisation to the tooltip.
 */
export function IpOrigin(props: { readonly ip: string; readonly compact?: boolean }) {
  const origin = useIpOrigin(props.ip);
  if (origin === undefined) return null;
  const full = originText(origin);
  const shown = props.compact === true ? originText(origin, false) : full;
  const title =
    origin.country === '' ? full : `${countryName(origin.country)} · ${logTitle(full, 300)}`;
  return (
    <span
      className={`ip-origin ip-origin-${origin.kind}`}
      title={title}
      data-testid="ip-origin"
      data-country={origin.country}
      data-asn={origin.asn === 0 ? undefined : origin.asn}
    >
      <LogText text={shown} max={120} />
    </span>
  );
}
