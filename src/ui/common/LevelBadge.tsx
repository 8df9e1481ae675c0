import { logTitle } from './LogText';
import { visibleString } from './visibleText';
import { levelClass } from './ruleLevel';
import './RuleLevel.css';

/** A rule's Sigma level as a small coloured chip (the level is rule text: shown as text only). */
export function LevelBadge(props: { readonly level: string }) {
  const { level } = props;
  const shown = level.trim() === '' ? 'no level' : level;
  return (
    <span className={`level-badge ${levelClass(level)}`} title={`Level: ${logTitle(shown, 100)}`}>
      {visibleString(shown.slice(0, 40))}
    </span>
  );
}
