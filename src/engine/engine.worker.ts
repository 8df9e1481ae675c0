// The engine worker: owns the open case (database and in-memory index) and answers the page.
// A thin shell: the API is createEngineApi's, the work is in the services it forwards to.
import { expose } from 'comlink';
import { createEngineApi } from './engineApi';
import { fetchIpData } from './fetchIpData';
import { ParsePool } from './ingest/ParsePool';

const pool = new ParsePool(
  () => new Worker(new URL('./ingest/parse.worker.ts', import.meta.url), { type: 'module' }),
);

expose(
  createEngineApi({
    parse: pool.parse,
    bloom: pool.bloom,
    match: pool.match,
    ipData: fetchIpData(self.location.href, import.meta.env.DEV),
  }),
);
