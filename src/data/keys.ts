import type { EngineClient } from '../engine/engineClient';

/**
 * Every read of the open case sits under this key: an ingest, Clear data or a case switch invalidates
 * (or removes) it whole.
 */
export const DATASET_KEY = ['dataset'] as const;

/** The engine's services (engine/engineApi.ts). */
export type ServiceName =
  | 'cases'
  | 'dataset'
  | 'search'
  | 'report'
  | 'events'
  | 'sessions'
  | 'identity'
  | 'files'
  | 'integrity'
  | 'exports'
  | 'notes'
  | 'queries'
  | 'detections'
  | 'ipOrigins'
  | 'bundles';

/**
 * The query key of a read of the open case: the service, its method, and every argument the answer
 * depends on (TanStack Query hashes them), under DATASET_KEY. Keys are written beside the read that
 * uses them, so a new read touches its service and its hook only.
 */
export function readKey<S extends ServiceName>(
  service: S,
  method: Extract<keyof EngineClient[S], string>,
  ...args: readonly unknown[]
) {
  return [...DATASET_KEY, service, method, ...args] as const;
}
