import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { readInsightDetails } from '../../cloudtrail/readInsightDetails';
import type { InsightDetails as Details } from '../../cloudtrail/readInsightDetails';
import { insightPartnersQuery, rangeCountQuery } from '../../data/insightQueries';
import type { EventDetail, RowView } from '../../data/types';
import { useOpenView } from '../../data/useOpenView';
import { formatCount } from '../common/formatCount';
import { formatTime, zoneLabel } from '../common/formatTime';
import { usePrefs } from '../prefs/usePrefs';
import { quoteValue } from '../search-bar/tokenAtCursor';
import {
  formatMinutes,
  formatRate,
  formatRatio,
  insightTypeLabel,
  rateHint,
  rateUnit,
} from './formatInsight';
import { InsightAttributions } from './InsightAttributions';
import { insightWindow } from './insightWindow';
import type { InsightWindow } from './insightWindow';
import './InsightDetails.css';
import { LogText, logTitle } from '../common/LogText';

/**
 * The readable Insight section of the detail pane, shown only for CloudTrail Insights records: the
 * state, the API and insight type, the rate against the baseline, the window, the top contributors,
 * and pivots to the paired Start/End record and to the management events in the window.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-insights-fields-trails.html
 */
export function InsightDetails(props: { readonly detail: EventDetail; readonly record: unknown }) {
  const details = useMemo(() => readInsightDetails(props.record), [props.record]);
  if (details === undefined) return null;
  return <InsightSection row={props.detail.row} details={details} />;
}

function InsightSection(props: { readonly row: RowView; readonly details: Details }) {
  const { row, details } = props;
  const { timeZone } = usePrefs();
  const openView = useOpenView();
  const partners = useQuery(insightPartnersQuery(row.row)).data;
  const pair = partners?.find((p) => p.eventID !== row.eventID);
  const span = insightWindow(
    details,
    row.eventTime,
    (partners ?? []).map((p) => p.eventTime),
  );
  const unit = rateUnit(details.insightType);
  const isStart = details.state === 'Start';
  const ratio = formatRatio(details.insightAverage, details.baselineAverage);
  const hint = rateHint(details.baselineAverage);
  return (
    <section className="detail-section insight" aria-label="Insight" data-testid="insight-details">
      <h3>CloudTrail Insight</h3>
      <div className="insight-head">
        <span
          className={`insight-pill insight-state-${isStart ? 'start' : 'end'}`}
          data-testid="insight-state"
          title={isStart ? 'The unusual activity began' : 'The unusual activity ended'}
        >
          {details.state === '' ? 'State unknown' : <LogText text={details.state} max={100} />}
        </span>
        <span className="insight-pill insight-type" data-testid="insight-type">
          {insightTypeLabel(details.insightType)}
        </span>
        {details.errorCode === '' ? null : (
          <span className="insight-pill insight-error" data-testid="insight-error-code">
            <LogText text={details.errorCode} max={200} />
          </span>
        )}
      </div>
      <p className="insight-api" data-testid="insight-api">
        <strong>
          <LogText text={details.eventName} max={200} />
        </strong>{' '}
        <span className="muted">on</span>{' '}
        <code>
          <LogText text={details.eventSource} max={200} />
        </code>
      </p>
      <div className="insight-rates" data-testid="insight-rates">
        <div className="insight-stat">
          <span className="insight-stat-label">Baseline</span>
          <span className="insight-stat-value">{formatRate(details.baselineAverage)}</span>
          <span className="muted">
            {unit}/min{hint === '' ? '' : ` (${hint})`}
          </span>
        </div>
        <div className="insight-stat insight-stat-hot">
          <span className="insight-stat-label">
            {isStart ? 'At the start of the insight' : 'During the insight'}
          </span>
          <span className="insight-stat-value">{formatRate(details.insightAverage)}</span>
          <span className="muted">
            {unit}/min{ratio === '' ? '' : `, ${ratio} the baseline`}
          </span>
        </div>
      </div>
      <p className="insight-sentence" data-testid="insight-sentence">
        {formatRate(details.baselineAverage)} {unit}/min baseline vs{' '}
        {formatRate(details.insightAverage)} {isStart ? 'at the start of' : 'during'} the insight
        {ratio === '' ? '' : ` (${ratio})`}.
      </p>
      <dl className="summary">
        <div>
          <dt>Window</dt>
          <dd data-testid="insight-window">
            {span === undefined ? '—' : windowText(span, timeZone)}
          </dd>
        </div>
        <div>
          <dt>Insight duration</dt>
          <dd data-testid="insight-duration">
            {formatMinutes(details.insightDuration)}
            {isStart ? <span className="muted"> (when the insight started)</span> : null}
          </dd>
        </div>
        <div>
          <dt>Baseline duration</dt>
          <dd data-testid="insight-baseline-duration">
            {formatMinutes(details.baselineDuration)}
            <span className="muted"> before the start</span>
          </dd>
        </div>
      </dl>
      <ul className="related-list insight-pivots">
        <li>
          <button
            type="button"
            className="btn btn-small"
            data-testid="insight-pair"
            disabled={pair === undefined}
            title={
              pair === undefined
                ? `No ${isStart ? 'End' : 'Start'} record with this sharedEventID is loaded`
                : logTitle(`sharedEventID:${details.sharedEventID}`)
            }
            onClick={() =>
              pair === undefined
                ? undefined
                : openView({
                    q: `sharedEventID:${quoteValue(details.sharedEventID)}`,
                    event: pair.eventID,
                  })
            }
          >
            {pairLabel(isStart, pair, partners === undefined)}
          </button>
        </li>
        {span === undefined ? null : (
          <WindowPivot row={row} details={details} span={span} onOpen={openView} />
        )}
      </ul>
      <InsightAttributions attributions={details.attributions} unit={unit} />
    </section>
  );
}

function WindowPivot(props: {
  readonly row: RowView;
  readonly details: Details;
  readonly span: InsightWindow;
  readonly onOpen: ReturnType<typeof useOpenView>;
}) {
  const { row, details, span, onOpen } = props;
  const q = windowQuery(row, details);
  const range = { from: span.from, to: span.to };
  const count = useQuery(rangeCountQuery({ q, ...range })).data;
  const what =
    details.errorCode === '' ? 'management events' : `management events with ${details.errorCode}`;
  return (
    <li>
      <button
        type="button"
        className="btn btn-small"
        data-testid="insight-window-pivot"
        title={logTitle(q)}
        onClick={() => onOpen({ q, range })}
      >
        {count === undefined || count === null
          ? `Show the ${what} in this window`
          : `Show the ${formatCount(count)} ${what} in this window`}
      </button>
    </li>
  );
}

/**
 * The management events an insight counted: same API, account and Region, the error code for an
 * error-rate insight, and not the Insights records themselves (they are indexed under the same API).
 */
function windowQuery(row: RowView, details: Details): string {
  const clause = (field: string, value: string) =>
    value === '' ? [] : [`${field}:${quoteValue(value)}`];
  return [
    ...clause('eventSource', details.eventSource),
    ...clause('eventName', details.eventName),
    ...clause('errorCode', details.errorCode),
    ...clause('awsRegion', row.awsRegion),
    ...clause('recipientAccountId', row.recipientAccountId),
    '-eventCategory:Insight',
  ].join(' ');
}

function pairLabel(isStart: boolean, pair: RowView | undefined, loading: boolean): string {
  const other = isStart ? 'End' : 'Start';
  if (pair !== undefined) return `Go to the ${other} event ${isStart ? '→' : '←'}`;
  return loading ? `Looking for the ${other} event…` : `${other} event not loaded`;
}

function windowText(span: InsightWindow, zone: 'utc' | 'local'): string {
  const from = formatTime(span.from, zone);
  const to = formatTime(span.to, zone);
  // Same day: the end shows only its time.
  const end = from.slice(0, 10) === to.slice(0, 10) ? to.slice(11) : to;
  const minutes = (span.to - span.from) / 60_000;
  const note =
    span.known === 'pair'
      ? ''
      : span.known === 'end'
        ? ', from the End record'
        : ', as known at the start';
  return `${from} → ${end} ${zoneLabel(zone, span.from)} (${formatMinutes(minutes)}${note})`;
}
