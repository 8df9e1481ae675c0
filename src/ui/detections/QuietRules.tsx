import type { RuleSummary } from '../../data/detectionQueries';
import { formatCount } from '../common/formatCount';
import { LogText } from '../common/LogText';
import { LevelBadge } from '../common/LevelBadge';
import { RuleCredit } from './RuleCredit';

/**
 * The rules that ran and matched nothing, collapsed: each with its level, title, ATT&CK techniques
 * and credit, so a responder can see what was looked for.
 */
export function QuietRules(props: { readonly rules: readonly RuleSummary[] }) {
  const { rules } = props;
  if (rules.length === 0) return null;
  return (
    <details className="detections-section quiet-rules" data-testid="detections-quiet">
      <summary>
        {formatCount(rules.length)} {rules.length === 1 ? 'rule' : 'rules'} without hits
      </summary>
      <ul className="rule-list">
        {rules.map((r) => (
          <li key={r.id} data-rule-id={r.id} className="rule-list-item">
            <LevelBadge level={r.level} />
            <span className="rule-list-main">
              <span className="rule-list-title">
                <LogText text={r.title} max={200} />
                {r.techniques.length === 0 ? null : (
                  <span className="muted mono"> {r.techniques.slice(0, 6).join(' ')}</span>
                )}
              </span>
              <span className="muted">
                {r.suppressed > 0 ? `${formatCount(r.suppressed)} benign · ` : ''}
                <RuleCredit rule={r} />
              </span>
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
