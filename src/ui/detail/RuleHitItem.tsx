import { useId, useState } from 'react';
import type { EventRuleHit } from '../../data/detectionQueries';
import { LevelBadge } from '../common/LevelBadge';
import { levelClass } from '../common/ruleLevel';
import { LogText, logTitle } from '../common/LogText';
import { quoteValue } from '../search-bar/tokenAtCursor';
import { HitTriage } from './HitTriage';
import { httpUrl, techniqueUrl } from './httpUrl';
import { RuleCredit } from './RuleCredit';

/** References listed before "N more": a rule rarely has more, a hostile one may have hundreds. */
const REFERENCES_SHOWN = 5;

/**
 * One rule an event matched: its title line (level, title, Filter) and the author's credit always
 * shown; below them, when open, the description, ATT&CK tactics and techniques, the triage action, and
 * a toggle for the false positives and references. Every string here comes from a rule file: text
 * only.
 */
export function RuleHitItem(props: {
  readonly hit: EventRuleHit;
  readonly row: number;
  readonly open: boolean;
  readonly onQuery: (q: string) => void;
}) {
  const { hit, row, onQuery } = props;
  const { rule, suppression } = hit;
  const [open, setOpen] = useState(props.open);
  const bodyId = useId();
  const clause = `rule:${quoteValue(rule.id)}`;
  return (
    <li
      className={`hit ${levelClass(rule.level)}${suppression === undefined ? '' : ' is-benign'}`}
      data-testid="detection-hit"
      data-rule-id={rule.id}
    >
      <div className="hit-head">
        <button
          type="button"
          className="hit-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          <span className="hit-caret" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <LevelBadge level={rule.level} />
          <span className="hit-title">
            <LogText text={rule.title} max={300} />
          </span>
        </button>
        <button
          type="button"
          className="btn btn-small"
          title={logTitle(`Show every hit of this rule: ${clause}`)}
          onClick={() => onQuery(clause)}
        >
          Filter
        </button>
      </div>
      {/* The credit the DRL 1.1 asks for stays in view, open or closed. */}
      <RuleCredit rule={rule} />
      {suppression === undefined ? null : <HitTriage hit={hit} row={row} />}
      {open ? (
        <div className="hit-body" id={bodyId}>
          {rule.description.trim() === '' ? null : (
            <p className="hit-description">
              <LogText text={rule.description} max={2000} />
            </p>
          )}
          <AttackLine tactics={rule.tactics} techniques={rule.techniques} />
          <div className="hit-actions">
            {suppression === undefined ? <HitTriage hit={hit} row={row} /> : null}
            <RuleNotes falsepositives={rule.falsepositives} references={rule.references} />
          </div>
        </div>
      ) : null}
    </li>
  );
}

function AttackLine(props: {
  readonly tactics: readonly string[];
  readonly techniques: readonly string[];
}) {
  const { tactics, techniques } = props;
  if (tactics.length === 0 && techniques.length === 0) return null;
  return (
    <p className="hit-attack">
      <span className="hit-label">ATT&amp;CK</span>
      {tactics.map((t) => (
        <span key={t} className="hit-tactic">
          <LogText text={t} max={80} />
        </span>
      ))}
      {techniques.map((t) => {
        const href = techniqueUrl(t);
        return href === undefined ? (
          <code key={t}>
            <LogText text={t} max={40} />
          </code>
        ) : (
          <a
            key={t}
            href={href}
            target="_blank"
            rel="noopener noreferrer"
            className="hit-technique"
          >
            {t}
          </a>
        );
      })}
    </p>
  );
}

/**
 * The rule's false positives and references, behind a toggle: they run long (a paragraph per false
 * positive in some SigmaHQ rules) and the event's own summary must stay on the first screen.
 */
function RuleNotes(props: {
  readonly falsepositives: readonly string[];
  readonly references: readonly string[];
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const falsepositives = props.falsepositives.filter((i) => i.trim() !== '');
  const references = props.references.filter((i) => i.trim() !== '');
  if (falsepositives.length === 0 && references.length === 0) return null;
  const what = [
    falsepositives.length === 0 ? '' : `False positives (${falsepositives.length})`,
    references.length === 0 ? '' : `References (${references.length})`,
  ]
    .filter((w) => w !== '')
    .join(' · ');
  return (
    <>
      <button
        type="button"
        className="btn btn-small btn-ghost hit-notes-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {open ? '▾' : '▸'} {what}
      </button>
      {open ? (
        <div className="hit-notes" id={id}>
          <TextList label="False positives" items={falsepositives} />
          <References items={references} />
        </div>
      ) : null}
    </>
  );
}

function TextList(props: { readonly label: string; readonly items: readonly string[] }) {
  const { items } = props;
  if (items.length === 0) return null;
  return (
    <div className="hit-list-field">
      <span className="hit-label">{props.label}</span>
      <ul>
        {items.slice(0, 20).map((item, i) => (
          <li key={i}>
            <LogText text={item} max={500} />
          </li>
        ))}
        {items.length > 20 ? <li className="muted">{items.length - 20} more</li> : null}
      </ul>
    </div>
  );
}

function References(props: { readonly items: readonly string[] }) {
  const [all, setAll] = useState(false);
  const { items } = props;
  if (items.length === 0) return null;
  const shown = all ? items.slice(0, 500) : items.slice(0, REFERENCES_SHOWN);
  return (
    <div className="hit-list-field">
      <span className="hit-label">References</span>
      <ul className="hit-references">
        {shown.map((item, i) => {
          const href = httpUrl(item);
          return (
            <li key={i}>
              {href === undefined ? (
                <LogText text={item} max={500} />
              ) : (
                <a href={href} target="_blank" rel="noopener noreferrer" title={logTitle(href)}>
                  <LogText text={item} max={300} />
                </a>
              )}
            </li>
          );
        })}
        {items.length > REFERENCES_SHOWN ? (
          <li>
            <button
              type="button"
              className="json-button"
              aria-expanded={all}
              onClick={() => setAll(!all)}
            >
              {all ? 'show fewer' : `${items.length - REFERENCES_SHOWN} more`}
            </button>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
