import type { EventFields } from '../src/cloudtrail/types';
import { encodeFileChunk } from '../src/index/encodeFileChunk';
import { EventIndex } from '../src/index/EventIndex';

/** A fresh index holding `events` as one file (file 1), in the given order, nothing collided. */
export function indexOfEvents(events: readonly EventFields[]): EventIndex {
  const index = new EventIndex();
  index.applyChunk(
    encodeFileChunk(
      events,
      events.map((_, i) => i),
    ),
    1,
    { duplicates: new Uint32Array(0), conflicts: new Uint32Array(0) },
  );
  return index;
}
