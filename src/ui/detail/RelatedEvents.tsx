import { useQuery } from '@tanstack/react-query';
import { objectAt, stringAt } from '../../lib/isObject';
import { countQuery } from '../../data/searchQueries';
import type { RowView } from '../../data/types';
import { formatCount } from '../common/formatCount';
import { quoteValue } from '../search-bar/tokenAtCursor';
import { logTitle } from '../common/LogText';

interface Pivot {
  readonly label: string;
  readonly q: string;
}

/**
 * One-click pivots from an event to the events that share its access key, session, request, source IP
 * or user. Each shows its count when the index answers it alone; the others search stored records.
 */
export function RelatedEvents(props: {
  readonly row: RowView;
  readonly record: unknown;
  readonly onQuery: (q: string) => void;
}) {
  const pivots = pivotsOf(props.row, props.record);
  if (pivots.length === 0) return null;
  return (
    <section className="detail-section related" aria-label="Related events">
      <h3>Related events</h3>
      <ul className="related-list">
        {pivots.map((p) => (
          <PivotButton key={p.label} pivot={p} onQuery={props.onQuery} />
        ))}
      </ul>
    </section>
  );
}

function PivotButton(props: { readonly pivot: Pivot; readonly onQuery: (q: string) => void }) {
  const { pivot, onQuery } = props;
  const count = useQuery(countQuery(pivot.q)).data;
  return (
    <li>
      <button
        type="button"
        className="btn btn-small"
        data-pivot={pivot.label}
        title={logTitle(pivot.q)}
        onClick={() => onQuery(pivot.q)}
      >
        {pivot.label}
        <span className="muted">
          {' '}
          {count === undefined || count === null ? '→' : formatCount(count)}
        </span>
      </button>
    </li>
  );
}

function pivotsOf(row: RowView, record: unknown): Pivot[] {
  const identity = objectAt(record, 'userIdentity');
  const session = objectAt(identity, 'sessionContext');
  const issuer = stringAt(objectAt(session, 'sessionIssuer'), 'arn');
  const created = stringAt(objectAt(session, 'attributes'), 'creationDate');
  const requestID = stringAt(record, 'requestID');
  const sharedEventID = stringAt(record, 'sharedEventID');
  const out: Pivot[] = [];
  const add = (label: string, q: string | undefined) => {
    if (q !== undefined) out.push({ label, q });
  };
  const clause = (field: string, value: string) =>
    value === '' ? undefined : `${field}:${quoteValue(value)}`;
  add('Same access key', clause('accessKeyId', row.accessKeyId));
  if (issuer !== undefined && created !== undefined) {
    add(
      'Same session',
      `userIdentity.sessionContext.sessionIssuer.arn:${quoteValue(issuer)} userName:${quoteValue(row.userName)} userIdentity.sessionContext.attributes.creationDate:${quoteValue(created)}`,
    );
  }
  add('Same user', clause('userName', row.userName));
  add('Same source IP', clause('sourceIPAddress', row.sourceIPAddress));
  add('Same request ID', requestID === undefined ? undefined : clause('requestID', requestID));
  add(
    'Same shared event',
    sharedEventID === undefined ? undefined : clause('sharedEventID', sharedEventID),
  );
  return out;
}
