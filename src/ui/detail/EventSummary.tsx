import type { ReactNode } from 'react';
import { objectAt, stringAt } from '../../lib/isObject';
import { ROW_FLAG } from '../../data/types';
import type { EventDetail } from '../../data/types';
import { AccountName } from '../accounts/AccountName';
import { arnAccountId } from '../accounts/arnAccountId';
import { CopyButton } from '../common/CopyButton';
import { formatTime, zoneLabel } from '../common/formatTime';
import { usePrefs } from '../prefs/usePrefs';
import { SourceFiles } from './SourceFiles';
import { LongLogText } from '../common/LongLogText';
import { OpenProfileButton } from '../identity/OpenProfileButton';

/** The identity values a profile opens from (ui/identity). */
const PROFILED = new Set(['User name', 'Principal ARN', 'Principal ID', 'AWS access key']);
import { IpOriginFacts } from '../iporigin/IpOriginFacts';

/**
 * The facts block: who, what, when, where, identifiers and provenance of one event. The error and
 * what the call achieved are read first, above it, in CallOutcomeView.
 */
export function EventSummary(props: { readonly detail: EventDetail; readonly record: unknown }) {
  const { detail, record } = props;
  const { timeZone } = usePrefs();
  const r = detail.row;
  const identity = objectAt(record, 'userIdentity');
  const other = timeZone === 'utc' ? 'local' : 'utc';
  const arn = stringAt(identity, 'arn') ?? '';
  const arnAccount = arnAccountId(arn);
  // Label → the user's name for the account the value names, shown after the value.
  const after: Readonly<Record<string, ReactNode>> = {
    'Principal ARN': arnAccount === undefined ? null : <AccountName id={arnAccount} />,
    'Account ID': <AccountName id={r.recipientAccountId} />,
  };
  const items: [string, ReactNode, string?][] = [
    (r.flags & ROW_FLAG.invalidTime) !== 0
      ? ['Event time', INVALID_TIME_NOTE]
      : [
          'Event time',
          `${formatTime(r.eventTime, timeZone)} ${zoneLabel(timeZone, r.eventTime)}`,
          `${formatTime(r.eventTime, other)} ${zoneLabel(other, r.eventTime)}`,
        ],
    ['User name', r.userName],
    ['Identity type', r.identityType],
    ['Principal ARN', arn],
    ['Principal ID', stringAt(identity, 'principalId') ?? ''],
    ['AWS access key', r.accessKeyId],
    ['Event name', r.eventName],
    ['Event source', r.eventSource],
    ['AWS region', r.awsRegion],
    ['Source IP address', r.sourceIPAddress],
    ['IP origin', r.sourceIPAddress === '' ? '' : <IpOriginFacts ip={r.sourceIPAddress} />],
    ['User agent', r.userAgent],
    ['Request ID', stringAt(record, 'requestID') ?? ''],
    ['Event ID', r.eventID],
    ['Read-only', r.readOnly === '' ? '(not recorded)' : r.readOnly],
    ['Event type', r.eventType],
    ['Event category', r.eventCategory],
    ['Account ID', r.recipientAccountId],
  ];
  return (
    <section className="detail-section">
      {(r.flags & ROW_FLAG.conflict) !== 0 ? (
        <p className="notice notice-warn" role="note">
          {detail.conflictRows.length} other{' '}
          {detail.conflictRows.length === 1 ? 'record claims' : 'records claim'} this eventID with
          different content. Both are kept: in real evidence this can mean tampering.
        </p>
      ) : null}
      <dl className="summary">
        {items
          .filter(([, value]) => value !== '')
          .map(([label, value, title]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd title={title} data-testid={`summary-${label.toLowerCase().replaceAll(' ', '-')}`}>
                <span className="summary-value">
                  {typeof value === 'string' ? <LongLogText text={value} /> : value}
                  {after[label]}
                </span>
                {typeof value === 'string' && value.length > 0 ? (
                  <CopyButton text={value} label="⧉" title={`Copy ${label}`} />
                ) : null}
                {typeof value === 'string' && PROFILED.has(label) ? (
                  <OpenProfileButton value={value} compact />
                ) : null}
              </dd>
            </div>
          ))}
      </dl>
      <SourceFiles sources={detail.sources} />
    </section>
  );
}

const INVALID_TIME_NOTE =
  "invalid time: the record's eventTime is not a time that exists (see the raw JSON)";
