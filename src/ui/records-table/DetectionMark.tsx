import type { RowDetection } from '../../data/types';
import { levelClass } from '../common/ruleLevel';
import { detectionMarkTitle } from './detectionMarkTitle';
import '../common/RuleLevel.css';

/**
 * A row's detection marker in the marks column: a diamond in the colour of the most severe level
 * among the rules with an active hit on the event, its title and label saying how many matched.
 */
export function DetectionMark(props: { readonly detection: RowDetection | undefined }) {
  const { detection } = props;
  if (detection === undefined) return null;
  const title = detectionMarkTitle(detection);
  return (
    <span
      className={`row-mark level-mark ${levelClass(detection.level)}`}
      title={title}
      aria-label={title}
      role="img"
      data-testid="detection-mark"
    >
      ◆
    </span>
  );
}
