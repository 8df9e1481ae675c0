import type { ValidationRun } from '../../data/types';
import { integrityVerdict } from './integrityVerdict';

/**
 * Saves the validation report: JSON (the whole run) or Markdown (totals and every verdict, readable
 * in any viewer). Markdown cells have `|` and line breaks escaped: paths and reasons come from logs.
 */
export function downloadReport(run: ValidationRun, format: 'json' | 'md'): void {
  const text = format === 'json' ? JSON.stringify(run, null, 2) : markdown(run);
  const url = URL.createObjectURL(
    new Blob([text], { type: format === 'json' ? 'application/json' : 'text/markdown' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = `cairn-integrity-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.${format}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function markdown(run: ValidationRun): string {
  const cell = (s: string) => s.replace(/[|\\]/g, '\\$&').replace(/[\r\n]+/g, ' ');
  const t = run.totals;
  const lines = [
    '# CloudTrail log file integrity (Cairn)',
    '',
    `Generated ${new Date().toISOString()}.`,
    '',
    '| | verified | unauthenticated | modified | missing | not covered |',
    '| --- | --- | --- | --- | --- | --- |',
    `| log files | ${t.logsValid} | ${t.logsConsistent} | ${t.logsModified} | ${t.logsMissing} | ${t.logsUncovered} |`,
    '',
    `Digests: ${t.digestsValid} valid, ${t.digestsUnverified} signature not checked, ${t.digestsUntrustedKey} signed by an untrusted key, ${t.digestsNotValid} not valid, ${t.digestsMissing} missing from the chain.`,
    ...run.conflicts.map(
      (c) => `- ${c.kind}: ${cell(c.reason)}: ${cell(c.key)} (${c.paths.map(cell).join(', ')})`,
    ),
    '',
    `**${integrityVerdict(t).headline}.**`,
    '',
    '## By account and Region',
    '',
    '| account | Region | logs verified | unauthenticated | modified | missing | not covered | digests valid | not checked | untrusted key | not valid | missing |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...run.byTrail.map((b) => {
      const x = b.totals;
      return `| ${b.account === '' ? '(not in the S3 layout)' : cell(b.account)} | ${cell(b.region)} | ${x.logsValid} | ${x.logsConsistent} | ${x.logsModified} | ${x.logsMissing} | ${x.logsUncovered} | ${x.digestsValid} | ${x.digestsUnverified} | ${x.digestsUntrustedKey} | ${x.digestsNotValid} | ${x.digestsMissing} |`;
    }),
    '',
    '## Every file',
    '',
    '| status | file | why |',
    '| --- | --- | --- |',
    ...run.missingDigests.map(
      (k) => `| digest missing | ${cell(k)} | a digest points back to it |`,
    ),
    ...run.digests.map(
      (d) => `| digest ${d.status} | ${cell(d.key)} (${cell(d.path)}) | ${cell(d.reason)} |`,
    ),
    ...run.logs.map((l) => `| log ${l.status} | ${cell(l.key)} | ${cell(l.reason)} |`),
  ];
  return `${lines.join('\n')}\n`;
}
