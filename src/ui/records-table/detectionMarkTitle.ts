import type { RowDetection } from '../../data/types';
import { visibleString } from '../common/visibleText';

/**
 * The tooltip and accessible label of a row's detection marker, e.g. "Matched 2 rules, high" (the
 * most severe level of its active hits; a case rule's level is rule text, cut and made visible).
 */
export function detectionMarkTitle(detection: RowDetection): string {
  const rules = detection.rules === 1 ? '1 rule' : `${detection.rules} rules`;
  const level = visibleString(detection.level.trim().slice(0, 40));
  return level === '' ? `Matched ${rules}` : `Matched ${rules}, ${level}`;
}
