// Annotation and case bundle shapes as the UI receives them from the worker (derived from the
// worker API, so ui/ and data/ never import the worker's modules).
import type { IngestClient } from '../engine/engineClient';

/** One event's bookmark, tags and note (db/annotations.ts). */
export type Annotation = Awaited<ReturnType<IngestClient['annotations']>>[number];
/** A change to one event's annotation; absent fields stay. */
export type AnnotationEdit = Parameters<IngestClient['annotate']>[1];
/** A tag in use and how many events carry it. */
export type TagCount = Awaited<ReturnType<IngestClient['annotationTags']>>[number];
/** What a case bundle would hold (files, their bytes, annotations). */
export type BundleSize = Awaited<ReturnType<IngestClient['bundleSize']>>;
/** What importing a case bundle did (engine/CaseBundles.ts). */
export type BundleImport = Awaited<ReturnType<IngestClient['importBundle']>>;

export { ANNOTATION_LIMITS } from '../index/types';
