import { closeSessions, freshSession } from '../../test/sessions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureInputs } from '../../test/fixtureFiles';
import type { CaseSession } from './CaseSession';

const inputs = fixtureInputs();
const storedLogs = inputs.filter(
  (i) => i.path.includes('/CloudTrail/') && !i.path.includes('Truncated'),
).length;

let engine: CaseSession;
beforeAll(async () => {
  engine = await freshSession();
  await engine.dataset.ingest(inputs);
});
afterAll(closeSessions);

describe('validation over the stored fixture folder', () => {
  it('reads the digest, and calls nothing valid without its signature', async () => {
    const run = await engine.integrity.validate({ publicKeys: [], signatures: [] });
    expect(run.problems).toEqual([]);
    // The fixture's one digest lists no files and is the newest of its chain: unverifiable here.
    expect(run.totals).toMatchObject({
      digestsUnverified: 1,
      digestsValid: 0,
      logsValid: 0,
      logsUncovered: storedLogs,
    });
  });

  it('names a key list it cannot read', async () => {
    const run = await engine.integrity.validate({
      publicKeys: [{ PublicKeyList: [{ Fingerprint: '00', Value: 'x' }] }],
      signatures: [],
    });
    expect(run.problems).toEqual(['Key 00: the Value is not an RSA public key']);
  });

  it('exports each event with the status of its file in the Integrity column', async () => {
    await engine.integrity.validate({ publicKeys: [], signatures: [] });
    const request = { q: '' };
    const { matchCount } = await engine.search.run(request);
    const columns = [
      { id: 'eventID', header: 'Event ID' },
      { id: 'integrity', header: 'Integrity' },
    ];
    const job = engine.exports.start(request, 'asc', 'csv', columns);
    if (job === undefined) throw new Error('no result');
    let csv = '';
    for (let part = await engine.exports.next(job.id); part !== undefined;) {
      csv += part;
      part = await engine.exports.next(job.id);
    }
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('Event ID,Integrity');
    expect(rows.length - 1).toBe(matchCount);
    expect(matchCount).toBeGreaterThan(0);
    // No digest lists these files, so every event's file is "not covered".
    expect(rows.slice(1).every((r) => r.endsWith(',not covered'))).toBe(true);
  });
});
