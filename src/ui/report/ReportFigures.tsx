import type { ReactNode } from 'react';
import { formatCount } from '../common/formatCount';
import { LogText, logTitle } from '../common/LogText';

/** A figure as the report sends it (analysis/reportTypes.ts ReportFigure). */
export interface Figure {
  readonly value: string;
  readonly count: number;
  readonly q: string;
}

/**
 * An event count as a link: a click applies `figure.q` (the report's filter AND the figure's own
 * clauses) and shows the event table, whose match count is then this number.
 */
export function CountLink(props: {
  readonly figure: Figure;
  readonly onQuery: (q: string) => void;
  readonly label?: string;
}) {
  const { figure, onQuery } = props;
  return (
    <button
      type="button"
      className="report-count"
      data-testid="report-count"
      data-count={figure.count}
      data-q={figure.q}
      title={`Show these ${formatCount(figure.count)} events: ${figure.q === '' ? 'all' : logTitle(figure.q, 500)}`}
      onClick={() => onQuery(figure.q)}
    >
      {formatCount(figure.count)}
      {props.label === undefined ? null : (
        <span className="report-count-label"> {props.label}</span>
      )}
    </button>
  );
}

/**
 * Figures as rows: the value (its own rendering, or the log text; '' reads "(none)") and its count
 * link, with a bar of its share of `total` behind the row.
 */
export function FigureRows(props: {
  readonly figures: readonly Figure[];
  readonly onQuery: (q: string) => void;
  readonly total?: number;
  readonly render?: (f: Figure) => ReactNode;
  readonly empty?: string;
  readonly testId?: string;
}) {
  const { figures, onQuery, render } = props;
  if (figures.length === 0) return <p className="muted report-empty">{props.empty ?? 'None.'}</p>;
  const max = props.total ?? Math.max(...figures.map((f) => f.count));
  return (
    <ul className="report-rows" data-testid={props.testId}>
      {figures.map((f) => (
        <li key={f.q} className="report-row">
          <span
            className="report-bar"
            style={{ width: `${max === 0 ? 0 : Math.max(1, (100 * f.count) / max)}%` }}
            aria-hidden="true"
          />
          <span
            className="report-value"
            title={f.value === '' ? undefined : logTitle(f.value, 500)}
          >
            {render !== undefined ? (
              render(f)
            ) : f.value === '' ? (
              <span className="muted">(none)</span>
            ) : (
              <LogText text={f.value} max={200} />
            )}
          </span>
          <CountLink figure={f} onQuery={onQuery} />
        </li>
      ))}
    </ul>
  );
}

/** One panel of the report: a titled box; `figure` sits at the title's right end. */
export function ReportPanel(props: {
  readonly title: string;
  readonly id: string;
  readonly figure?: ReactNode;
  readonly children: ReactNode;
  readonly wide?: boolean;
}) {
  return (
    <section
      className={props.wide === true ? 'report-panel report-panel-wide' : 'report-panel'}
      aria-labelledby={`report-${props.id}`}
      data-testid={`report-panel-${props.id}`}
    >
      <h3 id={`report-${props.id}`} className="report-panel-title">
        <span>{props.title}</span>
        {props.figure}
      </h3>
      {props.children}
    </section>
  );
}

/** "n values (m events) of AWS services left out", or nothing when none were. */
export function ExcludedNote(props: {
  readonly excluded: { readonly values: number; readonly events: number };
}) {
  const { values, events } = props.excluded;
  if (values === 0) return null;
  return (
    <p className="muted report-note" data-testid="report-excluded">
      {formatCount(values)} AWS service {values === 1 ? 'value' : 'values'} ({formatCount(events)}{' '}
      events) left out
    </p>
  );
}
