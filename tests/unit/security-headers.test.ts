import { describe, expect, it } from 'vitest';
import { ADMIN_CSP } from '#src/publishing/security-headers.ts';
import {
  CONTENT_SECURITY_POLICY,
  CSP_HEADER,
  CSP_META,
  HEADER_RULES,
  headersFile,
  headersForPath,
  parseHeadersFile,
  SECURITY_HEADERS,
  serializePolicy,
} from '#src/publishing/security-headers.ts';

describe('Content-Security-Policy', () => {
  it.each([
    ["default-src 'self'"],
    ["script-src 'self' 'wasm-unsafe-eval'"],
    ["style-src 'self'"],
    ["img-src 'self' data:"],
    ["worker-src 'self' blob:"],
    ["connect-src 'self'"],
    ["object-src 'none'"],
    ["base-uri 'self'"],
    ["form-action 'self'"],
    ["frame-ancestors 'none'"],
  ])('the header has %s', (directive) => {
    expect(CSP_HEADER.split('; ')).toContain(directive);
  });

  it('never allows inline script or style, eval, or any other origin', () => {
    for (const sources of Object.values(CONTENT_SECURITY_POLICY)) {
      for (const s of sources) expect(s).toMatch(/^('self'|'none'|'wasm-unsafe-eval'|data:|blob:)$/);
    }
  });

  it('leaves header-only directives out of the meta tag', () => {
    expect(CSP_META).not.toContain('frame-ancestors');
    expect(CSP_META).toBe(CSP_HEADER.replace("; frame-ancestors 'none'", ''));
    expect(serializePolicy({ 'default-src': ["'self'"], sandbox: [] }, { meta: true })).toBe("default-src 'self'");
  });
});

describe('_headers file', () => {
  const file = headersFile();

  it('round-trips through the parser', () => {
    expect(parseHeadersFile(file)).toEqual(
      HEADER_RULES.map((r) => ({ pattern: r.pattern, detach: [...(r.detach ?? [])], headers: r.headers })),
    );
  });

  it.each([
    ['/', CSP_HEADER],
    ['/tim-kiem/', CSP_HEADER],
    ['/_astro/BaseLayout.css', CSP_HEADER],
    ['/admin/', ADMIN_CSP],
    ['/admin/config.yml', ADMIN_CSP],
  ])('%s gets exactly one policy', (path, policy) => {
    expect(headersForPath(parseHeadersFile(file), path)['Content-Security-Policy']).toBe(policy);
  });

  it.each(Object.entries(SECURITY_HEADERS))('every page gets %s', (name, value) => {
    expect(headersForPath(parseHeadersFile(file), '/tin-tuc/')[name]).toBe(value);
  });

  it('caches fingerprinted assets for a year, and only those', () => {
    const rules = parseHeadersFile(file);
    expect(headersForPath(rules, '/_astro/x.js')['Cache-Control']).toContain('immutable');
    expect(headersForPath(rules, '/')['Cache-Control']).toBeUndefined();
  });

  it.each([
    // A header set by two rules is sent twice (joined), as the hosts do: both policies apply.
    ['/*\n  A: 1\n/x/*\n  A: 2\n', '/x/y', { A: '1, 2' }],
    ['/*\n  A: 1\n/x/*\n  ! A\n  A: 2\n', '/x/y', { A: '2' }],
    ['# comment\n/exact\n  B: b\n', '/exact', { B: 'b' }],
    ['/exact\n  B: b\n', '/exact/', {}],
  ])('host semantics: %j at %s', (text, path, expected) => {
    expect(headersForPath(parseHeadersFile(text), path)).toEqual(expected);
  });

  it.each([['  A: 1\n'], ['/*\n  no colon\n']])('rejects a malformed file: %j', (text) => {
    expect(() => parseHeadersFile(text)).toThrow(/_headers/);
  });
});
