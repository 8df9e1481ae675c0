import Papa from 'papaparse';
import { exportText } from '../../test/exportParts';
import { closeSessions, freshSession } from '../../test/sessions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordsIn, SAMPLE } from '../../test/sampleRecords';
import type { CaseSession } from './CaseSession';
import { readFileSync } from 'node:fs';
import { Reader } from 'mmdb-lib';
import { bundledIpBytes } from '../../test/ipDatabases';

// A real record with attacker-chosen strings where a spreadsheet would run them as formulas.
const base = recordsIn(SAMPLE.invictusTrail)[0] ?? {};
const PAYLOADS = [
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|"/c calc"!A1',
  '@SUM(1+1)',
  '-2+3',
];
// papaparse's own check (`/^[=+\-@\t\r].*$/`, no `s` flag) lets these through, since `.` stops at a
// line break: a payload that runs over two lines was exported raw (PapaParse PR #1149).
const MULTILINE = [
  '=HYPERLINK("http://evil.example","x")\n',
  '+1\n+cmd|"/c calc"!A1',
  '@SUM(1+1)\r\nsecond line',
  '-2+3\u2028',
  '\t=1+1\n',
  '\r=1+1',
  '\n=1+1',
];
const hostile = [...PAYLOADS, ...MULTILINE].map((p, i) => ({
  ...base,
  eventID: `00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
  eventName: p,
  userAgent: `agent, with "quotes"\nand a newline ${String(i)}`,
}));
const file = new Blob([JSON.stringify({ Records: hostile })]);

let engine: CaseSession;
beforeEach(async () => {
  engine = await freshSession();
  await engine.dataset.ingest([{ path: 'hostile.json', file }]);
});
afterEach(closeSessions);

async function exportAll(format: 'csv' | 'json' | 'jsonl', columns = COLUMNS): Promise<string> {
  return exportText(engine, '', format, columns);
}
const COLUMNS = [
  { id: 'eventName', header: 'Event name' },
  { id: 'userAgent', header: 'User agent' },
];

describe('export', () => {
  it('neutralises CSV formula injection and quotes every special character', async () => {
    const csv = await exportAll('csv');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Event name,User agent');
    for (const payload of PAYLOADS) {
      // Prefixed with a quote so spreadsheets show it as text, and quoted, quotes doubled.
      expect(csv).toContain(`"'${payload.replaceAll('"', '""')}",`);
    }
    expect(csv).toContain('"agent, with ""quotes""\nand a newline 0"');
  });

  it('neutralises formulas that run over several lines, which papaparse lets through', async () => {
    const rows = Papa.parse<string[]>(await exportAll('csv'), { skipEmptyLines: true }).data;
    const names = rows.slice(1).map((r) => r[0]);
    for (const payload of MULTILINE) expect(names).toContain(`'${payload}`);
    // Nothing reaches the file as it came: every cell of the column starts with the quote.
    expect(names.filter((n) => n?.startsWith("'") !== true)).toEqual([]);
  });

  it('writes CloudTrail-shaped JSON and JSON lines of the original records', async () => {
    const json = JSON.parse(await exportAll('json')) as { Records: unknown[] };
    expect(json.Records).toEqual(hostile);
    const lines = (await exportAll('jsonl')).trim().split('\n');
    // The records as they came: where the source IP comes from is for CSV, not added to evidence.
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(hostile);
  });

  it('adds the country and ASN of the source IP beside it in CSV, from the bundled data', async () => {
    closeSessions();
    engine = await freshSession({ ipData: () => Promise.resolve(bundledIpBytes()) });
    const ip = '8.8.8.8';
    const records = [{ ...base, sourceIPAddress: ip }];
    await engine.dataset.ingest([
      { path: 'public.json', file: new Blob([JSON.stringify({ Records: records })]) },
    ]);
    const csv = Papa.parse<string[]>(
      await exportAll('csv', [
        { id: 'eventName', header: 'Event name' },
        { id: 'sourceIPAddress', header: 'Source IP address' },
      ]),
      { skipEmptyLines: true },
    ).data;
    expect(csv[0]).toEqual([
      'Event name',
      'Source IP address',
      'Source IP country',
      'Source IP ASN',
    ]);
    // The reference: the package's own .mmdb read with mmdb-lib, no app code.
    const reader = new Reader<Record<string, unknown>>(
      readFileSync(
        new URL(
          '../../node_modules/@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb',
          import.meta.url,
        ),
      ),
    );
    expect(csv[1]?.[1]).toBe(ip);
    expect(csv[1]?.[2]).toBe(reader.get(ip)?.['country_code']);
    expect(csv[1]?.[3]).toMatch(/^\d+$/);
  });
});
