// Parse worker: a thin shell over parseLogFile. Several run at once; the ingest worker feeds them.
import { expose, transfer } from 'comlink';
import { buildFileBloom } from './buildFileBloom';
import { matchStoredRecords } from '../../search/matchStoredRecords';
import { parseLogFile } from './parseLogFile';
import { PACK_KEY, packRules } from '../../detect/packRules';
import { transferablesOf } from './transferablesOf';
import type { InputFile } from './types';

const api = {
  async parse(input: InputFile) {
    // The pack's rules run on each file while its records are in hand (fileRuleHits).
    const result = await parseLogFile(input, { rules: { rules: packRules(), key: PACK_KEY } });
    return transfer(result, transferablesOf(result));
  },
  async match(bytes: Uint8Array<ArrayBuffer>, q: string, recordIndices: Uint32Array) {
    const verdict = await matchStoredRecords(bytes, q, recordIndices);
    return transfer(verdict, [verdict.buffer]);
  },
  async bloom(bytes: Uint8Array<ArrayBuffer>) {
    const bloom = await buildFileBloom(bytes);
    return bloom === undefined ? undefined : transfer(bloom, [bloom.buffer]);
  },
};

/** The parse worker's API, as seen through Comlink. */
export type ParseWorkerApi = typeof api;

expose(api);
