/**
 * Gate: the built site works under a Content-Security-Policy without 'unsafe-inline' (no inline
 * script, style or event handler on any page), every reader's page carries the policy as a meta tag,
 * and the build's _headers file is the one generated from src/publishing/security-headers.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSP_META, headersFile, SECURITY_HEADERS } from '#src/publishing/security-headers.ts';
import { testDist } from '../../scripts/lib/paths.ts';
import { headersForPath, parseHeadersFile } from '../support/host-headers.ts';
import { findInlineCode, metaCspOf, parseHtml, readPages } from '../support/site-gates.ts';

const page = (head: string, body = '') => ({
  path: '/x/',
  html: `<!doctype html><html lang="vi"><head>${head}</head><body>${body}</body></html>`,
});

describe('inline code scanner (proven on broken pages)', () => {
  it.each<[string, string, string, string[]]>([
    [
      'external scripts and styles',
      '<script type="module" src="/_astro/a.js"></script><link rel="stylesheet" href="/a.css">',
      '',
      [],
    ],
    ['JSON-LD', '<script type="application/ld+json">{"@type":"NewsArticle"}</script>', '', []],
    ['an inline script', '<script>alert(1)</script>', '', ['inline <script>']],
    ['an inline module', '<script type="module">import "/a.js"</script>', '', ['inline <script type="module">']],
    ['an inline style element', '<style>p{color:red}</style>', '', ['inline <style>']],
    ['a style attribute', '', '<p style="color:red">x</p>', ['style="…" on <p>']],
    ['an event handler', '', '<button type="button" onclick="go()">x</button>', ['onclick="…" on <button>']],
    ['a javascript: URL', '', '<a href="javascript:go()">x</a>', ['javascript: URL on <a>']],
  ])('%s', (_name, head, body, expected) => {
    expect(findInlineCode(page(head, body)).map((f) => f.what)).toEqual(expected);
  });

  it('reads the meta policy', () => {
    expect(metaCspOf(parseHtml(page(`<meta http-equiv="Content-Security-Policy" content="${CSP_META}">`).html))).toBe(
      CSP_META,
    );
    expect(metaCspOf(parseHtml(page('<meta charset="utf-8">').html))).toBeUndefined();
  });
});

describe('the built site', () => {
  const pages = readPages(testDist);
  const readers = pages.filter((p) => !p.path.startsWith('/admin/'));

  it('has no inline script, style or event handler on any page', () => {
    expect(pages.length).toBeGreaterThan(50);
    expect(pages.flatMap((p) => findInlineCode(p)).map((f) => `${f.page}: ${f.what}`)).toEqual([]);
  });

  it("puts the policy in a meta tag on every reader's page, first thing in <head>", () => {
    expect(readers.filter((p) => metaCspOf(parseHtml(p.html)) !== CSP_META).map((p) => p.path)).toEqual([]);
    // Before any <link>, <script> or <style>: a meta policy only governs what comes after it.
    for (const p of readers) {
      const at = p.html.indexOf('http-equiv="Content-Security-Policy"');
      const firstResource = p.html.search(/<(link|script|style)\b/);
      expect(at, p.path).toBeGreaterThan(0);
      expect(firstResource === -1 || at < firstResource, p.path).toBe(true);
    }
  });

  it('ships the generated _headers file', () => {
    const file = join(testDist, '_headers');
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(headersFile());
    const headers = headersForPath(parseHeadersFile(text), '/tin-tuc/');
    for (const name of Object.keys(SECURITY_HEADERS)) expect(headers[name], name).toBe(SECURITY_HEADERS[name]);
  });
});
