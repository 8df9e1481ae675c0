import type { SituationReportData } from '../../data/reportQueries';
import type { LoginAnswer } from '../../data/reportQueries';
import { formatCount } from '../common/formatCount';
import { formatTime } from '../common/formatTime';
import { IdentityLink } from './IdentityLink';
import { CountLink, FigureRows, ReportPanel } from './ReportFigures';
import type { Figure } from './ReportFigures';

type Logins = Extract<LoginAnswer, { state: 'ready' }>['logins'];

/**
 * The report's activity panels: console logins (outcomes fill in once read back), root activity,
 * sensitive calls by kind, rare calls, and identities and IPs new in the last part of the span.
 */
export function ReportActivity(props: {
  readonly report: SituationReportData['report'];
  readonly logins: Logins | undefined;
  readonly recent: '24h' | '10pct';
  readonly onRecent: (r: '24h' | '10pct') => void;
  readonly timeZone: 'utc' | 'local';
  readonly onQuery: (q: string) => void;
  readonly onIdentity: (identity: string) => void;
}) {
  const { report, logins, onQuery, onIdentity } = props;
  const identity = (f: Figure & { readonly identity?: string }) => (
    <IdentityLink identity={f.identity ?? f.value} onIdentity={onIdentity} />
  );
  const loginRows =
    logins === undefined
      ? undefined
      : [
          { ...logins.mfa, value: 'Success with MFA' },
          { ...logins.noMfa, value: 'Success without MFA' },
          { ...logins.failed, value: 'Failed' },
        ];
  return (
    <>
      <ReportPanel
        title="Console logins"
        id="logins"
        figure={<CountLink figure={report.consoleLogins} onQuery={onQuery} />}
      >
        {report.consoleLogins.count === 0 ? (
          <p className="muted report-empty">No console login.</p>
        ) : loginRows === undefined ? (
          <p className="muted report-empty">Reading the logins…</p>
        ) : (
          <FigureRows
            figures={loginRows}
            onQuery={onQuery}
            total={report.consoleLogins.count}
            testId="report-logins"
          />
        )}
      </ReportPanel>
      <ReportPanel
        title="Root activity"
        id="root"
        figure={<CountLink figure={report.root} onQuery={onQuery} />}
      >
        <FigureRows
          figures={report.rootCalls}
          onQuery={onQuery}
          empty="No call by the root user."
        />
      </ReportPanel>
      <ReportPanel title="Sensitive calls" id="sensitive">
        <ul className="report-rows">
          {report.sensitive.map((g) => (
            <li key={g.id} className="report-group">
              <div className="report-row">
                <span
                  className={g.total.count > 0 ? 'report-value report-hot' : 'report-value muted'}
                >
                  {g.label}
                </span>
                <CountLink figure={g.total} onQuery={onQuery} />
              </div>
              {g.calls.length === 0 ? null : <FigureRows figures={g.calls} onQuery={onQuery} />}
            </li>
          ))}
        </ul>
      </ReportPanel>
      <ReportPanel
        title="Rare calls"
        id="rare"
        figure={<span className="muted">at most 2 events</span>}
      >
        <FigureRows figures={report.rare} onQuery={onQuery} empty="No rare call." />
      </ReportPanel>
      <ReportPanel
        title="New in the last part"
        id="recent"
        figure={
          <select
            value={props.recent}
            aria-label="Last part of the span"
            onChange={(e) => props.onRecent(e.currentTarget.value === '10pct' ? '10pct' : '24h')}
            data-testid="report-recent"
          >
            <option value="24h">last 24 h</option>
            <option value="10pct">last 10 % of the span</option>
          </select>
        }
      >
        {report.recent === undefined ? (
          <p className="muted report-empty">The span is too short to have a last part.</p>
        ) : (
          <>
            <p className="muted report-note">
              Since {formatTime(report.recent.from, props.timeZone)}, never seen before it under
              this filter: {formatCount(report.recent.identities.length)} identities,{' '}
              {formatCount(report.recent.sourceIPs.length)} source IPs.
            </p>
            <FigureRows
              figures={report.recent.identities}
              onQuery={onQuery}
              render={identity}
              empty="No new identity."
            />
            <FigureRows
              figures={report.recent.sourceIPs}
              onQuery={onQuery}
              empty="No new source IP."
            />
          </>
        )}
      </ReportPanel>
    </>
  );
}
