import { LogText } from '../common/LogText';

/** A rule's ATT&CK tactics (words) and techniques (ids), from its tags: untrusted text. */
export function AttackTags(props: {
  readonly tactics: readonly string[];
  readonly techniques: readonly string[];
}) {
  const { tactics, techniques } = props;
  if (tactics.length === 0 && techniques.length === 0) return <span className="muted">—</span>;
  return (
    <span className="attack-tags">
      {tactics.slice(0, 8).map((t) => (
        <span key={`a-${t}`} className="attack-tactic">
          <LogText text={t} max={60} />
        </span>
      ))}
      {techniques.slice(0, 12).map((t) => (
        <span key={`t-${t}`} className="attack-technique mono">
          <LogText text={t} max={20} />
        </span>
      ))}
    </span>
  );
}
