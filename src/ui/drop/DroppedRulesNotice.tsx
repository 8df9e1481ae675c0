import { useDroppedRules } from '../../data/useDroppedRules';
import { LogText } from '../common/LogText';
import './DroppedRulesNotice.css';

/** Files listed before "N more": a dropped rule repository can hold thousands. */
const FILES_SHOWN = 50;
/** Problems listed per file. */
const PROBLEMS_SHOWN = 5;

/**
 * What became of the rule files of the last drop (useDroppedRules), until dismissed: per file, the
 * rule ids it added, or each problem with its line. File names and messages quote rule files and
 * paths, so they are text only.
 */
export function DroppedRulesNotice() {
  const { dropped, dismiss } = useDroppedRules();
  if (dropped === undefined) return null;
  const { readings, error } = dropped;
  const added = readings.filter((r) => r.problems.length === 0);
  const failed = readings.length - added.length;
  const rules = added.reduce((n, r) => n + r.ruleIds.length, 0);
  const bad = error !== undefined || failed > 0;
  return (
    <div
      className={bad ? 'notice notice-rules notice-rules-bad' : 'notice notice-rules'}
      role={bad ? 'alert' : 'status'}
      data-testid="dropped-rules"
    >
      <p>
        <strong>Rule files</strong>:{' '}
        {error === undefined
          ? `${rules} ${rules === 1 ? 'rule' : 'rules'} added from ${added.length} of ${readings.length} ${readings.length === 1 ? 'file' : 'files'}; they run over the whole case.`
          : `none added: ${error}`}
        {failed > 0 ? ` ${failed} could not be used:` : ''}
      </p>
      <ul className="dropped-rules-list">
        {readings.slice(0, FILES_SHOWN).map((r, i) => (
          <li key={i} data-testid="dropped-rule-file">
            <code>
              <LogText text={r.name} max={300} />
            </code>
            {r.problems.length === 0 ? (
              <span className="dropped-rules-ok">
                {' '}
                ✓ {r.ruleIds.length === 1 ? 'rule' : 'rules'}{' '}
                {r.ruleIds.map((id, j) => (
                  <code key={j}>
                    <LogText text={id} max={100} />
                  </code>
                ))}
              </span>
            ) : (
              <ul className="dropped-rules-problems">
                {r.problems.slice(0, PROBLEMS_SHOWN).map((p, j) => (
                  <li key={j}>
                    {p.line > 0 ? `line ${p.line}: ` : ''}
                    <LogText text={p.message} max={500} />
                  </li>
                ))}
                {r.problems.length > PROBLEMS_SHOWN ? (
                  <li>{r.problems.length - PROBLEMS_SHOWN} more problems</li>
                ) : null}
              </ul>
            )}
          </li>
        ))}
        {readings.length > FILES_SHOWN ? (
          <li className="muted">{readings.length - FILES_SHOWN} more files</li>
        ) : null}
      </ul>
      <button type="button" className="btn btn-small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
