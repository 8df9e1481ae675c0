import { readZipDirectory } from '../../lib/readZipDirectory';
import type { ZipEntry } from '../../lib/readZipDirectory';
import { readZipEntry } from '../../lib/readZipEntry';
import type { CaseManifest } from './caseManifest';
import { MANIFEST_ENTRY, validateCaseManifest } from './caseManifest';
import type { InputFile } from '../ingest/types';

/** The manifest is small; anything larger than this is not a bundle Cairn wrote. */
const MAX_MANIFEST_BYTES = 256 * 2 ** 20;

/** A case bundle as read: its checked manifest, and its included files ready to ingest. */
export interface CaseBundle {
  readonly manifest: CaseManifest;
  /** The included files under their original paths, in manifest order. */
  readonly inputs: readonly InputFile[];
  /** Files the manifest says are included but whose entry is absent or unreadable, with why. */
  readonly unreadable: readonly string[];
  /** Annotations past MAX_BUNDLE_ANNOTATIONS, not read. */
  readonly droppedAnnotations: number;
}

/**
 * Reads a case bundle zip (writeCaseBundle): the central directory, then `cairn-case.json`, parsed
 * and checked by validateCaseManifest (a bundle is untrusted input). Each included file becomes an
 * input under its original path whose bytes are the entry's (a stored entry is a slice of the zip,
 * never copied; a deflated one, from a re-packed bundle, is inflated here).
 * @see https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
 * @throws Error with a readable reason when the zip is corrupt, has no manifest, or the manifest is
 *   not valid JSON or not a valid bundle manifest.
 */
export async function readCaseBundle(zip: Blob): Promise<CaseBundle> {
  const { manifest, byName, droppedAnnotations } = await openBundle(zip);
  const inputs: InputFile[] = [];
  const unreadable: string[] = [];
  for (const f of manifest.files) {
    if (f.entry === undefined) continue;
    const entry = byName.get(f.entry);
    if (entry === undefined) {
      unreadable.push(`${f.path}: not in the bundle`);
      continue;
    }
    try {
      inputs.push({ path: f.path, file: await readZipEntry(zip, entry) });
    } catch (error) {
      unreadable.push(`${f.path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { manifest, inputs, unreadable, droppedAnnotations };
}

/**
 * Only the checked manifest of a case bundle (its name, view, annotations and file list), without
 * touching the files: what a page shows before importing, e.g. to name a new case after it.
 * @throws Error as readCaseBundle.
 */
export async function readBundleManifest(zip: Blob): Promise<CaseManifest> {
  return (await openBundle(zip)).manifest;
}

async function openBundle(
  zip: Blob,
): Promise<{ manifest: CaseManifest; byName: Map<string, ZipEntry>; droppedAnnotations: number }> {
  const entries = await readZipDirectory(zip);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const manifestEntry = byName.get(MANIFEST_ENTRY);
  if (manifestEntry === undefined) {
    throw new Error(`Not a Cairn case bundle: the zip has no ${MANIFEST_ENTRY}`);
  }
  const text = await (await readZipEntry(zip, manifestEntry, MAX_MANIFEST_BYTES)).text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${MANIFEST_ENTRY} is not valid JSON: ${String(error)}`, { cause: error });
  }
  const checked = validateCaseManifest(json);
  if (!checked.ok) throw new Error(checked.error);
  return { manifest: checked.manifest, byName, droppedAnnotations: checked.droppedAnnotations };
}
