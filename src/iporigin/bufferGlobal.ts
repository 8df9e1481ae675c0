import { Buffer } from 'buffer';

// mmdb-lib reads the global Buffer when its modules load and when a Reader is made: the browser
// has none, so give it the npm one before mmdb-lib is imported (MmdbDatabase imports this first).
const g: { Buffer?: unknown } = globalThis;
g.Buffer ??= Buffer;
