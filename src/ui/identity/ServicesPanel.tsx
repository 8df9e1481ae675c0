import { useState } from 'react';
import type { IdentityProfileView } from '../../data/identityQueries';
import { formatCount } from '../common/formatCount';
import { LogText } from '../common/LogText';
import { CountLink } from './CountLink';

/** Services listed before "Show all". */
const FIRST = 6;
/** Calls listed per service before its "+ n more". */
const CALLS = 5;

/**
 * The identity's APIs grouped by service (eventSource), each call with its successes and
 * failures, each a link to those events. A call that only failed is the usual sign of probing.
 */
export function ServicesPanel(props: {
  readonly services: IdentityProfileView['services'];
  readonly onEvents: (q: string) => void;
}) {
  const { services, onEvents } = props;
  const [all, setAll] = useState(false);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const shown = all ? services : services.slice(0, FIRST);
  const calls = services.reduce((n, s) => n + s.calls.length, 0);
  return (
    <section className="profile-panel" data-testid="profile-services" aria-label="APIs by service">
      <h3>
        APIs by service{' '}
        <span className="muted">
          {formatCount(services.length)} services, {formatCount(calls)} calls
        </span>
      </h3>
      <table className="profile-table">
        <thead>
          <tr>
            <th scope="col">Service / call</th>
            <th scope="col" className="num">
              Events
            </th>
            <th scope="col" className="num">
              OK
            </th>
            <th scope="col" className="num">
              Failed
            </th>
          </tr>
        </thead>
        {shown.map((s) => (
          <tbody key={s.eventSource}>
            <tr className="profile-service">
              <th scope="rowgroup">
                <LogText text={s.eventSource} max={120} />
              </th>
              <td className="num">
                <CountLink count={s.total.count} q={s.total.q} onEvents={onEvents} />
              </td>
              <td />
              <td className="num">
                {s.failed > 0 ? (
                  <span className="profile-failed">{formatCount(s.failed)}</span>
                ) : null}
              </td>
            </tr>
            {(open.has(s.eventSource) ? s.calls : s.calls.slice(0, CALLS)).map((c) => (
              <tr
                key={c.eventName}
                className={c.ok.count === 0 ? 'profile-call only-failed' : 'profile-call'}
              >
                <td className="profile-call-name">
                  <LogText text={c.eventName} max={120} />
                </td>
                <td className="num">
                  <CountLink count={c.total.count} q={c.total.q} onEvents={onEvents} />
                </td>
                <td className="num">
                  <CountLink count={c.ok.count} q={c.ok.q} onEvents={onEvents} />
                </td>
                <td className="num profile-failed">
                  <CountLink count={c.failed.count} q={c.failed.q} onEvents={onEvents} />
                </td>
              </tr>
            ))}
            {s.calls.length > CALLS ? (
              <tr>
                <td colSpan={4} className="profile-more">
                  <button
                    type="button"
                    className="link-button"
                    aria-expanded={open.has(s.eventSource)}
                    onClick={() => setOpen(toggle(open, s.eventSource))}
                  >
                    {open.has(s.eventSource)
                      ? 'Fewer calls'
                      : `+ ${formatCount(s.calls.length - CALLS)} more calls${hiddenFailed(s.calls.slice(CALLS))}`}
                  </button>
                </td>
              </tr>
            ) : null}
          </tbody>
        ))}
      </table>
      {services.length > FIRST ? (
        <button type="button" className="btn btn-small" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${formatCount(services.length)} services`}
        </button>
      ) : null}
    </section>
  );
}

function toggle(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(key)) next.add(key);
  return next;
}

/** ", n failed" for the hidden calls' failures, so a collapsed list never hides that some failed. */
function hiddenFailed(calls: IdentityProfileView['services'][number]['calls']): string {
  const failed = calls.reduce((n, c) => n + c.failed.count, 0);
  return failed === 0 ? '' : `, ${formatCount(failed)} failed`;
}
