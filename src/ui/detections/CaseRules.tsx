import { useRef, useState } from 'react';
import { useDetectionActions } from '../../data/detectionQueries';
import type { RuleFileReading } from '../../data/detectionQueries';
import { formatCount } from '../common/formatCount';
import { LogText } from '../common/LogText';
import { SaveRuleButton } from '../search-bar/SaveRuleButton';
import { readRuleFiles } from './readRuleFiles';

/** One picked file's outcome: the rule ids it added, or its problems (line 0: the whole file). */
interface Outcome {
  readonly name: string;
  readonly ruleIds: readonly string[];
  readonly problems: readonly { readonly message: string; readonly line: number }[];
}

/**
 * "Your rules": Sigma rule files the responder adds to the case (kept with it, carried in its
 * bundle, run over every event). After a pick, each file's outcome is listed: the rule ids it
 * added, or every problem with its line; a file over 256 KB is refused before it is sent. The
 * case's files are listed with Remove.
 */
export function CaseRules(props: { readonly files: readonly RuleFileReading[] }) {
  const { files } = props;
  const actions = useDetectionActions();
  const input = useRef<HTMLInputElement>(null);
  const [outcomes, setOutcomes] = useState<readonly Outcome[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const add = async (list: FileList | null) => {
    if (list === null || list.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      const picked = await readRuleFiles([...list]);
      const refused: Outcome[] = picked.flatMap((p) =>
        p.ok ? [] : [{ name: p.name, ruleIds: [], problems: [{ message: p.message, line: 0 }] }],
      );
      const readable = picked.flatMap((p) => (p.ok ? [{ name: p.name, text: p.text }] : []));
      const readings = readable.length === 0 ? [] : await actions.addRuleFiles(readable);
      setOutcomes([...readings, ...refused]);
    } catch (caught) {
      setOutcomes([]);
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
      if (input.current !== null) input.current.value = '';
    }
  };
  const remove = (name: string) => {
    setError(undefined);
    actions.removeRuleFile(name).catch((e: unknown) => setError(String(e)));
  };
  return (
    <section className="detections-section case-rules" aria-labelledby="case-rules-heading">
      <h3 id="case-rules-heading">Your rules</h3>
      <p className="muted">
        Sigma rule files (<code>.yml</code>) added here are kept with this case, travel in its case
        bundle and run over every event, like the SigmaHQ rules. <em>Save as rule…</em> turns the
        applied query into one (also in <em>Save query…</em>).
      </p>
      <div className="case-rules-add">
        <input
          ref={input}
          type="file"
          data-testid="rules-input"
          multiple
          accept=".yml,.yaml"
          hidden
          onChange={(e) => void add(e.target.files)}
        />
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          Add rule files…
        </button>
        <SaveRuleButton />
        {busy ? (
          <span className="muted" role="status">
            Reading the rules…
          </span>
        ) : null}
      </div>
      {error === undefined ? null : (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {outcomes.length === 0 ? null : (
        <ul className="rule-outcomes" data-testid="rule-outcomes" aria-label="Files just added">
          {outcomes.map((o, i) => (
            <li
              key={`${i}-${o.name}`}
              data-file={o.name}
              data-ok={o.problems.length === 0 ? 'true' : 'false'}
            >
              <span className="mono">
                <LogText text={o.name} max={200} />
              </span>
              {o.problems.length === 0 ? (
                <span className="ok">
                  {' '}
                  added {o.ruleIds.length === 1 ? 'rule' : 'rules'}{' '}
                  <span className="mono">
                    <LogText text={o.ruleIds.join(', ')} max={500} />
                  </span>
                </span>
              ) : (
                <ProblemList problems={o.problems} />
              )}
            </li>
          ))}
        </ul>
      )}
      {files.length === 0 ? (
        <p className="muted">No rule files of this case yet.</p>
      ) : (
        <ul className="rule-files" data-testid="rule-files" aria-label="This case's rule files">
          {files.map((f) => (
            <li key={f.name} data-file={f.name}>
              <span className="mono">
                <LogText text={f.name} max={200} />
              </span>
              {f.problems.length === 0 ? (
                <span className="muted">
                  {' '}
                  {formatCount(f.ruleIds.length)} {f.ruleIds.length === 1 ? 'rule' : 'rules'}
                </span>
              ) : (
                <ProblemList problems={f.problems} />
              )}
              <button
                type="button"
                className="btn btn-small"
                aria-label={`Remove ${f.name}`}
                disabled={busy}
                onClick={() => remove(f.name)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ProblemList(props: {
  readonly problems: readonly { readonly message: string; readonly line: number }[];
}) {
  return (
    <ul className="rule-problems error">
      {props.problems.slice(0, 50).map((p, i) => (
        <li key={i}>
          {p.line > 0 ? `line ${p.line}: ` : ''}
          <LogText text={p.message} max={500} />
        </li>
      ))}
    </ul>
  );
}
