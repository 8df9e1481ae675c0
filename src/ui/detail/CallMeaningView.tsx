import { useState } from 'react';
import type { CallLink } from '../../cloudtrail/callMeanings';
import { useCallMeaning } from '../../data/useCallMeaning';
import { callMeaningFacts } from './callMeaningFacts';
import './CallMeaningView.css';

/**
 * "What this call means": TrailDiscover's description of the event's call, its ATT&CK tactics and,
 * opened, its techniques, incidents and research, always with the credit CC BY 4.0 asks for. Closed,
 * it takes three short lines, so the event's own fields stay in view. Nothing for a call TrailDiscover
 * does not describe. Every string is React text; links are checked http(s) URLs (readCallMeanings).
 */
export function CallMeaningView(props: {
  readonly eventSource: string;
  readonly eventName: string;
}) {
  const { eventSource, eventName } = props;
  const meaning = useCallMeaning(eventSource, eventName);
  const [open, setOpen] = useState(false);
  if (meaning === undefined) return null;
  const facts = callMeaningFacts(meaning, eventSource);
  return (
    <section
      className={`detail-section call-meaning${open ? ' call-meaning-open' : ''}`}
      aria-label="What this call means"
      data-testid="call-meaning"
    >
      <div className="call-meaning-head">
        <h3>What this call means</h3>
        <button
          type="button"
          className="json-button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? 'less' : 'more'}
        </button>
      </div>
      <p className="call-meaning-description" data-testid="call-meaning-description">
        {meaning.description}
      </p>
      {facts.sourceNote === undefined ? null : (
        <p className="muted call-meaning-line">{facts.sourceNote}</p>
      )}
      <p className="call-meaning-line">
        {facts.tacticsLine === '' ? null : (
          <span className="call-meaning-tactics" title="MITRE ATT&CK tactics">
            {facts.tacticsLine}
          </span>
        )}
        {facts.incidentsLine === '' ? null : (
          <span className="muted"> · seen in {facts.incidentsLine}</span>
        )}
      </p>
      {open ? (
        <>
          {facts.techniques.length === 0 ? null : (
            <Items title="ATT&CK techniques" items={facts.techniques} />
          )}
          <Links title="Used in real incidents" links={meaning.incidents} />
          <Links title="Research" links={meaning.research} />
        </>
      ) : null}
      <p className="call-meaning-credit muted" data-testid="call-meaning-credit">
        <a href={facts.credit.href} target="_blank" rel="noopener noreferrer">
          {facts.credit.text}
        </a>
      </p>
    </section>
  );
}

function Items(props: { readonly title: string; readonly items: readonly string[] }) {
  return (
    <div className="call-meaning-list">
      <h4>{props.title}</h4>
      <ul>
        {props.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

function Links(props: { readonly title: string; readonly links: readonly CallLink[] }) {
  if (props.links.length === 0) return null;
  return (
    <div className="call-meaning-list">
      <h4>{props.title}</h4>
      <ul>
        {props.links.map((l, i) => (
          <li key={i}>
            <a href={l.link} target="_blank" rel="noopener noreferrer">
              {l.title}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
