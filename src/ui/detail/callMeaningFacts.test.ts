import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCallMeanings } from '../../cloudtrail/callMeanings';
import { callMeaningFacts } from './callMeaningFacts';

const meanings = readCallMeanings(
  JSON.parse(
    readFileSync(new URL('../../../rules/traildiscover/events.json', import.meta.url), 'utf8'),
  ),
);

describe('callMeaningFacts', () => {
  it('gives StopLogging its tactic, techniques, incidents and a credit to its own page', () => {
    const m = meanings.lookup('cloudtrail.amazonaws.com', 'StopLogging');
    if (m === undefined) throw new Error('StopLogging is not described');
    const facts = callMeaningFacts(m, 'cloudtrail.amazonaws.com');
    expect(facts.tacticsLine).toBe('Defense Evasion');
    expect(facts.techniques).toContain('T1562.008 Impair Defenses: Disable or Modify Cloud Logs');
    expect(facts.incidentsLine).toMatch(/^\d+ incidents?$/);
    expect(facts.sourceNote).toBeUndefined();
    expect(facts.credit).toEqual({
      text: 'From TrailDiscover (CC BY 4.0)',
      href: 'https://traildiscover.cloud/#CloudTrail-StopLogging',
    });
  });

  it('says so when the description is of another eventSource', () => {
    const m = meanings.lookup('example.amazonaws.com', 'StopLogging');
    if (m === undefined) throw new Error('StopLogging is not described');
    expect(callMeaningFacts(m, 'example.amazonaws.com').sourceNote).toBe(
      'Described for cloudtrail.amazonaws.com, not example.amazonaws.com.',
    );
  });

  it('leaves the incidents line empty for a call never seen in an incident', () => {
    const m = meanings.entries.find((e) => e.incidents.length === 0);
    expect(m).toBeDefined();
    if (m !== undefined) expect(callMeaningFacts(m, m.eventSource).incidentsLine).toBe('');
  });
});
