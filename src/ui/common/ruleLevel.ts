/**
 * Sigma's levels, most severe first.
 * @see https://sigmahq.io/sigma-specification/specification/sigma-rules-specification.html#level
 */
export const SIGMA_LEVELS = ['critical', 'high', 'medium', 'low', 'informational'] as const;

/** One of Sigma's levels. */
export type SigmaLevel = (typeof SIGMA_LEVELS)[number];

/**
 * The Sigma level `level` names (case-insensitive), or undefined for any other word: a case rule's
 * level is untrusted text, and only the five known ones get a colour.
 */
export function sigmaLevel(level: string): SigmaLevel | undefined {
  const lower = level.trim().toLowerCase();
  return SIGMA_LEVELS.find((l) => l === lower);
}

/** The CSS class colouring `level` (RuleLevel.css): `level-high`, or `level-other`. */
export function levelClass(level: string): string {
  return `level-${sigmaLevel(level) ?? 'other'}`;
}
