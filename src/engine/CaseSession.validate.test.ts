import { readFileSync } from 'node:fs';
import { exportText } from '../../test/exportParts';
import { closeSessions, freshSession } from '../../test/sessions';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureInputs } from '../../test/fixtureFiles';
import { buildSignedTrail, removeSignedTrail } from '../../e2e/helpers/signedTrail';
import type { SignedTrail } from '../../e2e/helpers/signedTrail';
import type { CaseSession } from './CaseSession';

const inputs = fixtureInputs();
const storedLogs = inputs.filter(
  (i) => i.path.includes('/CloudTrail/') && !i.path.includes('Truncated'),
).length;

describe('validation over the stored fixture folder', () => {
  let engine: CaseSession;
  beforeAll(async () => {
    engine = await freshSession();
    await engine.dataset.ingest(inputs);
  });
  afterAll(closeSessions);

  it('reads the digest, and calls nothing valid without its signature', async () => {
    const run = await engine.integrity.validate();
    expect(run.problems).toEqual([]);
    // The fixture's one digest lists no files and is the newest of its chain: unverifiable here.
    expect(run.totals).toMatchObject({
      digestsUnverified: 1,
      digestsValid: 0,
      logsValid: 0,
      logsUncovered: storedLogs,
    });
  });

  it('names a key it cannot read, and trusts nothing from it', async () => {
    const result = await engine.integrity.trustKeys([
      {
        source: 'keys.json',
        text: JSON.stringify({ PublicKeyList: [{ Fingerprint: '00', Value: 'x' }] }),
      },
      { source: 'notes.txt', text: 'not json' },
    ]);
    expect(result).toEqual({
      added: 0,
      problems: [
        'keys.json: Key 00: the Value is not an RSA public key',
        'notes.txt: not JSON (expected the output of aws cloudtrail list-public-keys)',
      ],
    });
    expect((await engine.integrity.keys()).keys).toEqual([]);
  });

  it('exports each event with the status of its file in the Integrity column', async () => {
    await engine.integrity.validate();
    const { matchCount } = await engine.search.run({ q: '' });
    const csv = await exportText(engine, '', 'csv', [
      { id: 'eventID', header: 'Event ID' },
      { id: 'integrity', header: 'Integrity' },
    ]);
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toBe('Event ID,Integrity');
    expect(rows.length - 1).toBe(matchCount);
    expect(matchCount).toBeGreaterThan(0);
    // No digest lists these files, so every event's file is "not covered".
    expect(rows.slice(1).every((r) => r.endsWith(',not covered'))).toBe(true);
  });
});

/** Every file under `dir`, paths relative to it, as dropped. */
const folderInputs = (dir: string) => fixtureInputs(dir, dir);

describe('trust anchors of a signed trail', () => {
  let genuine: SignedTrail;
  let forger: SignedTrail;
  beforeAll(() => {
    genuine = buildSignedTrail();
    forger = buildSignedTrail();
  });
  afterAll(() => {
    removeSignedTrail(genuine);
    removeSignedTrail(forger);
  });
  afterEach(closeSessions);

  it('a key list dropped with the evidence is listed as not trusted, and verifies nothing', async () => {
    const engine = await freshSession();
    await engine.dataset.ingest(folderInputs(genuine.root));
    const { keys, signatures } = await engine.integrity.keys();
    expect(keys.map((k) => [k.fingerprint, k.trusted, k.source])).toEqual([
      ['a1b2c3d4', false, 'list-public-keys.json'],
    ]);
    expect(signatures).toBe(1);
    expect((await engine.integrity.validate()).totals).toMatchObject({
      digestsValid: 0,
      digestsUntrustedKey: 3,
      logsValid: 0,
      logsConsistent: 5,
    });
    // One explicit step trusts what the user was shown, for this case only.
    const sha = keys[0]?.sha256 ?? '';
    expect(await engine.integrity.trustEvidenceKeys([sha])).toBe(1);
    expect((await engine.integrity.validate()).totals).toMatchObject({
      digestsValid: 3,
      logsValid: 5,
    });
    closeSessions();
    const other = await freshSession({ dbName: 'cairn-case-2' });
    expect((await other.integrity.keys()).keys).toEqual([]);
  });

  it('forged digests re-signed with a key in the evidence are not valid once the real key is trusted', async () => {
    const engine = await freshSession();
    // The forger's trail claims the same fingerprint and carries its own key list.
    await engine.dataset.ingest(folderInputs(forger.root));
    expect((await engine.integrity.validate()).totals.digestsUntrustedKey).toBe(3);
    await engine.integrity.trustKeys([{ source: 'aws.json', text: genuine.publicKeysJson }]);
    const run = await engine.integrity.validate();
    expect(run.totals).toMatchObject({ digestsValid: 0, digestsNotValid: 3, logsValid: 0 });
    expect(run.digests[0]?.reason).toContain('verifies with an untrusted key');
  });

  it('two trusted keys that claim one fingerprint are listed as a conflict and validate nothing', async () => {
    const engine = await freshSession();
    await engine.dataset.ingest(folderInputs(genuine.awsLogs));
    await engine.integrity.trustKeys([{ source: 'aws.json', text: genuine.publicKeysJson }]);
    await engine.integrity.addSignatures([
      {
        source: genuine.signatureSidecar.slice(genuine.signatureSidecar.lastIndexOf('/') + 1),
        text: readFileSync(genuine.signatureSidecar, 'utf8'),
      },
    ]);
    expect((await engine.integrity.validate()).totals.digestsValid).toBe(3);
    await engine.integrity.trustKeys([{ source: 'other.json', text: forger.publicKeysJson }]);
    const { keys } = await engine.integrity.keys();
    expect(keys.map((k) => [k.source, k.conflict !== undefined])).toEqual([
      ['aws.json', true],
      ['other.json', true],
    ]);
    expect((await engine.integrity.validate()).totals).toMatchObject({
      digestsValid: 0,
      digestsUnverified: 3,
      logsValid: 0,
    });
    await engine.integrity.forgetKey(keys[1]?.sha256 ?? '', true);
    expect((await engine.integrity.validate()).totals.digestsValid).toBe(3);
  });
});
