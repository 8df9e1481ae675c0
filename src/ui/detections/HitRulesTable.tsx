import { useState } from 'react';
import type { RuleSummary } from '../../data/detectionQueries';
import { formatCount } from '../common/formatCount';
import { formatTime, zoneLabel } from '../common/formatTime';
import { LogText } from '../common/LogText';
import { AttackTags } from './AttackTags';
import { BenignForm } from './BenignForm';
import { LevelBadge } from '../common/LevelBadge';
import { RuleCredit } from './RuleCredit';

const COLUMNS = 9;

/**
 * The rules with hits, most severe first (the engine's order): level, title (a click filters the
 * table to the rule's hits), ATT&CK context, hit count, first and last hit in the chosen time zone,
 * distinct identities and source IPs, and the credit each hit needs (DRL 1.1). Each rule can be
 * marked benign as a whole, with a note, from an inline form.
 */
export function HitRulesTable(props: {
  readonly rules: readonly RuleSummary[];
  readonly timeZone: 'utc' | 'local';
  readonly onFilter: (rule: RuleSummary) => void;
  readonly onBenign: (rule: RuleSummary, note: string) => Promise<void>;
}) {
  const { rules, timeZone, onFilter, onBenign } = props;
  const [marking, setMarking] = useState<string | undefined>();
  const zone = zoneLabel(timeZone);
  return (
    <table className="detections-table" data-testid="detections-hits">
      <thead>
        <tr>
          <th scope="col">Level</th>
          <th scope="col">Rule</th>
          <th scope="col">ATT&amp;CK</th>
          <th scope="col" className="num">
            Hits
          </th>
          <th scope="col">First hit ({zone})</th>
          <th scope="col">Last hit ({zone})</th>
          <th scope="col" className="num" title="Distinct user names over the hits">
            Identities
          </th>
          <th scope="col" className="num" title="Distinct source IP addresses over the hits">
            Source IPs
          </th>
          <th scope="col">
            <span className="visually-hidden">Triage</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <RuleRows
            key={r.id}
            rule={r}
            timeZone={timeZone}
            marking={marking === r.id}
            onFilter={() => onFilter(r)}
            onMark={() => setMarking(r.id)}
            onCancel={() => setMarking(undefined)}
            onBenign={async (note) => {
              await onBenign(r, note);
              setMarking(undefined);
            }}
          />
        ))}
      </tbody>
    </table>
  );
}

function RuleRows(props: {
  readonly rule: RuleSummary;
  readonly timeZone: 'utc' | 'local';
  readonly marking: boolean;
  readonly onFilter: () => void;
  readonly onMark: () => void;
  readonly onCancel: () => void;
  readonly onBenign: (note: string) => Promise<void>;
}) {
  const { rule: r, timeZone } = props;
  return (
    <>
      <tr data-rule-id={r.id} data-hits={r.hits}>
        <td>
          <LevelBadge level={r.level} />
        </td>
        <td className="rule-cell">
          <button
            type="button"
            className="rule-title"
            title="Show this rule's hits in the event table"
            onClick={props.onFilter}
          >
            <LogText text={r.title} max={200} />
          </button>
          <RuleCredit rule={r} />
        </td>
        <td>
          <AttackTags tactics={r.tactics} techniques={r.techniques} />
        </td>
        <td className="num">
          <strong data-testid="rule-hits">{formatCount(r.hits)}</strong>
          {r.suppressed > 0 ? (
            <span className="muted rule-suppressed" title="Hits marked benign one by one">
              {' '}
              +{formatCount(r.suppressed)} benign
            </span>
          ) : null}
        </td>
        <td className="mono nowrap">
          {r.firstMs === undefined ? '' : formatTime(r.firstMs, timeZone)}
        </td>
        <td className="mono nowrap">
          {r.lastMs === undefined ? '' : formatTime(r.lastMs, timeZone)}
        </td>
        <td className="num">{formatCount(r.identities)}</td>
        <td className="num">{formatCount(r.sourceIps)}</td>
        <td className="nowrap">
          {props.marking ? null : (
            <button
              type="button"
              className="btn btn-small"
              aria-label={`Mark "${r.title}" benign…`}
              title="Mark all of this rule's hits benign, with a note (kept with the case)"
              onClick={props.onMark}
            >
              Mark benign…
            </button>
          )}
        </td>
      </tr>
      {props.marking ? (
        <tr className="benign-form-row">
          <td colSpan={COLUMNS}>
            <BenignForm title={r.title} onSubmit={props.onBenign} onCancel={props.onCancel} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
