// Sends one file of a folder over HTTP, as a plain static host would: the one implementation shared
// by `npm start`, the e2e server and the bench server.
import { createReadStream, statSync } from 'node:fs';
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

/**
 * Answers `req` with the file at `pathname` under `rootDir` (a folder's index.html for a folder):
 * 404 when absent, 403 for a path that escapes the root. `.gz` files go out as the bytes they are
 * (application/gzip, no Content-Encoding), as S3 hands over a trail's log files.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} rootDir
 * @param {string} pathname URL path relative to rootDir, still percent-encoded
 */
export function sendStaticFile(req, res, rootDir, pathname) {
  const root = resolve(rootDir);
  let file;
  try {
    file = join(root, normalize(`/${decodeURIComponent(pathname)}`));
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
}
