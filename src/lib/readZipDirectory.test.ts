import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  fixtureBytes,
  folderFiles,
  OTRF_ZIP,
  overlappingZip,
  SAMPLES,
  ZIPS,
  zipFolder,
} from '../../test/zipFolder';
import { readZipDirectory } from './readZipDirectory';

const CLOUD_SNITCH = `${SAMPLES}cloud-snitch`;
const snitchFiles = folderFiles(CLOUD_SNITCH);
const blob = (bytes: Uint8Array<ArrayBuffer>) => new Blob([bytes]);
const filesOf = (entries: Awaited<ReturnType<typeof readZipDirectory>>) =>
  entries.filter((e) => !e.name.endsWith('/'));

describe('readZipDirectory', () => {
  it('lists the real otrf archive (deflate)', async () => {
    expect(await readZipDirectory(blob(fixtureBytes(OTRF_ZIP)))).toEqual([
      {
        name: 'ec2_proxy_s3_exfiltration_2020-09-14011940.json',
        flags: 0,
        method: 8,
        crc32: expect.any(Number) as number,
        compressedSize: 14481,
        size: 106600,
        localHeaderOffset: 0,
      },
    ]);
  });

  it('reads sizes from a stream-written archive (data descriptors)', async () => {
    const entries = await readZipDirectory(blob(fixtureBytes(`${ZIPS}cloud-snitch-streamed.zip`)));
    const files = filesOf(entries);
    expect(files.map((e) => e.name)).toEqual(
      Object.keys(snitchFiles).filter((p) => p !== 'LICENSE'),
    );
    for (const e of files) {
      expect(e.flags & 8).toBe(8);
      expect(e.method).toBe(8);
      expect(e.size).toBe(snitchFiles[e.name]?.length);
    }
    expect(entries.filter((e) => e.name.endsWith('/'))).toHaveLength(14);
  });

  it('resolves zip64 records and extra fields', async () => {
    const files = filesOf(
      await readZipDirectory(blob(fixtureBytes(`${ZIPS}cloud-snitch-zip64.zip`))),
    );
    // Every uncompressed size in this archive is 0xFFFFFFFF in the directory, the real one in zip64.
    expect(files.map((e) => [e.method, e.size])).toEqual([
      [0, 672],
      [0, 5305],
    ]);
    expect(files[0]?.localHeaderOffset).toBe(0x31f);
  });

  it('lists a zipSync archive of a sample folder, names and sizes', async () => {
    const dir = `${SAMPLES}invictus-aws`;
    const files = folderFiles(dir);
    const entries = await readZipDirectory(blob(zipFolder(dir)));
    expect(entries.map((e) => [e.name, e.size])).toEqual(
      Object.entries(files).map(([name, bytes]) => [name, bytes.length]),
    );
  });

  it('finds the end record past a comment that itself looks like one', async () => {
    const zip = zipSync(
      { 'a.json': new TextEncoder().encode('{"Records":[]}') },
      { comment: 'PK\x05\x06 not the end record' },
    );
    expect((await readZipDirectory(blob(new Uint8Array(zip)))).map((e) => e.name)).toEqual([
      'a.json',
    ]);
  });

  it('reads an empty archive as no entries', async () => {
    expect(await readZipDirectory(blob(new Uint8Array(zipSync({}))))).toEqual([]);
  });

  it('rejects a truncated archive with a readable reason', async () => {
    const whole = fixtureBytes(OTRF_ZIP);
    await expect(readZipDirectory(blob(whole.slice(0, whole.length - 30)))).rejects.toThrow(
      /truncated/,
    );
    // The end record survives but the directory it points to is cut off.
    const cut = new Uint8Array([...whole.slice(0, 10_000), ...whole.slice(-22)]);
    await expect(readZipDirectory(blob(cut))).rejects.toThrow(/outside the archive/);
  });

  it('rejects a corrupt directory entry', async () => {
    const bytes = fixtureBytes(`${ZIPS}cloud-snitch-streamed.zip`);
    const view = new DataView(bytes.buffer);
    const endAt = bytes.length - 22;
    const dirAt = view.getUint32(endAt + 16, true);
    bytes[dirAt] = 0; // the first entry's signature
    await expect(readZipDirectory(blob(bytes))).rejects.toThrow(/corrupt at entry 1 of 16/);
  });

  it('refuses entries whose data overlap, the trick of the overlapping zip bomb', async () => {
    const kernel = new TextEncoder().encode('{"Records":[]}'.repeat(1000));
    const bomb = overlappingZip(['a.json', 'b.json', 'c.json'], kernel);
    await expect(readZipDirectory(blob(bomb))).rejects.toThrow(
      'entries "a.json" and "b.json" overlap in the archive (the trick of a zip bomb)',
    );
  });
});
