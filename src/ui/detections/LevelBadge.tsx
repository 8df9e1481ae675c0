import { logTitle } from '../common/LogText';

/** Sigma's levels, most severe first; each has a badge colour in Detections.css. */
const KNOWN = ['critical', 'high', 'medium', 'low', 'informational'] as const;

/**
 * A rule's Sigma `level` as a coloured badge (critical red … informational grey, readable in both
 * themes). The level comes from the rule file: an unknown one is shown as text in a plain badge.
 * @see https://sigmahq.io/sigma-specification/specification/sigma-rules-specification.html#level
 */
export function LevelBadge(props: { readonly level: string }) {
  const level = props.level.toLowerCase();
  const known = KNOWN.find((l) => l === level);
  const text = known ?? (level === '' ? 'no level' : props.level.slice(0, 20));
  return (
    <span
      className={`level-badge level-${known ?? 'other'}`}
      data-level={known ?? 'other'}
      title={known === undefined ? logTitle(props.level, 200) : `Sigma level: ${known}`}
    >
      {known === 'informational' ? 'info' : text}
    </span>
  );
}
