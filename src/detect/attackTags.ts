/** ATT&CK tactics and techniques of a rule, read from its Sigma tags. */
export interface AttackContext {
  /** Tactic names as tagged (`defense-evasion`, `credential-access`). */
  readonly tactics: readonly string[];
  /** Technique ids, upper-cased (`T1562.008`). */
  readonly techniques: readonly string[];
}

const TECHNIQUE = /^t\d{4}(\.\d{3})?$/i;
// Group, software and mitigation ids (g0016, s0002, m1032) are not tactics.
const OTHER_ID = /^[gsm]\d{4}$/i;

/**
 * Splits `attack.*` tags into tactics and techniques: `attack.t1562.008` is a technique, any other
 * `attack.<name>` that is not a group/software/mitigation id a tactic; other namespaces (`cve.`,
 * `detection.`) are ignored.
 * @see https://sigmahq.io/sigma-specification/appendix/sigma-tags-appendix.html
 */
export function attackTags(tags: readonly string[]): AttackContext {
  const tactics: string[] = [];
  const techniques: string[] = [];
  for (const tag of tags) {
    if (!tag.toLowerCase().startsWith('attack.')) continue;
    const name = tag.slice('attack.'.length);
    if (TECHNIQUE.test(name)) techniques.push(name.toUpperCase());
    else if (!OTHER_ID.test(name) && name !== '')
      tactics.push(name.toLowerCase().replaceAll('_', '-'));
  }
  return { tactics: [...new Set(tactics)], techniques: [...new Set(techniques)] };
}

/** Sigma levels, most severe first; an unknown level sorts after them. */
export const LEVELS = ['critical', 'high', 'medium', 'low', 'informational'] as const;

/** A level's rank for sorting: 0 for critical … 4 informational, 5 unknown. */
export function levelRank(level: string): number {
  const i = LEVELS.findIndex((l) => l === level.toLowerCase());
  return i < 0 ? LEVELS.length : i;
}
