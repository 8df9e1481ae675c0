import { markdownText } from '../lib/markdownText';
import Papa from 'papaparse';
import { FORMULA_START } from '../lib/formulaStart';
import type { RuleSummary } from './summarizeRule';

/** The formats the Detections view exports. */
export type ReportFormat = 'markdown' | 'json' | 'csv';

/** What a report covers: the view's rules (with hits or suppressed hits are reported). */
export interface ReportInput {
  readonly rules: readonly RuleSummary[];
  readonly pack: { readonly repository: string; readonly commit: string; readonly license: string };
  readonly eventsMatched: number;
}

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

/** The rule's credit as the Detection Rule License 1.1 asks: its author and a link to it. */
function credit(r: RuleSummary): { readonly author: string; readonly link: string } {
  return {
    author: r.author,
    link: r.origin.kind === 'pack' ? r.origin.url : `case rule file ${r.origin.file}`,
  };
}

/**
 * The Detections view as text: Markdown for a report, JSON for tools, CSV for spreadsheets. Only
 * rules with hits (active or suppressed) are listed; each carries its author and link (DRL 1.1).
 * Rule text is untrusted: Markdown escapes it (no raw HTML or links from a rule's fields except its
 * own URL as code), CSV neutralises formulas.
 * @see https://github.com/SigmaHQ/Detection-Rule-License
 */
export function detectionReport(view: ReportInput, format: ReportFormat): string {
  const rules = view.rules.filter((r) => r.hits + r.suppressed > 0);
  if (format === 'json') {
    return JSON.stringify(
      {
        eventsMatched: view.eventsMatched,
        rules: rules.map((r) => ({
          id: r.id,
          title: r.title,
          level: r.level,
          tactics: r.tactics,
          techniques: r.techniques,
          hits: r.hits,
          suppressed: r.suppressed,
          benign: r.benign ?? null,
          firstHit: r.firstMs === undefined ? null : iso(r.firstMs),
          lastHit: r.lastMs === undefined ? null : iso(r.lastMs),
          identities: r.identities,
          sourceIps: r.sourceIps,
          ...credit(r),
        })),
        license: `SigmaHQ rules: ${view.pack.license}, ${view.pack.repository} at ${view.pack.commit}`,
      },
      null,
      2,
    );
  }
  if (format === 'csv') {
    const cell = (v: string | number) =>
      typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v;
    return Papa.unparse({
      fields: [
        'level',
        'title',
        'id',
        'hits',
        'suppressed',
        'first hit',
        'last hit',
        'identities',
        'source IPs',
        'tactics',
        'techniques',
        'author',
        'link',
      ],
      data: rules.map((r) =>
        [
          r.level,
          r.title,
          r.id,
          r.hits,
          r.suppressed,
          iso(r.firstMs),
          iso(r.lastMs),
          r.identities,
          r.sourceIps,
          r.tactics.join(' '),
          r.techniques.join(' '),
          credit(r).author,
          credit(r).link,
        ].map(cell),
      ),
    });
  }
  const lines = [
    '# Detections',
    '',
    `${rules.filter((r) => r.hits > 0).length} rules matched ${view.eventsMatched} events.`,
    '',
    '| Level | Rule | Hits | Suppressed | First hit | Last hit | Identities | Source IPs | ATT&CK |',
    '| --- | --- | ---: | ---: | --- | --- | ---: | ---: | --- |',
    ...rules
      .map((r) =>
        [
          markdownText(r.level),
          `${markdownText(r.title)} (\`${r.id}\`)`,
          r.hits,
          r.suppressed,
          iso(r.firstMs),
          iso(r.lastMs),
          r.identities,
          r.sourceIps,
          markdownText([...r.tactics, ...r.techniques].join(', ')),
        ].join(' | '),
      )
      .map((row) => `| ${row} |`),
    '',
    '## Rule credits',
    '',
    ...rules.map(
      (r) =>
        `- ${markdownText(r.title)}: by ${markdownText(r.author === '' ? 'unknown' : r.author)}, \`${code(credit(r).link)}\``,
    ),
    '',
    `SigmaHQ rules are used under the ${view.pack.license} (${view.pack.repository} at ${view.pack.commit}).`,
    '',
  ];
  return lines.join('\n');
}

function code(text: string): string {
  return text.replace(/[`\r\n]/g, '');
}
