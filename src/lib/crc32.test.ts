import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixtureBytes, OTRF_ZIP } from '../../test/zipFolder';
import { crc32 } from './crc32';

describe('crc32', () => {
  it('gives the standard check value of "123456789"', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('agrees with zlib over a real file, whole or chunk by chunk', () => {
    const bytes = fixtureBytes(OTRF_ZIP);
    let chained = 0;
    for (let at = 0; at < bytes.length; at += 1000) {
      chained = crc32(bytes.subarray(at, at + 1000), chained);
    }
    expect(crc32(bytes)).toBe(nodeCrc32(bytes));
    expect(chained).toBe(nodeCrc32(bytes));
  });
});
