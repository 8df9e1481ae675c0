import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { expect, it } from 'vitest';
import { loadBlooms, openCairnDb, saveBloom } from './cairnDb';

it('loadBlooms reads every stored word filter, batch after batch', async () => {
  await deleteDB('blooms-test');
  const db = await openCairnDb('blooms-test');
  for (const fileId of [1, 2, 3, 5, 8]) await saveBloom(db, fileId, Uint32Array.of(fileId, 7));
  for (const batch of [1, 2, 5, 512]) {
    const blooms = await loadBlooms(db, batch);
    expect([...blooms.keys()]).toEqual([1, 2, 3, 5, 8]);
    expect([...blooms.values()].map((b) => b[0])).toEqual([1, 2, 3, 5, 8]);
  }
  db.close();
});
