import type { IdentityProfileView } from '../../data/identityQueries';
import { formatCount } from '../common/formatCount';
import { LevelBadge } from '../common/LevelBadge';
import { LogText } from '../common/LogText';
import { CountLink } from './CountLink';

/** The detection rules with active hits on the identity's events, each count a link to them. */
export function DetectionsPanel(props: {
  readonly rules: IdentityProfileView['detections'];
  readonly onEvents: (q: string) => void;
}) {
  const { rules, onEvents } = props;
  return (
    <section className="profile-panel" data-testid="profile-detections" aria-label="Detection hits">
      <h3>
        Detection hits <span className="muted">{formatCount(rules.length)} rules</span>
      </h3>
      {rules.length === 0 ? (
        <p className="muted">None</p>
      ) : (
        <ul className="profile-rules">
          {rules.map((r) => (
            <li key={r.ruleId}>
              <LevelBadge level={r.level} /> <LogText text={r.title} max={160} />{' '}
              <CountLink count={r.hits.count} q={r.hits.q} onEvents={onEvents} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
