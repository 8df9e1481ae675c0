import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { BundleFile, CaseManifest } from './caseManifest';
import { MANIFEST_ENTRY } from './caseManifest';

/** A source file to include: its manifest entry and how to read its stored bytes (undefined: gone). */
export interface BundleSource {
  readonly file: BundleFile;
  readonly bytes: () => Promise<Uint8Array | undefined>;
}

/**
 * fflate writes no zip64 records, so a bundle stays under 4 GiB (less a margin for headers and the
 * manifest); larger cases are exported without their files.
 */
export const MAX_BUNDLE_BYTES = 2 ** 32 - 2 ** 26;

/**
 * The zip entry name for a file's bytes: `files/<path>` with the path made safe to extract
 * (no leading `/`, no `.` or `..` segments, no backslashes), made unique with its SHA-256 when
 * another file already took the name.
 */
export function bundleEntryName(path: string, sha256: string, taken: ReadonlySet<string>): string {
  const safe = path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .map((s) => (s === '..' ? '_' : s))
    .join('/');
  const name = `files/${safe === '' ? sha256 : safe}`;
  return taken.has(name) ? `files/${sha256}/${safe}` : name;
}

/**
 * Writes a case bundle as a zip, yielding its bytes part by part: `cairn-case.json` (deflated)
 * first, then each source's original bytes, stored as they are (they are mostly gzip already, and
 * stored entries read back as zero-copy slices). One file's bytes are held at a time, so a large
 * bundle never sits in memory. A source whose bytes are gone is left out of the zip (its manifest
 * entry has none), which the manifest written first already reflects: call with sources whose
 * `file.entry` is set only for files to include.
 * @see https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
 * @throws Error when a source's bytes cannot be read.
 */
export async function* writeCaseBundle(
  manifest: CaseManifest,
  sources: readonly BundleSource[],
): AsyncGenerator<Uint8Array> {
  const parts: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error !== null) failure = error;
    else parts.push(chunk);
  });
  const drain = function* () {
    if (failure !== undefined) throw failure;
    yield* parts.splice(0);
  };
  const json = new ZipDeflate(MANIFEST_ENTRY, { level: 6 });
  json.mtime = manifest.exportedAt;
  zip.add(json);
  json.push(strToU8(JSON.stringify(manifest, null, 2)), true);
  yield* drain();
  for (const source of sources) {
    const entry = source.file.entry;
    if (entry === undefined) continue;
    const bytes = await source.bytes();
    if (bytes === undefined) throw new Error(`The stored bytes of ${source.file.path} are missing`);
    const member = new ZipPassThrough(entry);
    member.mtime = manifest.exportedAt;
    zip.add(member);
    member.push(bytes, true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
