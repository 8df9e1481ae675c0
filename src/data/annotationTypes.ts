// Annotation and case bundle shapes as the UI receives them from the worker (derived from the
// worker API, so ui/ and data/ never import the worker's modules).
import type { EngineClient } from '../engine/engineClient';

/** One event's bookmark, tags and note (db/annotations.ts). */
export type Annotation = Awaited<ReturnType<EngineClient['notes']['all']>>[number];
/** A change to one event's annotation; absent fields stay. */
export type AnnotationEdit = Parameters<EngineClient['notes']['annotate']>[1];
/** A tag in use and how many events carry it. */
export type TagCount = Awaited<ReturnType<EngineClient['notes']['tags']>>[number];
/** What a case bundle would hold (files, their bytes, annotations). */
export type BundleSize = Awaited<ReturnType<EngineClient['bundles']['size']>>;
/** What importing a case bundle did (engine/CaseBundles.ts). */
export type BundleImport = Awaited<ReturnType<EngineClient['bundles']['import']>>;

export { ANNOTATION_LIMITS } from '../index/types';
