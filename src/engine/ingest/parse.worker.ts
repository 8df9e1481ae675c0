// Parse worker: a thin shell over parseLogFile. Several run at once; the ingest worker feeds them.
import { expose, transfer } from 'comlink';
import { buildFileBloom } from './buildFileBloom';
import { matchStoredRecords } from '../../search/matchStoredRecords';
import { parseLogFile } from './parseLogFile';
import { transferablesOf } from './transferablesOf';
import type { InputFile } from './types';

const api = {
  async parse(input: InputFile) {
    const result = await parseLogFile(input);
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
