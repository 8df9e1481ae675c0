import { describe, expect, it } from 'vitest';
import { fixtureInputs } from '../../test/fixtureFiles';
import { decodeLogFile } from '../cloudtrail/decodeLogFile';
import { extractEventFields, isRecordProblem } from '../cloudtrail/extractEventFields';
import { encodeChunkBlob } from '../../test/legacyChunkBlob';
import { decodeChunkBlob } from './chunkBlob';
import { encodeFileChunk } from '../index/encodeFileChunk';
import type { EventFields } from '../cloudtrail/types';
import type { FileChunk } from '../index/types';

/** Typed arrays compared as plain number lists, so views and copies compare by content. */
const plain = (c: FileChunk) =>
  Object.fromEntries(
    Object.entries(c).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v]),
  );

describe('chunkBlob', () => {
  it('round-trips every real sample file’s chunk exactly', async () => {
    let files = 0;
    for (const input of fixtureInputs()) {
      const bytes = new Uint8Array(await input.file.arrayBuffer());
      const content = await decodeLogFile(bytes).then(
        (d) => d.content,
        () => undefined, // the fixtures hold broken files too
      );
      if (content?.kind !== 'records') continue;
      const events: EventFields[] = [];
      for (const record of content.records) {
        const fields = extractEventFields(record);
        if (!isRecordProblem(fields)) events.push(fields);
      }
      const chunk = encodeFileChunk(
        events,
        events.map((_, i) => i),
      );
      const back = await decodeChunkBlob(encodeChunkBlob(chunk));
      expect(plain(back)).toEqual(plain(chunk));
      expect(back.codes.constructor).toBe(chunk.codes.constructor);
      files++;
    }
    expect(files).toBeGreaterThan(3);
  });

  it('keeps text eventIDs, issued keys, wide codes and hostile strings', async () => {
    const strings = Array.from({ length: 70_000 }, (_, i) => `agent-${i}\u202e<script>\u0000`);
    const events = strings.map((userAgent, i): EventFields => ({
      eventTime: 1_700_000_000_000 + i,
      eventID: i % 2 === 0 ? `not-a-uuid-${i}` : '6c3f4e9e-1a2b-4c5d-8e9f-0a1b2c3d4e5f',
      eventName: 'AssumeRole',
      eventSource: 'sts.amazonaws.com',
      awsRegion: 'us-east-1',
      errorCode: '',
      sourceIPAddress: '10.0.0.1',
      userAgent,
      readOnly: 'false',
      recipientAccountId: '111122223333',
      eventCategory: 'Management',
      eventType: 'AwsApiCall',
      identityType: 'IAMUser',
      userName: 'alice',
      accessKeyId: 'AKIAEXAMPLE',
      arn: '',
      principalId: '',
      issuedAccessKeyId: i === 3 ? 'ASIAISSUED' : '',
      resources: i === 5 ? [{ type: 'AWS::IAM::Role', name: 'arn:aws:iam::1:role/x' }] : [],
    }));
    const chunk = encodeFileChunk(
      events,
      events.map((_, i) => i),
    );
    expect(chunk.codes).toBeInstanceOf(Uint32Array);
    const back = await decodeChunkBlob(encodeChunkBlob(chunk));
    expect(plain(back)).toEqual(plain(chunk));
    expect(back.codes).toBeInstanceOf(Uint32Array);
    // 70,000 events compared field by field: seconds on a loaded 2-core machine.
  }, 30_000);

  it('rejects a Blob that is not a chunk', async () => {
    const junk = new Blob([new Uint32Array([2]), '{}']);
    await expect(decodeChunkBlob(junk)).rejects.toThrow('damaged');
  });
});
