import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

/** Real CloudTrail samples, each folder with its publisher's LICENSE (see the README there). */
export const SAMPLES = new URL('./fixtures/samples/', import.meta.url).pathname;
/** Test fixtures holding zip archives (see the README there). */
export const ZIPS = new URL('./fixtures/zips/', import.meta.url).pathname;
/** The real otrf sample: one JSON-lines file inside a zip (MIT, LICENSE beside it). */
export const OTRF_ZIP = new URL(
  './fixtures/samples/otrf/zip/ec2_proxy_s3_exfiltration.zip',
  import.meta.url,
).pathname;

/** Every file under `dir`, keyed by its path relative to `base` (default `dir`), sorted by path. */
export function folderFiles(dir: string, base = dir): Record<string, Uint8Array> {
  const paths: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else paths.push(p);
    }
  };
  walk(dir);
  const out: Record<string, Uint8Array> = {};
  for (const p of paths.sort((a, b) => relative(base, a).localeCompare(relative(base, b)))) {
    out[relative(base, p)] = new Uint8Array(readFileSync(p));
  }
  return out;
}

/** A zip archive built with fflate's zipSync (deflate) of every file under `dir`, paths relative to `base`. */
export function zipFolder(dir: string, base = dir): Uint8Array<ArrayBuffer> {
  return new Uint8Array(zipSync(folderFiles(dir, base)));
}

/** A fixture file's bytes. */
export function fixtureBytes(path: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(path));
}

/**
 * The trick of the overlapping zip bomb (Fifield, "A better zip bomb", 2019): `names.length` central
 * directory entries that all point at one local header and its data, so one small kernel inflates
 * once per entry. Built from a zipSync archive of the same bytes under each name (so sizes and CRC-32
 * agree), with every entry's local header offset (APPNOTE §4.3.12, at +42) set to the first one's.
 * @see https://www.bamsoftware.com/hacks/zipbomb/
 */
export function overlappingZip(
  names: readonly string[],
  bytes: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const zip = new Uint8Array(zipSync(Object.fromEntries(names.map((n) => [n, bytes]))));
  const view = new DataView(zip.buffer);
  const endAt = zip.length - 22;
  let p = view.getUint32(endAt + 16, true);
  for (let i = 0; i < names.length; i++) {
    view.setUint32(p + 42, 0, true);
    p +=
      46 +
      view.getUint16(p + 28, true) +
      view.getUint16(p + 30, true) +
      view.getUint16(p + 32, true);
  }
  return zip;
}
