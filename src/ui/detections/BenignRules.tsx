import { useState } from 'react';
import type { RuleSummary } from '../../data/detectionQueries';
import { formatCount } from '../common/formatCount';
import { formatTime } from '../common/formatTime';
import { LogText } from '../common/LogText';
import { LevelBadge } from '../common/LevelBadge';
import { RuleCredit } from './RuleCredit';

/**
 * The rules marked benign as a whole: each with its note, when it was marked, the hits it silences,
 * the credit (DRL 1.1: its hits are still shown as a count), and Undo.
 */
export function BenignRules(props: {
  readonly rules: readonly RuleSummary[];
  readonly timeZone: 'utc' | 'local';
  readonly onUndo: (rule: RuleSummary) => Promise<void>;
}) {
  const { rules, timeZone, onUndo } = props;
  const [error, setError] = useState<string | undefined>();
  if (rules.length === 0) return null;
  return (
    <section className="detections-section" aria-labelledby="detections-benign-heading">
      <h3 id="detections-benign-heading">Marked benign ({formatCount(rules.length)})</h3>
      <ul className="rule-list" data-testid="detections-benign">
        {rules.map((r) => (
          <li key={r.id} data-rule-id={r.id} className="rule-list-item">
            <LevelBadge level={r.level} />
            <span className="rule-list-main">
              <span className="rule-list-title">
                <LogText text={r.title} max={200} />
              </span>
              <span className="muted">
                {formatCount(r.suppressed)} {r.suppressed === 1 ? 'hit' : 'hits'} ·{' '}
                <RuleCredit rule={r} />
              </span>
              {r.benign === undefined ? null : (
                <span className="benign-note">
                  <span className="muted">
                    Marked benign {formatTime(r.benign.at, timeZone)}
                    {r.benign.note === '' ? '' : ': '}
                  </span>
                  <LogText text={r.benign.note} max={4000} />
                </span>
              )}
            </span>
            <button
              type="button"
              className="btn btn-small"
              aria-label={`Undo: "${r.title}" is no longer benign`}
              onClick={() => {
                setError(undefined);
                onUndo(r).catch((e: unknown) => setError(String(e)));
              }}
            >
              Undo
            </button>
          </li>
        ))}
      </ul>
      {error === undefined ? null : (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
