import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../vite.config';

const deploy = readFileSync(new URL('../docs/deploy.md', import.meta.url), 'utf8');

describe('docs/deploy.md "Headers"', () => {
  it('gives the built policy as the header to set, plus frame-ancestors', () => {
    expect(deploy).toContain(
      `Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'\n`,
    );
  });

  it('gives the same policy in the CloudFront response headers policy', () => {
    expect(deploy).toContain(
      `"ContentSecurityPolicy": "${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'"`,
    );
  });

  it('forbids framing in every header recipe, for browsers that predate frame-ancestors too', () => {
    expect(deploy).toContain('X-Frame-Options: DENY\n');
    expect(deploy).toContain('"FrameOptions": { "Override": true, "FrameOption": "DENY" }');
  });

  it('allows no origin but the app’s own', () => {
    const sources = CONTENT_SECURITY_POLICY.split(';').flatMap((d) =>
      d.trim().split(/\s+/).slice(1),
    );
    expect(sources.filter((s) => !["'self'", "'none'", 'data:'].includes(s))).toEqual([]);
  });
});
