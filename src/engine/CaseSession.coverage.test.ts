import { closeSessions, freshSession } from '../../test/sessions';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCoverageTrail } from '../../test/coverageTrail';
import { recordsIn } from '../../test/sampleRecords';
import { openCairnDb } from '../db/cairnDb';
import { IndexStore } from '../db/IndexStore';
import { COVERAGE_FLAG } from '../analysis/coverageMap';
import type { CoverageMap } from '../analysis/coverageMap';
import type { CaseSession } from './CaseSession';
import { CoverageRunner } from './CoverageRunner';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let engine: CaseSession;
beforeEach(async () => {
  engine = await freshSession();
});
afterEach(closeSessions);

/** One row's cells of a per-cell array. */
const rowOf = (map: CoverageMap, a: Uint32Array | Uint8Array, row: number) => [
  ...a.subarray(row * map.columns, (row + 1) * map.columns),
];
const has = (flags: number[], bit: number) => flags.map((f) => (f & bit) !== 0);

describe('coverage of a built trail', () => {
  it('shows events, files and digests per hour, the missing file, the chain gap and the StopLogging', async () => {
    const trail = buildCoverageTrail();
    await engine.dataset.ingest(
      trail.files.map((f) => ({ path: f.path, file: new Blob([new Uint8Array(f.bytes)]) })),
    );
    const map = await engine.integrity.coverage();

    expect(map.unit).toBe('hour');
    expect(map.start).toBe(trail.day);
    expect(map.columns).toBe(5);
    expect(map.hasDigests).toBe(true);
    expect(map.validated).toBe(true);
    expect(map.rows).toEqual([
      {
        account: trail.account,
        region: trail.region,
        events: trail.eventsByHour.reduce((s, n) => s + n, 0),
        logFiles: 9,
        digests: 4,
      },
    ]);
    expect(rowOf(map, map.events, 0)).toEqual(trail.eventsByHour);
    expect(rowOf(map, map.logFiles, 0)).toEqual(trail.filesByHour);
    expect(rowOf(map, map.digests, 0)).toEqual([1, 1, 0, 1, 1]);
    const flags = rowOf(map, map.flags, 0);
    expect(has(flags, COVERAGE_FLAG.covered)).toEqual([true, true, false, true, true]);
    expect(has(flags, COVERAGE_FLAG.gap)).toEqual([false, false, true, false, false]);
    expect(has(flags, COVERAGE_FLAG.problem)).toEqual([false, true, false, false, false]);
    expect(has(flags, COVERAGE_FLAG.uncovered)).toEqual([false, false, true, false, false]);
    expect(has(flags, COVERAGE_FLAG.tampering)).toEqual([false, false, false, true, false]);

    const note = (hour: number) => map.notes.find((n) => n.cell === hour);
    expect(note(trail.missingLogHour)).toMatchObject({ missingLogs: 1, uncoveredLogs: 0 });
    expect(note(trail.gapHour)).toMatchObject({
      uncoveredLogs: 2,
      missingDigests: [trail.missingDigestKey],
      gaps: [
        {
          from: trail.day + 2 * HOUR,
          to: trail.day + 3 * HOUR,
          trailName: 'trail',
          reason: 'missingDigest',
        },
      ],
    });
    expect(note(trail.tamperingHour)?.tampering).toEqual([
      { eventName: 'StopLogging', count: 1, failed: 0 },
    ]);
    expect(map.notes.map((n) => n.cell)).toEqual([1, 2, 3]);
    expect(map.totals).toMatchObject({
      events: trail.eventsByHour.reduce((s, n) => s + n, 0),
      missingLogs: 1,
      uncoveredLogs: 2,
      missingDigests: 1,
      gapCells: 1,
      tamperingEvents: 1,
      unplaced: 0,
    });
  });

  it("counts a cell's events exactly as the filter a click applies finds them", async () => {
    const trail = buildCoverageTrail();
    await engine.dataset.ingest(
      trail.files.map((f) => ({ path: f.path, file: new Blob([new Uint8Array(f.bytes)]) })),
    );
    const map = await engine.integrity.coverage();
    for (let c = 0; c < map.columns; c++) {
      const from = map.start + c * map.step;
      const q = `recipientAccountId:${trail.account} awsRegion:${trail.region}`;
      expect(engine.search.count({ q, from, to: from + map.step })).toBe(map.events[c]);
    }
  });
});

describe('coverage when validation fails', () => {
  it('still shows events, digests and chain gaps, and says the file verdicts are unknown', async () => {
    const trail = buildCoverageTrail();
    await engine.dataset.ingest(
      trail.files.map((f) => ({ path: f.path, file: new Blob([new Uint8Array(f.bytes)]) })),
    );
    await engine.dataset.settled();
    const db = await openCairnDb();
    const { index } = await IndexStore.open(db);
    const map = await new CoverageRunner().run({
      db,
      index,
      stamp: '',
      validate: () => Promise.reject(new Error('no hashes today')),
    });
    db.close();
    expect([map.hasDigests, map.validated]).toEqual([true, false]);
    expect(rowOf(map, map.events, 0)).toEqual(trail.eventsByHour);
    expect(rowOf(map, map.digests, 0)).toEqual([1, 1, 0, 1, 1]);
    expect(has(rowOf(map, map.flags, 0), COVERAGE_FLAG.gap)).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
    expect(map.totals).toMatchObject({
      missingLogs: 0,
      uncoveredLogs: 0,
      missingDigests: 0,
      tamperingEvents: 1,
    });
  });
});

describe('coverage of real sample files', () => {
  const snitch = [
    'cloud-snitch/AWSLogs/333333333333/CloudTrail/us-east-1/2025/03/06/333333333333_CloudTrail_us-east-1_20250306T0320Z_ZgdYr0lP8M9fWEH8.json.gz',
    'cloud-snitch/AWSLogs/o-1234abcde/222222222222/CloudTrail/us-east-1/2025/03/06/222222222222_CloudTrail_us-east-1_20250306T0230Z_QF6qcgyiaVnSueXa.json.gz',
  ];
  const stratus = ['delete', 'event-selectors', 'stop'].map(
    (t) => `stratus-red-team/detonation-logs/aws.defense-evasion.cloudtrail-${t}.json`,
  );
  const read = (p: string) => ({
    path: p,
    file: new Blob([readFileSync(new URL(`../../test/fixtures/samples/${p}`, import.meta.url))]),
  });

  it('counts every event in its account × Region × day and marks the three trail tamperings', async () => {
    await engine.dataset.ingest([...snitch, ...stratus].map(read));
    const map = await engine.integrity.coverage();
    // 2024-07-31 to 2025-03-06 is more than 60 days: one column per day.
    expect(map.unit).toBe('day');
    expect(map.hasDigests).toBe(false);
    expect(map.validated).toBe(false);

    // The same counts, independently: node:zlib + JSON.parse of the sample files.
    const expected = new Map<string, number>();
    const tampering: string[] = [];
    for (const p of [...snitch, ...stratus]) {
      for (const r of recordsIn(p)) {
        const cell = `${String(r['recipientAccountId'])}/${String(r['awsRegion'])}/${Math.floor(Date.parse(String(r['eventTime'])) / DAY) * DAY}`;
        expected.set(cell, (expected.get(cell) ?? 0) + 1);
        if (r['eventSource'] === 'cloudtrail.amazonaws.com')
          tampering.push(`${cell}/${String(r['eventName'])}`);
      }
    }
    const actual = new Map<string, number>();
    map.rows.forEach((row, r) => {
      for (let c = 0; c < map.columns; c++) {
        const n = map.events[r * map.columns + c] ?? 0;
        if (n > 0) actual.set(`${row.account}/${row.region}/${map.start + c * map.step}`, n);
      }
    });
    expect(actual).toEqual(expected);

    const marked = map.notes.flatMap((n) => {
      const row = map.rows[Math.floor(n.cell / map.columns)];
      const day = map.start + (n.cell % map.columns) * map.step;
      return n.tampering.map((t) => `${row?.account}/${row?.region}/${day}/${t.eventName}`);
    });
    expect(marked.sort()).toEqual(tampering.sort());
    expect(tampering.map((t) => t.split('/').at(-1)).sort()).toEqual([
      'DeleteTrail',
      'PutEventSelectors',
      'StopLogging',
    ]);
    expect(map.totals.tamperingEvents).toBe(3);

    // Log files: by the delivery day in their name, or, for the bare JSON arrays, their newest event.
    const files = (account: string) => {
      const r = map.rows.findIndex((row) => row.account === account);
      return rowOf(map, map.logFiles, r).flatMap((n, c) =>
        n > 0 ? [[new Date(map.start + c * map.step).toISOString().slice(0, 10), n]] : [],
      );
    };
    expect(files('333333333333')).toEqual([['2025-03-06', 1]]);
    expect(files('222222222222')).toEqual([['2025-03-06', 1]]);
    expect(files('143434273843')).toEqual([['2024-07-31', 1]]);
    expect(map.totals.logFiles).toBe(5);
    expect(map.totals.unplaced).toBe(0);
  });
});

describe('coverage of a short incident delivered for another account', () => {
  const dir = new URL('../../test/fixtures/samples/invictus-aws/CloudTrail/', import.meta.url);
  const names = readdirSync(dir).filter((n) => n.endsWith('.json.gz') || n.endsWith('.json'));

  it('zooms to minutes and explains files of 218007301253 holding events of 123837392027', async () => {
    await engine.dataset.ingest(
      names.map((n) => ({
        path: `invictus-aws/CloudTrail/${n}`,
        file: new Blob([readFileSync(new URL(n, dir))]),
      })),
    );
    const map = await engine.integrity.coverage();
    // Events 11:42–12:37 and deliveries to 12:4x: about an hour, one column a minute.
    expect(map.unit).toBe('minutes');
    expect(map.step).toBe(60_000);
    expect(map.columns).toBeGreaterThan(55);
    expect(map.columns).toBeLessThanOrEqual(120);
    const events = engine.dataset.info().eventCount;
    expect(map.crossAccount).toEqual([
      {
        fileAccount: '218007301253',
        eventAccount: '123837392027',
        files: map.rows.find((r) => r.account === '218007301253')?.logFiles,
        events: expect.any(Number) as number,
      },
    ]);
    // Every event of every file is another account's (an event delivered twice counts per file).
    expect(map.crossAccount[0]?.events).toBeGreaterThanOrEqual(events);
    expect(map.rows.map((r) => [r.account, r.events > 0, r.logFiles > 0])).toEqual([
      ['123837392027', true, false],
      ['218007301253', false, true],
    ]);
  });
});
