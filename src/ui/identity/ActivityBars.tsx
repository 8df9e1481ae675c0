import type { IdentityProfileView } from '../../data/identityQueries';
import { formatCount } from '../common/formatCount';
import { formatTime } from '../common/formatTime';

const HEIGHT = 40;

/**
 * The identity's events over time as small bars (successes, errors stacked in the warning colour),
 * one per bin of the profile's histogram. A picture, not a figure: the counts are in the tooltips
 * and, as links, in the panels.
 */
export function ActivityBars(props: {
  readonly histogram: NonNullable<IdentityProfileView['histogram']>;
  readonly timeZone: 'utc' | 'local';
}) {
  const { start, step, ok, errors } = props.histogram;
  const totals = ok.map((n, i) => n + (errors[i] ?? 0));
  const max = Math.max(1, ...totals);
  const width = 100 / Math.max(1, ok.length);
  return (
    <svg
      className="activity-bars"
      viewBox={`0 0 100 ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label="Events over time"
    >
      {ok.map((n, i) => {
        const e = errors[i] ?? 0;
        const okH = (n / max) * HEIGHT;
        const errH = (e / max) * HEIGHT;
        const from = start + i * step;
        return (
          <g key={from}>
            <title>{`${formatTime(from, props.timeZone)}: ${formatCount(n + e)} events, ${formatCount(e)} errors`}</title>
            <rect
              x={i * width}
              y={HEIGHT - okH}
              width={width * 0.9}
              height={okH}
              className="activity-ok"
            />
            <rect
              x={i * width}
              y={HEIGHT - okH - errH}
              width={width * 0.9}
              height={errH}
              className="activity-err"
            />
          </g>
        );
      })}
    </svg>
  );
}
