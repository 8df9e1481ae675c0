import type { Collision, CollisionDecision } from '../../index/EventIndex';
import { stringifyJson } from '../../lib/stringifyJson';

/** Reads the records a collision decision needs. */
export interface CollisionRecords {
  /** The original record of a stored row. */
  readonly stored: (row: number) => Promise<unknown>;
  /** The original record of a row of the chunk being ingested. */
  readonly local: (localRow: number) => Promise<unknown>;
}

/**
 * Decides, for each row whose eventID is taken, whether it is the same record re-delivered (stored
 * once, with both sources) or a different record claiming the eventID (kept, and both flagged): real
 * trails re-deliver identical events in two Region folders, while a changed record under a known
 * eventID can mean tampering. Records are compared as JSON text of the parsed originals, key order
 * included.
 */
export async function resolveCollisions(
  collisions: readonly Collision[],
  read: CollisionRecords,
): Promise<Map<number, CollisionDecision>> {
  const decisions = new Map<number, CollisionDecision>();
  for (const c of collisions) {
    const mine = stringifyJson(await read.local(c.localRow));
    let decision: CollisionDecision;
    for (const row of c.rows) {
      if (stringifyJson(await read.stored(row)) === mine) {
        decision = { global: row };
        break;
      }
    }
    if (decision === undefined) {
      for (const local of c.localRows) {
        // An earlier row that was itself a duplicate points at the same stored event.
        if (decisions.get(local) !== undefined) continue;
        if (stringifyJson(await read.local(local)) === mine) {
          decision = { local };
          break;
        }
      }
    }
    if (decision !== undefined) decisions.set(c.localRow, decision);
  }
  return decisions;
}
