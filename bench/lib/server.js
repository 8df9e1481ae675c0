// The bench's own static server: dist/ at "/" (the app as users get it) and bench/ (floor page,
// generated data) at "/__bench/". Files are sent as they are: .gz as application/gzip without
// Content-Encoding, as S3 would hand them over.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.gz': 'application/gzip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
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
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const inBench = url.pathname.startsWith(BENCH_PREFIX);
    const root = inBench ? bench : dist;
    let file;
    try {
      const rel = decodeURIComponent(
        inBench ? url.pathname.slice(BENCH_PREFIX.length) : url.pathname,
      );
      file = join(root, normalize(`/${rel}`));
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    let size;
    try {
      let st = statSync(file);
      if (st.isDirectory()) {
        file = join(file, 'index.html');
        st = statSync(file);
      }
      size = st.size;
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': size,
      'cache-control': 'no-store',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
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
