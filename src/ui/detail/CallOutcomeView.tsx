import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { callError, callOutcome } from '../../cloudtrail/callOutcome';
import type { CallError, CallOutcome } from '../../cloudtrail/callOutcome';
import type { RowView } from '../../data/types';
import { CopyButton } from '../common/CopyButton';
import { LogText } from '../common/LogText';
import { LongLogText } from '../common/LongLogText';
import { FollowKeyButton } from './FollowKeyButton';
import './CallOutcomeView.css';

/**
 * The outcome a responder reads first, above everything else in the pane: the error (code first,
 * a long encoded message behind "show"), and for a console login, an STS call or CreateAccessKey
 * what it achieved. Nothing for a call that succeeded and is none of those.
 */
export function CallOutcomeView(props: { readonly row: RowView; readonly record: unknown }) {
  const { row, record } = props;
  const error = useMemo(() => callError(record), [record]);
  const outcome = useMemo(() => callOutcome(record), [record]);
  if (error === undefined && outcome === undefined) return null;
  return (
    <section className="detail-section outcome" aria-label="Outcome" data-testid="call-outcome">
      {error === undefined ? null : <ErrorBlock error={error} />}
      {outcome === undefined ? null : <OutcomeFacts outcome={outcome} row={row} />}
    </section>
  );
}

function ErrorBlock(props: { readonly error: CallError }) {
  const { code, message, brief } = props.error;
  const [open, setOpen] = useState(false);
  const hidden = brief !== message;
  return (
    <div className="outcome-error" role="group" aria-label="Error">
      <div className="outcome-error-code" data-testid="outcome-error-code">
        <LogText text={code === '' ? '(no error code)' : code} max={200} />
      </div>
      {message === '' ? null : (
        <p className="outcome-error-message" data-testid="outcome-error-message">
          {open || !hidden ? <LongLogText text={message} /> : <LogText text={brief} />}
          {hidden ? (
            <>
              {' '}
              <button
                type="button"
                className="json-button"
                aria-expanded={open}
                onClick={() => setOpen(!open)}
              >
                {open ? 'hide' : `show (${message.length.toLocaleString('en-US')} chars)`}
              </button>
            </>
          ) : null}
        </p>
      )}
    </div>
  );
}

function OutcomeFacts(props: { readonly outcome: CallOutcome; readonly row: RowView }) {
  const { outcome, row } = props;
  switch (outcome.kind) {
    case 'consoleLogin':
      return (
        <Facts
          testId="login-outcome"
          items={[
            ['Console login', <Verdict key="r" value={outcome.result} good="Success" />],
            ['MFA used', <Verdict key="m" value={outcome.mfaUsed} good="Yes" />],
            ['User', outcome.user],
            ['Logged in to', outcome.loginTo],
          ]}
        />
      );
    case 'credentials':
      return (
        <Facts
          testId="credentials-outcome"
          items={[
            [principalLabel(outcome.eventName), outcome.principal],
            ['Session name', outcome.sessionName],
            ['Issued key', outcome.accessKeyId, true],
            ['Expires', outcome.expiration],
          ]}
        />
      );
    case 'newKey':
      return (
        <>
          <Facts
            testId="new-key-outcome"
            items={[
              ['New access key', outcome.accessKeyId, true],
              ['For user', outcome.userName],
              ['Status', outcome.status],
              ['Created', outcome.createDate],
            ]}
          />
          {outcome.accessKeyId === '' ? null : (
            <p className="outcome-pivot">
              <FollowKeyButton accessKeyId={outcome.accessKeyId} fromMs={row.eventTime} />
            </p>
          )}
        </>
      );
  }
}

function principalLabel(eventName: string): string {
  if (eventName === 'GetFederationToken') return 'Federated user';
  if (eventName === 'GetSessionToken') return 'For';
  return 'Role';
}

/** Label, value (a log string or a verdict), and whether the value gets a copy button. */
type Fact = readonly [string, ReactNode, boolean?];

function Facts(props: { readonly items: readonly Fact[]; readonly testId: string }) {
  return (
    <dl className="summary outcome-facts" data-testid={props.testId}>
      {props.items
        .filter(([, value]) => value !== '')
        .map(([label, value, copy]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd data-testid={`outcome-${label.toLowerCase().replaceAll(' ', '-')}`}>
              <span className="summary-value">
                {typeof value === 'string' ? <LogText text={value} max={2000} /> : value}
              </span>
              {copy === true && typeof value === 'string' ? (
                <CopyButton text={value} label="⧉" title={`Copy ${label}`} />
              ) : null}
            </dd>
          </div>
        ))}
    </dl>
  );
}

/** A value from the log shown as a pill: green when it is `good`, red otherwise, grey when absent. */
function Verdict(props: { readonly value: string; readonly good: string }) {
  const { value, good } = props;
  if (value === '') return <span className="muted">(not recorded)</span>;
  return (
    <span className={`outcome-verdict ${value === good ? 'is-good' : 'is-bad'}`}>
      <LogText text={value} max={100} />
    </span>
  );
}
