import { describe, expect, it } from 'vitest';
import { fixtureBytes, folderFiles, OTRF_ZIP, SAMPLES, ZIPS } from '../../test/zipFolder';
import { readZipDirectory } from './readZipDirectory';
import type { ZipEntry } from './readZipDirectory';
import { readZipEntry } from './readZipEntry';

const snitchFiles = folderFiles(`${SAMPLES}cloud-snitch`);
const otrfJsonLines = fixtureBytes(
  `${SAMPLES}otrf/json-lines/ec2_proxy_s3_exfiltration_2020-09-14011940.json`,
);

async function entriesOf(bytes: Uint8Array<ArrayBuffer>): Promise<[Blob, ZipEntry[]]> {
  const zip = new Blob([bytes]);
  return [zip, (await readZipDirectory(zip)).filter((e) => !e.name.endsWith('/'))];
}

/** Hex of the blob's bytes: compared as one string, not element by element. */
async function bytesOf(blob: Blob): Promise<string> {
  return Buffer.from(await blob.arrayBuffer()).toString('hex');
}
const hex = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('hex');

describe('readZipEntry', () => {
  it('inflates the real otrf entry to the JSON-lines file it was made from', async () => {
    const [zip, [entry]] = await entriesOf(fixtureBytes(OTRF_ZIP));
    if (entry === undefined) throw new Error('fixture');
    expect(await bytesOf(await readZipEntry(zip, entry))).toBe(hex(otrfJsonLines));
  });

  for (const name of ['cloud-snitch-streamed.zip', 'cloud-snitch-zip64.zip']) {
    it(`gives back every file of ${name} byte for byte (gzip stays gzip)`, async () => {
      const [zip, entries] = await entriesOf(fixtureBytes(`${ZIPS}${name}`));
      expect(entries).toHaveLength(2);
      for (const entry of entries) {
        expect(await bytesOf(await readZipEntry(zip, entry))).toBe(hex(snitchFiles[entry.name]));
      }
    });
  }

  it('names encryption as the reason an entry cannot be read', async () => {
    const [zip, entries] = await entriesOf(fixtureBytes(`${ZIPS}cloud-snitch-encrypted.zip`));
    for (const entry of entries) {
      await expect(readZipEntry(zip, entry)).rejects.toThrow(/encrypted \(password-protected\)/);
    }
  });

  it('names an unsupported compression method', async () => {
    const [zip, [entry]] = await entriesOf(fixtureBytes(OTRF_ZIP));
    if (entry === undefined) throw new Error('fixture');
    await expect(readZipEntry(zip, { ...entry, method: 12 })).rejects.toThrow(
      /compression method 12 \(bzip2\) is not supported/,
    );
  });

  it('catches corrupt deflate data and a corrupt stored file by its CRC-32', async () => {
    const deflated = fixtureBytes(OTRF_ZIP);
    deflated[5000] = (deflated[5000] ?? 0) ^ 0xff;
    const [zip, [entry]] = await entriesOf(deflated);
    if (entry === undefined) throw new Error('fixture');
    await expect(readZipEntry(zip, entry)).rejects.toThrow(/corrupt/);

    const stored = fixtureBytes(`${ZIPS}cloud-snitch-zip64.zip`);
    const [, [first]] = await entriesOf(stored.slice());
    if (first === undefined) throw new Error('fixture');
    // A byte inside the first (stored) gzip file's data, past its local header.
    stored[first.localHeaderOffset + 300] = (stored[first.localHeaderOffset + 300] ?? 0) ^ 1;
    await expect(readZipEntry(new Blob([stored]), first)).rejects.toThrow(/CRC-32 does not match/);
  });

  it('stops at the size limit and at a declared size the data exceeds', async () => {
    const [zip, [entry]] = await entriesOf(fixtureBytes(OTRF_ZIP));
    if (entry === undefined) throw new Error('fixture');
    await expect(readZipEntry(zip, entry, 100_000)).rejects.toThrow(/over the 100000-byte limit/);
    await expect(readZipEntry(zip, { ...entry, size: 1000 })).rejects.toThrow(
      /more than its declared 1000 bytes/,
    );
  });

  it('rejects an entry whose local header is not where the directory says', async () => {
    const [zip, [entry]] = await entriesOf(fixtureBytes(OTRF_ZIP));
    if (entry === undefined) throw new Error('fixture');
    await expect(readZipEntry(zip, { ...entry, localHeaderOffset: 7 })).rejects.toThrow(
      /local header is missing/,
    );
  });
});
