import { describe, expect, it } from 'vitest';
import { COVERAGE_FLAG } from '../../data/types';
import type { CoverageMap, CoverageNote } from '../../data/types';
import { coverageFindings } from './coverageFindings';
import { describeCell } from './describeCell';

const H = 3_600_000;
const START = Date.parse('2024-03-01T00:00:00Z');
const F = COVERAGE_FLAG;
const note = (cell: number, more: Partial<CoverageNote>): CoverageNote => ({
  cell,
  missingLogs: 0,
  modifiedLogs: 0,
  uncoveredLogs: 0,
  invalidDigests: 0,
  missingDigests: [],
  gaps: [],
  tampering: [],
  ...more,
});
const GAP = {
  from: START + 2 * H + 5 * 60_000,
  to: START + 4 * H + 5 * 60_000,
  trailName: 'org\u202etrail',
  reason: 'missingDigest',
} as const;

/** Two rows × five hours, as the worker would send them. */
const MAP: CoverageMap = {
  start: START,
  step: H,
  unit: 'hour',
  columns: 5,
  crossAccount: [],
  rows: [
    { account: '111122223333', region: 'us-east-1', events: 17, logFiles: 8, digests: 3 },
    { account: '', region: '', other: true, events: 1, logFiles: 1, digests: 0 },
  ],
  events: Uint32Array.of(4, 3, 5, 1, 4, 0, 0, 0, 1, 0),
  logFiles: Uint32Array.of(2, 1, 2, 1, 2, 0, 0, 0, 1, 0),
  digests: Uint32Array.of(1, 1, 0, 0, 1, 0, 0, 0, 0, 0),
  flags: Uint8Array.of(
    F.covered | F.tampering,
    F.covered | F.problem,
    F.covered | F.gap | F.uncovered,
    F.gap | F.uncovered,
    F.covered | F.gap,
    0,
    0,
    0,
    0,
    0,
  ),
  notes: [
    note(0, {
      tampering: [
        { eventName: 'StopLogging', count: 1, failed: 0 },
        { eventName: 'DeleteTrail', count: 2, failed: 1 },
      ],
    }),
    note(1, { missingLogs: 1, modifiedLogs: 2 }),
    note(2, { uncoveredLogs: 2, gaps: [GAP] }),
    note(3, {
      uncoveredLogs: 1,
      gaps: [GAP],
      missingDigests: [
        'AWSLogs/111122223333/CloudTrail-Digest/x/111122223333_d_20240301T040512Z.json.gz',
      ],
    }),
    note(4, { gaps: [GAP] }),
  ],
  totals: {
    events: 18,
    logFiles: 9,
    digests: 3,
    missingLogs: 1,
    modifiedLogs: 2,
    uncoveredLogs: 3,
    invalidDigests: 0,
    missingDigests: 1,
    gapCells: 3,
    tamperingEvents: 3,
    unplaced: 0,
  },
  hasDigests: true,
  validated: true,
  elapsedMs: 1,
};
const noteOf = (cell: number) => MAP.notes.find((n) => n.cell === cell);
const names = new Map([['111122223333', 'prod']]);

describe('describeCell', () => {
  it('gives exact counts, the account name and every mark in words', () => {
    const d = describeCell(MAP, 0, 3, noteOf(3), names);
    expect(d.title).toBe('111122223333 (prod) · us-east-1');
    expect(d.when).toBe('2024-03-01 03:00–04:00 UTC');
    expect(d.marks).toEqual(['gap', 'uncovered']);
    expect(d.lines).toEqual([
      '1 event · 1 log file · 0 digests',
      'Gap in the digest chain of trail "org\\u202Etrail", 2024-03-01 02:05–04:05 UTC: the next digest names a previous digest that is not here',
      'Missing digest: 111122223333_d_20240301T040512Z.json.gz',
      '1 log file listed in no digest',
    ]);
    expect(describeCell(MAP, 0, 1, noteOf(1), names).lines).toEqual([
      '3 events · 1 log file · 1 digest',
      'A digest window covers this time',
      '1 log file listed in a digest but missing',
      '2 log files modified after a digest recorded it',
    ]);
    expect(describeCell(MAP, 0, 0, noteOf(0), new Map()).lines.at(-1)).toBe(
      'Trail tampering: StopLogging ×1, DeleteTrail ×2 (1 failed)',
    );
    expect(describeCell(MAP, 1, 3, undefined, names)).toMatchObject({
      title: 'Other accounts and Regions',
      lines: ['1 event · 1 log file · 0 digests'],
      marks: [],
    });
  });
});

describe('coverageFindings', () => {
  it('lists tampering, each gap once and each file problem, oldest first', () => {
    const found = coverageFindings(MAP);
    expect(found.map((f) => [f.kind, f.row, f.column, (f.from - START) / H])).toEqual([
      ['tampering', 0, 0, 0],
      ['problem', 0, 1, 1],
      ['gap', 0, 2, 2 + 1 / 12],
    ]);
    expect(found.map((f) => f.text)).toEqual([
      'Trail tampering: StopLogging, DeleteTrail ×2 (1 failed)',
      '1 listed log file missing · 2 log files modified',
      'No digest covers this time (trail "org\\u202Etrail"): the next digest names a previous digest that is not here',
    ]);
    expect(found[2]?.to).toBe(GAP.to);
  });
});

describe('describeCell on a minute map of an organisation trail', () => {
  const M = 60_000;
  const start = Date.parse('2023-07-10T11:42:00Z');
  /** The invictus shape: events of 123837392027, delivered in files named for 218007301253. */
  const ORG: CoverageMap = {
    ...MAP,
    start,
    step: M,
    unit: 'minutes',
    columns: 3,
    rows: [
      { account: '123837392027', region: 'us-east-1', events: 9, logFiles: 0, digests: 0 },
      { account: '218007301253', region: 'us-east-1', events: 0, logFiles: 2, digests: 0 },
    ],
    events: Uint32Array.of(4, 0, 5, 0, 0, 0),
    logFiles: Uint32Array.of(0, 0, 0, 0, 0, 2),
    digests: new Uint32Array(6),
    flags: new Uint8Array(6),
    notes: [],
    hasDigests: false,
    validated: false,
    crossAccount: [
      { fileAccount: '218007301253', eventAccount: '123837392027', files: 57, events: 3082 },
    ],
  };

  it('gives the minute it covers and says whose events the files hold', () => {
    const files = describeCell(ORG, 1, 2, undefined, new Map());
    expect(files.when).toBe('2023-07-10 11:44–11:45 UTC');
    expect(files.lines).toEqual([
      '0 events · 2 log files · 0 digests',
      'Files of 218007301253 hold events of 123837392027: an organisation or delegated trail (57 files, 3,082 events). Their events are on the 123837392027 rows.',
    ]);
    expect(describeCell(ORG, 0, 0, undefined, new Map()).lines).toEqual([
      '4 events · 0 log files · 0 digests',
      'Files of 218007301253 hold events of 123837392027: an organisation or delegated trail (57 files, 3,082 events). Those files are on the 218007301253 rows.',
    ]);
    // An empty cell has nothing to explain.
    expect(describeCell(ORG, 1, 0, undefined, new Map()).lines).toEqual([
      '0 events · 0 log files · 0 digests',
    ]);
  });
});
