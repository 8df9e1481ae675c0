import { isObject } from '../../lib/isObject';
import type { Annotation } from '../../index/Annotation';
import { MAX_NOTE_LENGTH, normalizeTags } from '../../index/Annotation';
import type { FileKind } from '../../cloudtrail/types';
import { MAX_SAVED, readSavedQueries } from '../../db/savedQueries';
import type { SavedQuery } from '../../db/savedQueries';
import { readCaseDetections } from '../../db/caseDetections';
import type { CaseDetections } from '../../db/caseDetections';

/** The `format` value every case bundle manifest carries. */
export const BUNDLE_FORMAT = 'cairn-case-bundle';
/** The manifest version this code writes and reads. */
export const BUNDLE_VERSION = 1;
/** The manifest's entry name in the bundle zip. */
export const MANIFEST_ENTRY = 'cairn-case.json';

/** One source file of the case, as the bundle lists it. */
export interface BundleFile {
  /** Path as dropped (FileMeta.path). */
  readonly path: string;
  /** Bytes as given. */
  readonly size: number;
  /** Hex SHA-256 of the bytes as given: how an import finds the file in a case. */
  readonly sha256: string;
  readonly kind: FileKind;
  /** Records the file holds. */
  readonly events: number;
  /** The zip entry holding its original bytes, when the bundle includes them. */
  readonly entry?: string;
}

/**
 * `cairn-case.json`, the manifest of a case bundle: everything a responder added to a case (the
 * annotations), the view they were on (`view`: the URL search string, e.g. `?q=…&range=…`) and the
 * source files by SHA-256. `exportedAt` is ISO 8601.
 */
export interface CaseManifest {
  readonly format: typeof BUNDLE_FORMAT;
  readonly version: typeof BUNDLE_VERSION;
  readonly exportedAt: string;
  readonly caseName: string;
  readonly view: string;
  readonly annotations: readonly Annotation[];
  readonly files: readonly BundleFile[];
  /**
   * The case's saved queries (`saved:<name>`). Absent from bundles written before they existed,
   * which is read as none; readers that predate it ignore it.
   */
  readonly savedQueries: readonly SavedQuery[];
  /**
   * The case's own Sigma rule files and the detection hits marked benign (db/caseDetections.ts).
   * Absent from bundles written before detections existed, which is read as none.
   */
  readonly detections: CaseDetections;
}

/**
 * The most annotations read from one bundle; the rest are dropped and counted. A million is far past
 * what a responder writes by hand (each is one event's marks), and keeps a hostile manifest from
 * filling the case's storage and the worker's memory with marks.
 */
export const MAX_BUNDLE_ANNOTATIONS = 1_000_000;

/**
 * The outcome of validating untrusted manifest JSON. `droppedAnnotations` counts the annotations
 * past the cap (MAX_BUNDLE_ANNOTATIONS), which are not in `manifest`.
 */
export type ManifestCheck =
  | { readonly ok: true; readonly manifest: CaseManifest; readonly droppedAnnotations: number }
  | { readonly ok: false; readonly error: string };

const SHA256 = /^[0-9a-f]{64}$/;
/** Longest string kept from a manifest (paths, names, the view); longer means a broken or hostile file. */
const MAX_TEXT = 100_000;

class Invalid extends Error {}

function text(v: unknown, where: string, max = MAX_TEXT): string {
  if (typeof v !== 'string') throw new Invalid(`${where} must be text`);
  if (v.length > max) throw new Invalid(`${where} is longer than ${max} characters`);
  return v;
}

function count(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new Invalid(`${where} must be a whole number ≥ 0`);
  }
  return v;
}

function time(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new Invalid(`${where} must be a time in ms`);
  return v;
}

function list(v: unknown, where: string): readonly unknown[] {
  if (!Array.isArray(v)) throw new Invalid(`${where} must be a list`);
  return v;
}

function readAnnotation(v: unknown, where: string): Annotation {
  if (!isObject(v)) throw new Invalid(`${where} must be an object`);
  if (typeof v['bookmarked'] !== 'boolean')
    throw new Invalid(`${where}.bookmarked must be true or false`);
  const tags = list(v['tags'], `${where}.tags`).map((t, i) => text(t, `${where}.tags[${i}]`, 1000));
  const eventTime = v['eventTime'];
  const eventName = v['eventName'];
  return {
    key: text(v['key'], `${where}.key`, 1000),
    bookmarked: v['bookmarked'],
    tags: normalizeTags(tags),
    note: text(v['note'], `${where}.note`, MAX_NOTE_LENGTH),
    updatedAt: time(v['updatedAt'], `${where}.updatedAt`),
    ...(eventTime === undefined ? {} : { eventTime: time(eventTime, `${where}.eventTime`) }),
    ...(eventName === undefined ? {} : { eventName: text(eventName, `${where}.eventName`, 1000) }),
  };
}

function readFile(v: unknown, where: string): BundleFile {
  if (!isObject(v)) throw new Invalid(`${where} must be an object`);
  const sha256 = text(v['sha256'], `${where}.sha256`, 64);
  if (!SHA256.test(sha256)) throw new Invalid(`${where}.sha256 must be 64 lower-case hex digits`);
  const kind = v['kind'];
  if (kind !== 'log' && kind !== 'digest') throw new Invalid(`${where}.kind must be log or digest`);
  const entry = v['entry'];
  return {
    path: text(v['path'], `${where}.path`, 4096),
    size: count(v['size'], `${where}.size`),
    sha256,
    kind,
    events: count(v['events'], `${where}.events`),
    ...(entry === undefined ? {} : { entry: text(entry, `${where}.entry`, 8192) }),
  };
}

/**
 * Checks parsed `cairn-case.json` (untrusted: a bundle can come from anyone) field by field and
 * returns a manifest built only from checked values, or the first problem found, naming the field.
 * Tags are normalised as when typed (annotations.ts). Only the first `maxAnnotations` annotations
 * are read (and checked); the count of the others is returned. Never throws.
 */
export function validateCaseManifest(
  json: unknown,
  maxAnnotations = MAX_BUNDLE_ANNOTATIONS,
): ManifestCheck {
  try {
    if (!isObject(json)) throw new Invalid('The manifest must be a JSON object');
    if (json['format'] !== BUNDLE_FORMAT) {
      throw new Invalid(`Not a Cairn case bundle (format must be "${BUNDLE_FORMAT}")`);
    }
    if (json['version'] !== BUNDLE_VERSION) {
      throw new Invalid(`Unsupported bundle version (this Cairn reads version ${BUNDLE_VERSION})`);
    }
    const exportedAt = text(json['exportedAt'], 'exportedAt', 100);
    if (Number.isNaN(Date.parse(exportedAt)))
      throw new Invalid('exportedAt must be an ISO 8601 time');
    const view = text(json['view'], 'view');
    if (view !== '' && !view.startsWith('?')) throw new Invalid('view must be a URL search string');
    const listed = list(json['annotations'], 'annotations');
    const annotations = listed
      .slice(0, maxAnnotations)
      .map((a, i) => readAnnotation(a, `annotations[${i}]`));
    const files = list(json['files'], 'files').map((f, i) => readFile(f, `files[${i}]`));
    const savedList =
      json['savedQueries'] === undefined ? [] : list(json['savedQueries'], 'savedQueries');
    if (savedList.length > MAX_SAVED)
      throw new Invalid(`savedQueries holds more than ${MAX_SAVED} queries`);
    return {
      ok: true,
      manifest: {
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        exportedAt,
        caseName: text(json['caseName'], 'caseName', 500),
        view,
        annotations,
        files,
        // Each entry is checked (name, text, lengths); unusable or repeated ones are left out.
        savedQueries: readSavedQueries(savedList, Date.parse(exportedAt)),
        // Each rule file and suppression is checked; malformed ones are left out. Rule texts stay
        // untrusted: the case reads them again like a dropped rule file.
        detections: readCaseDetections(json['detections']),
      },
      droppedAnnotations: listed.length - annotations.length,
    };
  } catch (error) {
    if (error instanceof Invalid)
      return { ok: false, error: `Invalid case bundle: ${error.message}` };
    throw error;
  }
}
