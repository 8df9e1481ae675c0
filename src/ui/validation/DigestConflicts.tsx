import type { DigestConflict } from '../../data/types';
import { LogText } from '../common/LogText';

const KIND: Readonly<Record<DigestConflict['kind'], string>> = {
  duplicate: 'Two digests, one name',
  fork: 'Fork in the chain',
  misplaced: 'Stored under another name',
};

/**
 * What is wrong with the digest set as a whole (readDigestSet): each conflict with the files it
 * involves. Names and paths come from the evidence, so all are shown as text.
 */
export function DigestConflicts(props: { readonly conflicts: readonly DigestConflict[] }) {
  if (props.conflicts.length === 0) return null;
  return (
    <ul className="digest-conflicts error" aria-label="Digest set problems">
      {props.conflicts.map((c, i) => (
        <li
          key={`${c.kind}:${c.key}:${String(i)}`}
          data-testid="digest-conflict"
          data-kind={c.kind}
        >
          <strong>{KIND[c.kind]}:</strong> <LogText text={c.reason} />{' '}
          <span className="mono">
            <LogText text={c.key} />
          </span>
          <ul>
            {c.paths.map((p, j) => (
              <li key={`${p}:${String(j)}`} className="mono">
                <LogText text={p} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
