#!/usr/bin/env node
// Serves a folder (default dist/) as plain static files on localhost: the same thing any static host
// does, so what runs here is what users get. Usage: node scripts/serve.js [dir] [--port N]
import { statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { sendStaticFile } from './sendStaticFile.js';

const args = process.argv.slice(2);
const portFlag = args.indexOf('--port');
const port = portFlag >= 0 ? Number(args[portFlag + 1]) : Number(process.env.PORT ?? 4173);
const root = resolve(
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--port') ?? 'dist',
);

try {
  statSync(join(root, 'index.html'));
} catch {
  console.error(`No index.html in ${root}: run "npm run build" first.`);
  process.exit(1);
}

createServer((req, res) => {
  sendStaticFile(req, res, root, new URL(req.url ?? '/', 'http://localhost').pathname);
}).listen(port, '127.0.0.1', () => {
  console.log(`Cairn is running at http://localhost:${port}/  (serving ${root}; Ctrl+C to stop)`);
});
