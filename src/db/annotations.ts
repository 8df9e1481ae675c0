import type { CairnDatabase } from './cairnDb';
import type { Annotation } from '../index/Annotation';
import { isBlank } from '../index/Annotation';

/** Every stored annotation. */
export function loadAnnotations(db: CairnDatabase): Promise<Annotation[]> {
  return db.getAll('annotations');
}

/** Stores `a`, or deletes its key when it marks nothing. */
export async function saveAnnotation(db: CairnDatabase, a: Annotation): Promise<void> {
  if (isBlank(a)) await db.delete('annotations', a.key);
  else await db.put('annotations', a, a.key);
}

/**
 * Merges `incoming` (a bundle's annotations) into the store in one transaction: an incoming
 * annotation is written when its key is new or its `updatedAt` is newer than the stored one's,
 * except that one `replaces(a)` says false for is written only when its key is new (an annotation
 * whose time cannot be believed never replaces the responder's own). Returns the annotations written.
 */
export async function mergeAnnotations(
  db: CairnDatabase,
  incoming: readonly Annotation[],
  replaces: (a: Annotation) => boolean = () => true,
): Promise<Annotation[]> {
  const tx = db.transaction('annotations', 'readwrite');
  const written: Annotation[] = [];
  for (const a of incoming) {
    const current = await tx.store.get(a.key);
    if (isBlank(a)) continue;
    if (current !== undefined && (current.updatedAt >= a.updatedAt || !replaces(a))) continue;
    written.push(a);
    await tx.store.put(a, a.key);
  }
  await tx.done;
  return written;
}
