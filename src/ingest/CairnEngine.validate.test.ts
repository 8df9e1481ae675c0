import { deleteDB } from 'idb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureInputs } from '../../test/fixtureFiles';
import { DB_NAME } from '../store/schema';
import { CairnEngine } from './CairnEngine';
import { parseLogFile } from './parseLogFile';

const inputs = fixtureInputs();
const storedLogs = inputs.filter(
  (i) => i.path.includes('/CloudTrail/') && !i.path.includes('Truncated'),
).length;

let engine: CairnEngine;
beforeAll(async () => {
  await deleteDB(DB_NAME);
  engine = await CairnEngine.open(parseLogFile);
  await engine.ingest(inputs);
});
afterAll(() => engine.close());

describe('validation over the stored fixture folder', () => {
  it('reads the digest, and calls nothing valid without its signature', async () => {
    const run = await engine.validate({ publicKeys: [], signatures: [] });
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
    const run = await engine.validate({
      publicKeys: [{ PublicKeyList: [{ Fingerprint: '00', Value: 'x' }] }],
      signatures: [],
    });
    expect(run.problems).toEqual(['Key 00: the Value is not an RSA public key']);
  });
});
