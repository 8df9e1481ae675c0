#!/usr/bin/env node
// Serves a folder (default dist/) as plain static files on localhost: the same thing any static host
// does, so what runs here is what users get. Usage: node scripts/serve.js [dir] [--port N] [--prefix /path/]
// --prefix serves the folder under a path prefix (as a GitHub Pages project site or a CloudFront origin
// path would), answering 404 outside it; --port 0 picks a free port, and the printed URL names it.
import { statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { sendStaticFile } from './sendStaticFile.js';

const args = process.argv.slice(2);
const portFlag = args.indexOf('--port');
const port = portFlag >= 0 ? Number(args[portFlag + 1]) : Number(process.env.PORT ?? 4173);
const prefixFlag = args.indexOf('--prefix');
const prefix = `/${prefixFlag >= 0 ? (args[prefixFlag + 1] ?? '') : ''}/`.replace(/\/+/g, '/');
const root = resolve(
  args.find((a, i) => !a.startsWith('--') && !['--port', '--prefix'].includes(args[i - 1] ?? '')) ??
    'dist',
);

try {
  statSync(join(root, 'index.html'));
} catch {
  console.error(`No index.html in ${root}: run "npm run build" first.`);
  process.exit(1);
}

const server = createServer((req, res) => {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (pathname === prefix.slice(0, -1)) {
    // As static hosts do for a folder asked without its slash: relative URLs need the slash.
    res.writeHead(301, { location: prefix }).end();
    return;
  }
  if (!pathname.startsWith(prefix)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  sendStaticFile(req, res, root, pathname.slice(prefix.length - 1));
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  console.log(
    `Cairn is running at http://localhost:${actualPort}${prefix}  (serving ${root}; Ctrl+C to stop)`,
  );
});
