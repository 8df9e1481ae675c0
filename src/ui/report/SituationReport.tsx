import { IpOrigin } from '../iporigin/IpOrigin';
import { useState } from 'react';
import { useReportLogins, useSituationReport } from '../../data/reportQueries';
import type { SituationReportData } from '../../data/reportQueries';
import type { SearchRequest } from '../../data/types';
import { AccountId } from '../accounts/AccountId';
import { formatCount } from '../common/formatCount';
import { formatTime } from '../common/formatTime';
import { LevelBadge } from '../common/LevelBadge';
import { LogText } from '../common/LogText';
import { IdentityLink } from './IdentityLink';
import { CountLink, ExcludedNote, FigureRows, ReportPanel } from './ReportFigures';
import type { Figure } from './ReportFigures';
import { ReportActivity } from './ReportActivity';
import './SituationReport.css';

/** What the report links do: filter the table, or open an identity's profile. */
export interface ReportActions {
  readonly onQuery: (q: string) => void;
  readonly onIdentity: (identity: string) => void;
}

/**
 * The situation report: what the events of the current filter and time range hold, at a glance.
 * Panels of figures, each count a link that filters the event table to exactly its events, each
 * identity a link to its profile. AWS service principals stay out of the top lists unless the
 * toggle includes them.
 */
export function SituationReport(
  props: ReportActions & {
    readonly request: SearchRequest;
    readonly version: string;
    readonly timeZone: 'utc' | 'local';
    readonly onClose: () => void;
  },
) {
  const { request, version, timeZone } = props;
  const [includeServices, setIncludeServices] = useState(false);
  const [recent, setRecent] = useState<'24h' | '10pct'>('24h');
  const answer = useSituationReport(request, version, { includeServices, recent, limit: 10 });
  const logins = useReportLogins(request, version);
  const body =
    answer === undefined || answer.state === 'pending' ? (
      <p className="muted report-wait">Counting…</p>
    ) : answer.state === 'error' ? (
      <p className="notice notice-error">The query does not parse: {answer.message}</p>
    ) : (
      <ReportPanels
        {...props}
        answer={answer}
        logins={logins?.state === 'ready' ? logins.logins : undefined}
        recent={recent}
        onRecent={setRecent}
      />
    );
  const ready = answer?.state === 'ready' ? answer : undefined;
  return (
    <section
      className="situation-report"
      aria-label="Situation report"
      id="main-view"
      role="tabpanel"
      aria-labelledby="main-tab-report"
      data-testid="situation-report"
    >
      <header className="report-head">
        <h2>Situation report</h2>
        {ready === undefined ? null : (
          <span className="report-head-span">
            <CountLink
              figure={{ value: '', count: ready.report.events, q: request.q }}
              onQuery={props.onQuery}
              label="events"
            />
            {ready.report.first === undefined || ready.report.last === undefined ? null : (
              <span>
                {' '}
                from {formatTime(ready.report.first, timeZone)} to{' '}
                {formatTime(ready.report.last, timeZone)} {timeZone === 'utc' ? 'UTC' : ''}
                <span className="muted"> ({duration(ready.report.last - ready.report.first)})</span>
              </span>
            )}
          </span>
        )}
        <label className="report-toggle">
          <input
            type="checkbox"
            checked={includeServices}
            onChange={(e) => setIncludeServices(e.currentTarget.checked)}
            data-testid="report-include-services"
          />{' '}
          Include AWS services
        </label>
        {ready === undefined ? null : (
          <span className="muted report-timing" data-testid="report-elapsed">
            {ready.elapsedMs.toFixed(0)} ms
          </span>
        )}
      </header>
      {body}
    </section>
  );
}

function ReportPanels(
  props: ReportActions & {
    readonly answer: SituationReportData;
    readonly logins: Parameters<typeof ReportActivity>[0]['logins'];
    readonly recent: '24h' | '10pct';
    readonly onRecent: (r: '24h' | '10pct') => void;
    readonly timeZone: 'utc' | 'local';
  },
) {
  const { answer, onQuery, onIdentity } = props;
  const { report, detections } = answer;
  const identity = (f: Figure & { readonly identity?: string }) => (
    <IdentityLink identity={f.identity ?? f.value} onIdentity={onIdentity} />
  );
  return (
    <div className="report-grid">
      <ReportPanel title="Accounts and Regions" id="scope">
        <FigureRows
          figures={report.accounts}
          onQuery={onQuery}
          total={report.events}
          render={(f) =>
            f.value === '' ? <span className="muted">(none)</span> : <AccountId id={f.value} />
          }
          testId="report-accounts"
        />
        <FigureRows
          figures={report.regions}
          onQuery={onQuery}
          total={report.events}
          testId="report-regions"
        />
      </ReportPanel>
      <ReportPanel
        title="Top identities"
        id="identities"
        figure={<span className="muted">{formatCount(report.identities.distinct)} in all</span>}
      >
        <FigureRows
          figures={report.identities.figures}
          onQuery={onQuery}
          render={identity}
          testId="report-identities"
        />
        <ExcludedNote excluded={report.identities.excluded} />
      </ReportPanel>
      <ReportPanel
        title="Top source IPs"
        id="ips"
        figure={<span className="muted">{formatCount(report.sourceIPs.distinct)} in all</span>}
      >
        <FigureRows
          figures={report.sourceIPs.figures}
          onQuery={onQuery}
          testId="report-ips"
          render={(f) =>
            f.value === '' ? (
              <span className="muted">(none)</span>
            ) : (
              <>
                <LogText text={f.value} max={60} /> <IpOrigin ip={f.value} compact />
              </>
            )
          }
        />
        <ExcludedNote excluded={report.sourceIPs.excluded} />
      </ReportPanel>
      <ReportPanel
        title="Top user agents"
        id="agents"
        figure={<span className="muted">{formatCount(report.userAgents.distinct)} in all</span>}
      >
        <FigureRows figures={report.userAgents.figures} onQuery={onQuery} testId="report-agents" />
        <ExcludedNote excluded={report.userAgents.excluded} />
      </ReportPanel>
      <ReportPanel
        title="Errors"
        id="errors"
        figure={<CountLink figure={report.errors} onQuery={onQuery} />}
      >
        <FigureRows figures={report.errorCodes} onQuery={onQuery} empty="No failed calls." />
      </ReportPanel>
      <ReportPanel
        title="Access denied, by identity"
        id="denied"
        figure={<CountLink figure={report.accessDenied} onQuery={onQuery} />}
      >
        <FigureRows
          figures={report.deniedIdentities}
          onQuery={onQuery}
          render={identity}
          empty="No access denied."
        />
        <p className="muted report-note">
          errorCode AccessDenied*, *UnauthorizedOperation, *UnauthorizedAccess*
        </p>
      </ReportPanel>
      <ReportActivity {...props} report={report} />
      <ReportPanel
        title="Detection hits"
        id="detections"
        figure={<span className="muted">{formatCount(detections.rules.length)} rules</span>}
      >
        <FigureRows
          figures={detections.levels}
          onQuery={onQuery}
          render={(f) => <LevelBadge level={f.value} />}
          empty="No rule matched these events."
        />
        <FigureRows
          figures={detections.rules}
          onQuery={onQuery}
          render={(f) => <LogText text={f.value} max={120} />}
          empty=""
        />
      </ReportPanel>
    </div>
  );
}

/** `3 d 4 h`, `2 h 5 min`, `12 min`, `40 s`: the span's length at a glance. */
function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ${min % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
