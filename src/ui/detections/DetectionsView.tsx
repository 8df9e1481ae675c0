import { useDetectionActions, useDetections } from '../../data/detectionQueries';
import type { RuleSummary } from '../../data/detectionQueries';
import { useIngestState } from '../../data/ingestState';
import { formatCount } from '../common/formatCount';
import { BenignRules } from './BenignRules';
import { CaseRules } from './CaseRules';
import { DetectionsExport } from './DetectionsExport';
import { DetectionsProgress } from './DetectionsStatus';
import { detectionFigures, groupRules, ruleClause, summaryText } from './detectionSummary';
import { HitRulesTable } from './HitRulesTable';
import { QuietRules } from './QuietRules';
import { SensitiveCalls } from './SensitiveCalls';
import './Detections.css';

/** The SigmaHQ rules' licence (rules/sigma/LICENSE.Detection.Rules.md holds its text). */
const LICENSE_URL = 'https://github.com/SigmaHQ/Detection-Rule-License';

/**
 * The Detections view: what the Sigma rules (the vendored SigmaHQ pack and the case's own files)
 * found over every event. The rules with hits first, most severe first, each a click away from
 * its events (`rule:<id>` applied as any query); the rules marked benign with their notes; the
 * rules without hits, collapsed; exports; the case's own rule files. Every rule shown carries its
 * author and a link to it (Detection Rule License 1.1).
 */
export function DetectionsView(props: {
  readonly timeZone: 'utc' | 'local';
  /** Applies a query to the event table and shows it. */
  readonly onQuery: (q: string) => void;
  /** Back to the event table (when this view's chunk cannot load). */
  readonly onClose: () => void;
}) {
  const { timeZone, onQuery } = props;
  const view = useDetections();
  const detecting = useIngestState((s) => s.detecting);
  const actions = useDetectionActions();
  if (view === undefined)
    return (
      <section className="detections-view" aria-label="Detections" id="main-view" role="tabpanel">
        <DetectionsProgress done={detecting?.done ?? 0} total={detecting?.total ?? 0} />
      </section>
    );
  const groups = groupRules(view.rules);
  const figures = detectionFigures(view.rules, view.eventsMatched);
  const packRules = view.rules.filter((r) => r.origin.kind === 'pack').length;
  const filter = (r: RuleSummary) => onQuery(ruleClause(r.id));
  return (
    <section
      className="detections-view"
      aria-label="Detections"
      id="main-view"
      role="tabpanel"
      aria-labelledby="main-tab-detections"
      data-testid="detections-view"
    >
      <header className="detections-head">
        <h2>Detections</h2>
        {detecting === undefined ? (
          <span className="detections-head-summary">{summaryText(figures)}</span>
        ) : (
          <DetectionsProgress done={detecting.done} total={detecting.total} />
        )}
        <DetectionsExport
          disabled={detecting !== undefined || groups.hit.length + groups.benign.length === 0}
        />
      </header>
      <p className="muted detections-credit">
        {formatCount(packRules)} SigmaHQ rules (
        <a href={view.pack.repository} target="_blank" rel="noopener noreferrer">
          SigmaHQ/sigma
        </a>{' '}
        at <span className="mono">{view.pack.commit.slice(0, 7)}</span>,{' '}
        <a href={LICENSE_URL} target="_blank" rel="noopener noreferrer">
          {view.pack.license}
        </a>
        )
        {view.rules.length > packRules
          ? ` and ${formatCount(view.rules.length - packRules)} of your own`
          : ''}{' '}
        ran over every event. A click on a rule shows its hits in the event table; hits marked
        benign are not counted.
      </p>
      {groups.hit.length === 0 ? (
        <p className="detections-none" data-testid="detections-none">
          {detecting === undefined
            ? groups.benign.length > 0
              ? 'No detection rule matched, besides the rules marked benign below.'
              : 'No detection rule matched.'
            : 'No hits yet: the rules are still running.'}
        </p>
      ) : (
        <HitRulesTable
          rules={groups.hit}
          timeZone={timeZone}
          onFilter={filter}
          onBenign={(r, note) => actions.suppress(r.id, undefined, note)}
        />
      )}
      <BenignRules
        rules={groups.benign}
        timeZone={timeZone}
        onUndo={(r) => actions.unsuppress(r.id, undefined)}
      />
      <SensitiveCalls onQuery={onQuery} />
      <QuietRules rules={groups.quiet} />
      <CaseRules files={view.files} />
    </section>
  );
}
