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
} from '../../../test/zipFolder';
import { expandInputs, MAX_ZIP_DEPTH } from './expandZip';
import type { ExpandOptions, ExpandedInput } from './expandZip';
import type { InputFile } from './types';

const enc = (s: string) => new TextEncoder().encode(s);
const hex = async (blob: Blob) => Buffer.from(await blob.arrayBuffer()).toString('hex');

async function expandAll(inputs: InputFile[], options?: ExpandOptions): Promise<ExpandedInput[]> {
  const out: ExpandedInput[] = [];
  for await (const item of expandInputs(inputs, options)) out.push(item);
  return out;
}

describe('expandInputs', () => {
  it('opens the real otrf zip as its one JSON-lines file', async () => {
    const zip = fixtureBytes(OTRF_ZIP);
    const [only, ...rest] = await expandAll([{ path: 'otrf.zip', file: new Blob([zip]) }]);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      input: { path: 'otrf.zip/ec2_proxy_s3_exfiltration_2020-09-14011940.json' },
      size: 106_600,
      weight: zip.length,
    });
    expect(await hex(only?.input.file ?? new Blob())).toBe(
      Buffer.from(
        fixtureBytes(`${SAMPLES}otrf/json-lines/ec2_proxy_s3_exfiltration_2020-09-14011940.json`),
      ).toString('hex'),
    );
  });

  it('gives a sample folder zipped exactly as the folder: paths, bytes, order', async () => {
    const dir = `${SAMPLES}invictus-aws`;
    const files = folderFiles(dir);
    const zip = zipFolder(dir);
    let found = 0;
    const items = await expandAll(
      [
        { path: 'before.json', file: new Blob([enc('{}')]) },
        { path: 'evidence/invictus.zip', file: new Blob([zip]) },
      ],
      { onFound: (n) => (found += n) },
    );
    expect(items.map((i) => i.input.path)).toEqual([
      'before.json',
      ...Object.keys(files).map((p) => `evidence/invictus.zip/${p}`),
    ]);
    for (const [i, [, bytes]] of Object.entries(files).entries()) {
      expect(await hex(items[i + 1]?.input.file ?? new Blob())).toBe(
        Buffer.from(bytes).toString('hex'),
      );
    }
    expect(found).toBe(Object.keys(files).length - 1);
    // Progress weights share out exactly the bytes dropped.
    expect(items.slice(1).reduce((n, i) => n + i.weight, 0)).toBe(zip.length);
    expect(items.every((i) => i.problem === undefined)).toBe(true);
  });

  it('recognises a zip by content, not name, and leaves other files untouched', async () => {
    const log = new Blob([enc('{"Records":[]}')]);
    const notZip = new Blob([enc('PK but not a zip')]);
    const zip = new Blob([zipSync({ 'a.json': enc('{"Records":[]}') })]);
    const items = await expandAll([
      { path: 'log.json', file: log },
      { path: 'fake.zip', file: notZip },
      { path: 'renamed.json.gz', file: zip },
    ]);
    expect(items.map((i) => i.input.path)).toEqual([
      'log.json',
      'fake.zip',
      'renamed.json.gz/a.json',
    ]);
    expect(items[0]?.input.file).toBe(log);
    expect(items[1]?.input.file).toBe(notZip);
  });

  it('opens nested archives, up to a bounded depth', async () => {
    const log = enc('{"Records":[]}');
    // Archive levelN.zip holds atN.json and level(N-1).zip; the innermost holds deepest.json.
    let zip = zipSync({ 'deepest.json': log });
    for (let level = 1; level <= MAX_ZIP_DEPTH; level++) {
      zip = zipSync({ [`at${level}.json`]: log, [`level${level}.zip`]: zip });
    }
    const items = await expandAll([{ path: 'top.zip', file: new Blob([zip]) }]);
    expect(items.map((i) => [i.input.path, i.problem?.status])).toEqual([
      ['top.zip/at3.json', undefined],
      ['top.zip/level3.zip/at2.json', undefined],
      ['top.zip/level3.zip/level2.zip/at1.json', undefined],
      // At depth MAX_ZIP_DEPTH + 1: listed, not opened.
      ['top.zip/level3.zip/level2.zip/level1.zip', 'skipped'],
    ]);
    expect(items[3]?.problem?.reason).toBe(
      `A zip archive nested more than ${MAX_ZIP_DEPTH} deep: not opened`,
    );
  });

  it('leaves out directories and macOS metadata', async () => {
    const zip = zipSync({
      'logs/': {},
      'logs/a.json': enc('{"Records":[]}'),
      '__MACOSX/logs/._a.json': enc('AppleDouble'),
    });
    const items = await expandAll([{ path: 'mac.zip', file: new Blob([zip]) }]);
    expect(items.map((i) => i.input.path)).toEqual(['mac.zip/logs/a.json']);
  });

  it('fails a corrupt archive alone, as one file', async () => {
    const whole = fixtureBytes(OTRF_ZIP);
    const after = new Blob([enc('{"Records":[]}')]);
    const items = await expandAll([
      { path: 'cut.zip', file: new Blob([whole.slice(0, 9000)]) },
      { path: 'after.json', file: after },
    ]);
    expect(items).toEqual([
      {
        input: { path: 'cut.zip', file: expect.any(Blob) as Blob },
        size: 9000,
        weight: 9000,
        problem: {
          status: 'failed',
          reason:
            'Corrupt zip archive: no end of central directory record: the archive is truncated',
        },
      },
      { input: { path: 'after.json', file: after }, size: after.size, weight: after.size },
    ]);
  });

  it('fails each encrypted entry with its reason and its real size', async () => {
    const items = await expandAll([
      { path: 'enc.zip', file: new Blob([fixtureBytes(`${ZIPS}cloud-snitch-encrypted.zip`)]) },
    ]);
    expect(items.map((i) => [i.size, i.problem?.status])).toEqual([
      [672, 'failed'],
      [5305, 'failed'],
    ]);
    expect(items[0]?.problem?.reason).toBe(
      'Could not read this file from its zip archive: the entry is encrypted (password-protected); extract the archive first',
    );
  });

  it('says an empty archive holds no files', async () => {
    const items = await expandAll([{ path: 'empty.zip', file: new Blob([zipSync({})]) }]);
    expect(items.map((i) => i.problem)).toEqual([
      { status: 'skipped', reason: 'A zip archive with no files in it' },
    ]);
  });

  it('reads nothing more once stopped: the rest comes out unread, with sizes', async () => {
    let stopped = false;
    const items: ExpandedInput[] = [];
    const zip = new Blob([fixtureBytes(`${ZIPS}cloud-snitch-streamed.zip`)]);
    for await (const item of expandInputs([{ path: 's.zip', file: zip }], {
      isStopped: () => stopped,
    })) {
      items.push(item);
      stopped = true;
    }
    expect(items.map((i) => [i.input.file.size, i.size])).toEqual([
      [672, 672],
      [0, 5305],
    ]);
  });

  it('refuses an archive whose entries overlap, alone, as one file', async () => {
    const bomb = new Blob([overlappingZip(['a.json', 'b.json'], enc('{"Records":[]}'))]);
    const after = new Blob([enc('{"Records":[]}')]);
    const items = await expandAll([
      { path: 'bomb.zip', file: bomb },
      { path: 'after.json', file: after },
    ]);
    expect(items).toEqual([
      {
        input: { path: 'bomb.zip', file: bomb },
        size: bomb.size,
        weight: bomb.size,
        problem: {
          status: 'failed',
          reason:
            'Zip archive refused: entries "a.json" and "b.json" overlap in the archive (the trick of a zip bomb)',
        },
      },
      { input: { path: 'after.json', file: after }, size: after.size, weight: after.size },
    ]);
  });

  it('refuses an archive with more entries or more bytes than one archive may hold', async () => {
    const files = { 'a.json': enc('a'.repeat(1000)), 'b.json': enc('b'.repeat(1000)) };
    const zip = { path: 'two.zip', file: new Blob([zipSync(files)]) };
    const opened = await expandAll([zip], { maxArchiveEntries: 2, maxArchiveBytes: 2000 });
    expect(opened.map((i) => [i.input.path, i.problem])).toEqual([
      ['two.zip/a.json', undefined],
      ['two.zip/b.json', undefined],
    ]);
    const [byCount] = await expandAll([zip], { maxArchiveEntries: 1 });
    expect(byCount?.problem).toEqual({
      status: 'failed',
      reason: 'Zip archive refused: it lists 2 entries, over the limit of 1 for one archive',
    });
    const [bySize] = await expandAll([zip], { maxArchiveBytes: 1999 });
    expect(bySize?.problem).toEqual({
      status: 'failed',
      reason:
        'Zip archive refused: its files inflate to 2,000 bytes, over the limit of 1,999 bytes for one archive (a zip bomb?)',
    });
  });

  it('counts archives inside an archive against the limits of the one dropped', async () => {
    const inner = (tag: string) =>
      zipSync({ [`${tag}1.json`]: enc('{}'), [`${tag}2.json`]: enc('{}') });
    const outer = zipSync({ 'x.zip': inner('x'), 'y.zip': inner('y') });
    const items = await expandAll([{ path: 'o.zip', file: new Blob([outer]) }], {
      maxArchiveEntries: 4,
    });
    // o.zip lists 2, x.zip 2 more; y.zip would make 6: refused alone, x.zip's files kept.
    expect(items.map((i) => [i.input.path, i.problem?.reason])).toEqual([
      ['o.zip/x.zip/x1.json', undefined],
      ['o.zip/x.zip/x2.json', undefined],
      [
        'o.zip/y.zip',
        'Zip archive refused: it lists 2 entries, over the 0 left of the limit for the archive it is in',
      ],
    ]);
  });
});
