import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import { offlineServiceWorker } from './scripts/offlineServiceWorker.ts';
import { ipDataAssets } from './scripts/ipDataPlugin.ts';
import { sigmaPack } from './scripts/sigmaPackPlugin.ts';

/**
 * The Content-Security-Policy of the built app: nothing but its own origin, no inline script or style,
 * no plugins, no framing of forms. docs/deploy.md ("Headers") lists the same policy as headers.
 * Only the build gets it: Vite's dev server injects inline styles for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'cairn-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// `base: './'` makes dist/ work from any path prefix on any static server.
export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy(), offlineServiceWorker(), sigmaPack(), ipDataAssets()],
  worker: { format: 'es', plugins: () => [sigmaPack()] },
  // No source maps by default: they would ship the whole source, with the build machine's paths, to every
  // visitor. `npx vite build --sourcemap` makes them for a debugging session.
  build: { target: 'es2023', sourcemap: false },
});
