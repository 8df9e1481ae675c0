import { EventIndex } from '../src/index/EventIndex';
import { planSegments } from '../src/index/indexSegments';
import { readSegments } from '../src/index/readSegments';

/**
 * The index as a reload reads it: planned into pieces, each cloned as IndexedDB would, and read back
 * (indexSegments.ts, readSegments.ts), without a database.
 */
export async function roundTrip(index: EventIndex): Promise<EventIndex> {
  const plan = planSegments(index, undefined, index.takeChanges(), 1);
  const stored = new Map(plan.writes.map((w) => [w.key, structuredClone(w.make())] as const));
  const parts = await readSegments(structuredClone(plan.manifest), (key) =>
    Promise.resolve(stored.get(key)),
  );
  return new EventIndex(parts);
}

/**
 * Makes every `put` into the `segments` store throw a DOMException named `name` (DataCloneError:
 * a value too big for the browser to clone; QuotaExceededError: a full disk), as Chromium does.
 * `after` puts succeed first (a save cut short between pieces). Returns the function that undoes it.
 */
export function failSegmentWrites(name: string, after = 0): () => void {
  const proto = IDBObjectStore.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its store through apply
  const put = proto.put;
  let left = after;
  proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === 'segments' && left-- <= 0)
      throw new DOMException(`Failed to execute 'put' on 'IDBObjectStore': ${name}`, name);
    return put.apply(this, args);
  };
  return () => {
    proto.put = put;
  };
}
