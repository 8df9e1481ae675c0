import { describe, expect, it } from 'vitest';
import { fixtureInputs } from '../../test/fixtureFiles';
import { parseS3Key } from './parseS3Key';

describe('parseS3Key', () => {
  it('reads every trail file of the fixture folder, keyed from AWSLogs/', () => {
    const paths = fixtureInputs()
      .map((i) => i.path)
      .filter((p) => p.includes('/CloudTrail'));
    expect(paths.length).toBeGreaterThan(50);
    for (const path of paths) {
      const key = parseS3Key(path);
      expect(key, path).toBeDefined();
      expect(key?.key.startsWith('AWSLogs/')).toBe(true);
      expect(path.endsWith(key?.key ?? '?')).toBe(true);
    }
  });

  it('splits an organization trail log file key', () => {
    expect(
      parseS3Key(
        'evidence/AWSLogs/o-1234abcde0/222222222222/CloudTrail/us-east-1/2025/03/06/222222222222_CloudTrail_us-east-1_20250306T0230Z_QF6qcgyiaVnSueXa.json.gz',
      ),
    ).toEqual({
      key: 'AWSLogs/o-1234abcde0/222222222222/CloudTrail/us-east-1/2025/03/06/222222222222_CloudTrail_us-east-1_20250306T0230Z_QF6qcgyiaVnSueXa.json.gz',
      kind: 'log',
      accountId: '222222222222',
      orgId: 'o-1234abcde0',
      region: 'us-east-1',
      deliveredAt: '20250306T0230Z',
    });
  });

  it('reads digest names whose trail name has underscores, and backfill digests', () => {
    const d = parseS3Key(
      '123456789016_CloudTrail-Digest_ca-central-1_PBMM_Accel-Org.Trail_us-east-1_20200830T190938Z_backfill.json.gz',
    );
    expect(d).toMatchObject({
      kind: 'digest',
      accountId: '123456789016',
      region: 'ca-central-1',
      trailName: 'PBMM_Accel-Org.Trail',
      homeRegion: 'us-east-1',
      deliveredAt: '20200830T190938Z',
      backfill: true,
    });
    expect(d?.key).toBe(
      '123456789016_CloudTrail-Digest_ca-central-1_PBMM_Accel-Org.Trail_us-east-1_20200830T190938Z_backfill.json.gz',
    );
  });

  it('reads Insights files and the old name without an underscore; refuses other names', () => {
    expect(
      parseS3Key(
        '123456789015_CloudTrail-Insight_ca-central-1_20200923T0516Z_KL5e9VCV2SS7IqzB.json.gz',
      )?.kind,
    ).toBe('insight');
    expect(
      parseS3Key('111122223333_CloudTrail_us-west-2_20140620T1255ZHdkvFTXOA3Vnhbc.json.gz')?.region,
    ).toBe('us-west-2');
    expect(parseS3Key('AWSLogs/notes.txt')).toBeUndefined();
    expect(
      parseS3Key('123_CloudTrail_us-east-1_20250306T0230Z_QF6qcgyiaVnSueXa.json.gz'),
    ).toBeUndefined();
  });
});
