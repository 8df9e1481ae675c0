// The bench's own static server: dist/ at "/" (the app as users get it) and bench/ (floor page,
// generated data) at "/__bench/". Files are sent as they are: .gz as application/gzip without
// Content-Encoding, as S3 would hand them over.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { sendStaticFile } from '../../scripts/sendStaticFile.js';

export const BENCH_PREFIX = '/__bench/';

/**
 * Starts the server on 127.0.0.1 on a free port.
 * @param {object} opts
 * @param {string} opts.distDir served at "/"
 * @param {string} opts.benchDir served at "/__bench/"
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} url ends with "/"
 */
export function startServer({ distDir, benchDir }) {
  const dist = resolve(distDir);
  const bench = resolve(benchDir);
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pathname.startsWith(BENCH_PREFIX)) {
      sendStaticFile(req, res, bench, pathname.slice(BENCH_PREFIX.length));
    } else sendStaticFile(req, res, dist, pathname);
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      resolveStart({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
