import { useQuery } from '@tanstack/react-query';
import { eventHitsQuery } from '../../data/detectionQueries';
import { RuleHitItem } from './RuleHitItem';
import './DetectionHits.css';

/**
 * The detection rules event `row` matched, most severe first, at the top of the detail pane (none:
 * nothing rendered). The first rule is open, the others show their title line; each credits its
 * author and links to the rule (DRL 1.1), and each hit can be marked benign with a note.
 */
export function DetectionHits(props: {
  readonly row: number;
  /** Replaces the query (Filter: `rule:<id>`). */
  readonly onQuery: (q: string) => void;
}) {
  const { row, onQuery } = props;
  const hits = useQuery(eventHitsQuery(row)).data;
  if (hits === undefined || hits.length === 0) return null;
  const active = hits.filter((h) => h.suppression === undefined).length;
  return (
    <section
      className="detail-section detection-hits"
      aria-label="Detections"
      data-testid="detection-hits"
    >
      <h3>
        Detections{' '}
        <span className="detection-hits-count">
          · {hits.length} {hits.length === 1 ? 'rule' : 'rules'} matched
          {active < hits.length ? `, ${hits.length - active} marked benign` : ''}
        </span>
      </h3>
      <ul className="hit-list">
        {hits.map((hit) => (
          // Keyed by the event too: another event starts with its rules closed.
          <RuleHitItem
            key={`${row} ${hit.rule.id}`}
            hit={hit}
            row={row}
            open={false}
            onQuery={onQuery}
          />
        ))}
      </ul>
    </section>
  );
}
