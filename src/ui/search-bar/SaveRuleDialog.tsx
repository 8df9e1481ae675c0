import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import { useDetectionActions } from '../../data/detectionQueries';
import { useQueryLists } from '../../data/queryLists';
import { openFileSink } from '../../data/saveFile';
import { DialogHead } from '../common/DialogHead';
import { LogText } from '../common/LogText';
import { queryRule, ruleFileName, sigmaDate } from './queryRule';
import '../common/modalDialog.css';
import './SaveRuleDialog.css';

/**
 * "Save query as rule": the applied query `q` as a Sigma rule for CloudTrail (sigma/ruleFromQuery),
 * a bridge to any SIEM that reads Sigma. The responder names it (title, author); the YAML is shown
 * read-only as text, with each approximation, or the reason no rule can hold the query. Download
 * saves `<title>.yml`; Add to this case adds it to the case's own rules (run over every event).
 * The time range is not part of a rule: a note says so when one is set.
 */
export function SaveRuleDialog(props: {
  readonly q: string;
  /** A time range is set on the view (a rule cannot carry it). */
  readonly ranged: boolean;
  readonly onClose: () => void;
}) {
  const { q, ranged, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  const { saved } = useQueryLists();
  const { addRuleFiles } = useDetectionActions();
  const [id] = useState(() => crypto.randomUUID());
  const [date] = useState(() => sigmaDate(new Date()));
  const [title, setTitle] = useState('');
  const [author, setAuthor] = useState('Cairn user');
  const [status, setStatus] = useState<{ readonly error: boolean; readonly text: string }>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null || dialog.open) return;
    dialog.showModal();
    titleInput.current?.focus();
  }, []);
  const rule = useMemo(
    () => queryRule(q, saved, { id, title: title.trim(), author: author.trim(), date }),
    [q, saved, id, title, author, date],
  );
  const named = title.trim() !== '';
  const fileName = ruleFileName(title);
  const download = async () => {
    if (!rule.ok) return;
    try {
      const sink = await openFileSink(fileName, 'application/yaml', '.yml');
      await sink.write(rule.yaml);
      await sink.close();
      setStatus({ error: false, text: `Saved ${fileName}` });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      setStatus({ error: true, text: `Could not save: ${String(e)}` });
    }
  };
  const add = async () => {
    if (!rule.ok) return;
    setBusy(true);
    try {
      const [reading] = await addRuleFiles([{ name: fileName, text: rule.yaml }]);
      setStatus(
        reading === undefined || reading.problems.length > 0
          ? {
              error: true,
              text: `Not added: ${reading?.problems.map((p) => p.message).join('; ') ?? 'no answer'}`,
            }
          : { error: false, text: `Added to this case as ${fileName}: see the Detections view` },
      );
    } catch (e) {
      setStatus({ error: true, text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog
      ref={ref}
      className="modal-dialog save-rule-dialog"
      aria-label="Save query as Sigma rule"
      data-testid="save-rule-dialog"
      onClose={onClose}
    >
      <DialogHead heading="Save query as Sigma rule" closeLabel="Close" onClose={onClose} />
      <p className="muted modal-intro">
        A Sigma rule for CloudTrail runs in any SIEM that reads Sigma, and in this case beside the
        SigmaHQ rules.
      </p>
      <div className="save-rule-body">
        <div className="save-rule-query">
          <span className="muted">Query</span>
          <span className="mono">
            <LogText text={q} max={2000} />
          </span>
        </div>
        <label className="save-rule-field">
          <span>Title</span>
          <input
            ref={titleInput}
            data-testid="save-rule-title"
            value={title}
            maxLength={200}
            placeholder="What the rule finds, e.g. CloudTrail logging stopped"
            onChange={(e) => {
              setTitle(e.target.value);
              setStatus(undefined);
            }}
          />
        </label>
        <label className="save-rule-field">
          <span>Author</span>
          <input
            value={author}
            maxLength={200}
            onChange={(e) => {
              setAuthor(e.target.value);
              setStatus(undefined);
            }}
          />
        </label>
        {rule.ok ? (
          <>
            {rule.notes.length === 0 && !ranged ? null : (
              <ul className="save-rule-notes" aria-label="Where the rule differs from the query">
                {rule.notes.map((n) => (
                  <li key={n}>
                    <LogText text={n} max={1000} />
                  </li>
                ))}
                {ranged ? (
                  <li>The time range is not part of the rule: it runs over every event.</li>
                ) : null}
              </ul>
            )}
            <pre className="save-rule-yaml" data-testid="save-rule-yaml" tabIndex={0}>
              {/* Line by line: LogText shows a line break inside a value as an escape. */}
              {rule.yaml.split('\n').map((line, i) => (
                <Fragment key={i}>
                  <LogText text={line} max={4000} />
                  {'\n'}
                </Fragment>
              ))}
            </pre>
          </>
        ) : (
          <p className="error" role="alert" data-testid="save-rule-refusal">
            No Sigma rule can hold this query: <LogText text={rule.message} max={1000} />
          </p>
        )}
        <div className="save-rule-actions">
          <button
            type="button"
            className="btn"
            disabled={!rule.ok || !named}
            title={named ? `Download ${fileName}` : 'Give the rule a title first'}
            onClick={() => void download()}
          >
            Download .yml
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="save-rule-add"
            disabled={!rule.ok || !named || busy}
            title={named ? 'Run it over every event of this case' : 'Give the rule a title first'}
            onClick={() => void add()}
          >
            Add to this case
          </button>
          {status === undefined ? null : (
            <span className={status.error ? 'error' : 'ok'} role="status">
              <LogText text={status.text} max={1000} />
            </span>
          )}
        </div>
      </div>
    </dialog>
  );
}
