import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// What `npm run build` ships, read from disk (the e2e run builds first): the policy a host without
// headers relies on, and no source maps. No browser needed.
const DIST = join(import.meta.dirname, '..', 'dist');
const html = readFileSync(join(DIST, 'index.html'), 'utf8');

/** An HTML attribute value as the browser reads it (Vite writes `'` as `&#39;`). */
function decodeAttribute(value: string): string {
  const named: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(Number(body.slice(1)));
    return named[body.toLowerCase()] ?? entity;
  });
}

/** The meta CSP of dist/index.html as directive → sources. */
function metaPolicy(): Map<string, string[]> {
  const tags = [
    ...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi),
  ];
  expect(tags, 'one CSP meta tag').toHaveLength(1);
  const content = decodeAttribute(tags[0]?.[1] ?? '');
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0] !== undefined && d[0] !== '')
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

test('the built index.html carries a strict Content-Security-Policy before any script', () => {
  const policy = metaPolicy();
  expect(policy.get('default-src')).toEqual(["'self'"]);
  expect(policy.get('script-src')).toEqual(["'self'"]);
  expect(policy.get('style-src')).toEqual(["'self'"]);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  expect(policy.get('worker-src')).toEqual(["'self'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'self'"]);
  expect(policy.get('form-action')).toEqual(["'none'"]);
  for (const [name, sources] of policy) {
    // Nothing inline or evaluated, and no other origin anywhere (data: only for images).
    expect(sources, name).not.toContain("'unsafe-inline'");
    expect(sources, name).not.toContain("'unsafe-eval'");
    expect(sources, name).not.toContain("'wasm-unsafe-eval'");
    const allowed = name === 'img-src' ? ["'self'", "'none'", 'data:'] : ["'self'", "'none'"];
    expect(
      sources.filter((s) => !allowed.includes(s)),
      name,
    ).toEqual([]);
  }
  // The policy must come before anything it governs, and no script may be inline.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script|<link/));
  for (const script of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    expect(script[0]).toMatch(/\bsrc="/);
    expect(script[1]?.trim()).toBe('');
  }
});

test('the build ships no source maps', () => {
  const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' });
  expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  const mapped = files.filter(
    (f) =>
      /\.(js|css|html)$/.test(f) &&
      readFileSync(join(DIST, f), 'utf8').includes('sourceMappingURL'),
  );
  expect(mapped).toEqual([]);
});
