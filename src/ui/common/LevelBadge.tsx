import { logTitle } from './LogText';
import { visibleString } from './visibleText';
import { levelClass, sigmaLevel } from './ruleLevel';
import './RuleLevel.css';

/** A rule's Sigma level as a small coloured chip (the level is rule text: shown as text only). */
export function LevelBadge(props: { readonly level: string }) {
  const { level } = props;
  const known = sigmaLevel(level);
  const shown = level.trim() === '' ? 'no level' : known === 'informational' ? 'info' : level;
  return (
    <span
      className={`level-badge ${levelClass(level)}`}
      data-level={known ?? 'other'}
      title={`Sigma level: ${logTitle(level.trim() === '' ? 'none' : level, 100)}`}
    >
      {visibleString(shown.slice(0, 40))}
    </span>
  );
}
