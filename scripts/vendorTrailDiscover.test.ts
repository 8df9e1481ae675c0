import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCallMeanings } from '../src/cloudtrail/callMeanings';

// scripts/vendorTrailDiscover.js over a small checkout laid out as TrailDiscover's (events/<Service>/
// <EventName>.json, LICENSE), written to a temporary folder: the real checkout is not in CI.
const SCRIPT = new URL('vendorTrailDiscover.js', import.meta.url).pathname;

function event(over: Record<string, unknown>): Record<string, unknown> {
  return {
    eventName: 'StopLogging',
    eventSource: 'cloudtrail.amazonaws.com',
    awsService: 'CloudTrail',
    description: 'Suspends the recording of AWS API calls.',
    mitreAttackTactics: ['TA0005 - Defense Evasion'],
    mitreAttackTechniques: ['T1562 - Impair Defenses'],
    mitreAttackSubTechniques: ['T1562.008: Impair Defenses: Disable or Modify Cloud Logs'],
    unverifiedMitreAttackTechniques: [],
    usedInWild: true,
    incidents: [{ description: 'LUCR-3', link: 'https://example.com/lucr-3' }],
    researchLinks: [],
    securityImplications: 'not kept',
    permissions: 'https://aws.permissions.cloud/iam/cloudtrail',
    ...over,
  };
}

function checkout(events: Record<string, Record<string, unknown>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'traildiscover-'));
  for (const [path, doc] of Object.entries(events)) {
    mkdirSync(join(dir, 'events', path.split('/')[0] ?? ''), { recursive: true });
    writeFileSync(join(dir, 'events', path), JSON.stringify(doc, null, 4));
    // Each event's example record sits beside it, and is no description.
    writeFileSync(join(dir, 'events', `${path}.cloudtrail`), '{}');
  }
  writeFileSync(join(dir, 'LICENSE'), 'Attribution 4.0 International\n');
  return dir;
}

function vendor(from: string, out: string, ...more: string[]): string {
  return execFileSync(
    'node',
    [SCRIPT, from, '--commit', 'abc123', '--date', '2026-07-12', '--out', out, ...more],
    { encoding: 'utf8', stdio: 'pipe' },
  );
}

describe('vendorTrailDiscover.js', () => {
  const events = {
    'IAM/CreateUser.json': event({
      eventName: 'CreateUser',
      eventSource: 'iam.amazonaws.com',
      awsService: 'IAM',
      mitreAttackTactics: ['TA0003 - Persistence', 'T1496 - Resource Hijacking'],
      mitreAttackSubTechniques: [],
    }),
    'CloudTrail/StopLogging.json': event({}),
  };

  it('keeps what Cairn shows, sorted, the same bytes every run, and readable by the app', () => {
    const from = checkout(events);
    const a = mkdtempSync(join(tmpdir(), 'td-out-'));
    const b = mkdtempSync(join(tmpdir(), 'td-out-'));
    expect(vendor(from, a)).toContain('added 2');
    vendor(from, b);
    const text = readFileSync(join(a, 'events.json'), 'utf8');
    expect(readFileSync(join(b, 'events.json'), 'utf8')).toBe(text);
    const json: unknown = JSON.parse(text);
    expect(json).toEqual([
      {
        eventSource: 'cloudtrail.amazonaws.com',
        eventName: 'StopLogging',
        description: 'Suspends the recording of AWS API calls.',
        tactics: ['TA0005 - Defense Evasion'],
        techniques: [
          'T1562 - Impair Defenses',
          'T1562.008 - Impair Defenses: Disable or Modify Cloud Logs',
        ],
        incidents: [{ title: 'LUCR-3', link: 'https://example.com/lucr-3' }],
        research: [],
        page: 'https://traildiscover.cloud/#CloudTrail-StopLogging',
      },
      expect.objectContaining({
        eventName: 'CreateUser',
        // A technique filed under the tactics moves to the techniques.
        tactics: ['TA0003 - Persistence'],
        techniques: ['T1496 - Resource Hijacking', 'T1562 - Impair Defenses'],
      }),
    ]);
    expect(readCallMeanings(json).dropped).toEqual([]);
    expect(JSON.parse(readFileSync(join(a, 'SOURCE.json'), 'utf8'))).toMatchObject({
      commit: 'abc123',
      date: '2026-07-12',
      events: 2,
    });
    expect(readFileSync(join(a, 'LICENSE'), 'utf8')).toContain('Attribution 4.0');
  });

  it('reports what a newer checkout adds, removes and changes, and --dry-run writes nothing', () => {
    const out = mkdtempSync(join(tmpdir(), 'td-out-'));
    vendor(checkout(events), out);
    const before = readFileSync(join(out, 'events.json'), 'utf8');
    const newer = checkout({
      'CloudTrail/StopLogging.json': event({ description: 'Stops a trail.' }),
      'CloudTrail/DeleteTrail.json': event({ eventName: 'DeleteTrail' }),
    });
    const report = vendor(newer, out, '--dry-run');
    expect(report).toContain('added 1\n  cloudtrail.amazonaws.com DeleteTrail\n');
    expect(report).toContain('removed 1\n  iam.amazonaws.com CreateUser\n');
    expect(report).toContain('changed 1\n  cloudtrail.amazonaws.com StopLogging\n');
    expect(readFileSync(join(out, 'events.json'), 'utf8')).toBe(before);
  });

  it('refuses a checkout that describes the same call twice', () => {
    const from = checkout({
      'EC2/GetLaunchTemplateData.json': event({ eventName: 'GetLaunchTemplateData' }),
      'EC2Copy/GetLaunchTemplateData.json': event({ eventName: 'GetLaunchTemplateData' }),
    });
    expect(() => vendor(from, mkdtempSync(join(tmpdir(), 'td-out-')))).toThrow(/also in/);
  });
});
