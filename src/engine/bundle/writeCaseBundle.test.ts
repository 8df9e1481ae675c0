import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZipDirectory } from '../../lib/readZipDirectory';
import { validateCaseManifest } from './caseManifest';
import { buildCaseManifest } from './buildCaseManifest';
import { bundleEntryName, writeCaseBundle } from './writeCaseBundle';

const SHA = 'c'.repeat(64);

describe('bundleEntryName', () => {
  it.each([
    ['AWSLogs/1/a.json.gz', 'files/AWSLogs/1/a.json.gz'],
    ['/etc/passwd', 'files/etc/passwd'],
    ['../../outside/x.json', 'files/_/_/outside/x.json'],
    ['a\\b\\..\\c.json', 'files/a/b/_/c.json'],
    ['./x//y.json', 'files/x/y.json'],
    ['..', 'files/_'],
    ['', `files/${SHA}`],
  ])('keeps %s inside files/ as %s', (path, name) => {
    expect(bundleEntryName(path, SHA, new Set())).toBe(name);
  });

  it('gives a second file with the same path its own name, by SHA-256', () => {
    expect(bundleEntryName('a.json', SHA, new Set(['files/a.json']))).toBe(`files/${SHA}/a.json`);
  });
});

describe('writeCaseBundle', () => {
  it('writes the manifest then each included file as stored, byte for byte', async () => {
    const one = new TextEncoder().encode('{"Records":[]}');
    const two = new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]);
    const meta = (fileId: number, path: string, bytes: Uint8Array) => ({
      fileId,
      path,
      size: bytes.length,
      sha256: String(fileId).repeat(64),
      kind: 'log' as const,
      gzip: false,
      records: 0,
      added: 0,
      duplicates: 0,
      conflicts: 0,
      invalidRecords: 0,
      trailingBytes: 0,
      addedAt: 0,
    });
    const files = [meta(1, 'a.json', one), meta(2, 'a.json', two)];
    const manifest = buildCaseManifest(
      files,
      [],
      { caseName: '  ', view: '?q=x', includeFiles: true },
      Date.UTC(2026, 10, 30),
    );
    expect(manifest.caseName).toBe('Cairn case');
    expect(manifest.files.map((f) => f.entry)).toEqual([
      'files/a.json',
      `files/${'2'.repeat(64)}/a.json`,
    ]);
    const bytes = [one, two];
    const parts: Uint8Array<ArrayBuffer>[] = [];
    const sources = manifest.files.map((file, i) => ({
      file,
      bytes: () => Promise.resolve(bytes[i]),
    }));
    for await (const part of writeCaseBundle(manifest, sources)) parts.push(new Uint8Array(part));
    const zip = new Blob(parts);
    const entries = await readZipDirectory(zip);
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ['cairn-case.json', 8],
      ['files/a.json', 0],
      [`files/${'2'.repeat(64)}/a.json`, 0],
    ]);
    const unzipped = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(unzipped['files/a.json']).toEqual(one);
    expect(unzipped[`files/${'2'.repeat(64)}/a.json`]).toEqual(two);
    const json: unknown = JSON.parse(strFromU8(unzipped['cairn-case.json'] ?? new Uint8Array()));
    expect(validateCaseManifest(json)).toEqual({ ok: true, manifest, droppedAnnotations: 0 });
  });

  it('fails when a file to include has lost its stored bytes', async () => {
    const manifest = buildCaseManifest(
      [],
      [],
      { caseName: 'c', view: '', includeFiles: true },
      Date.UTC(2026, 0, 1),
    );
    const file = {
      path: 'gone.json',
      size: 1,
      sha256: SHA,
      kind: 'log' as const,
      events: 0,
      entry: 'files/gone.json',
    };
    const run = async () => {
      for await (const part of writeCaseBundle(manifest, [
        { file, bytes: () => Promise.resolve(undefined) },
      ])) {
        expect(part.byteLength).toBeGreaterThan(0);
      }
    };
    await expect(run()).rejects.toThrow('The stored bytes of gone.json are missing');
  });
});
