/**
 * Gate: every HTML page of the build is valid by html-validate (recommended rules; the few turned
 * off are listed with their reasons in tests/support/site-gates.ts and docs/quality-gates.md).
 */
import { describe, expect, it } from 'vitest';
import { testDist } from '../../scripts/lib/paths.ts';
import { readPages, validateHtml } from '../support/site-gates.ts';

const page = (body: string) => ({
  path: '/x/',
  html: `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>x</title></head><body>${body}</body></html>`,
});

describe('HTML validator (proven on broken pages)', () => {
  it('passes a valid page', async () => {
    expect(await validateHtml(page('<main><h1>Tin tức</h1><p>Đoạn <a href="/">văn</a>.</p></main>'))).toEqual([]);
  });

  it.each<[string, string, string]>([
    ['an unclosed element', '<main><div><p>x</p></main>', 'close-order'],
    ['a duplicate id', '<p id="a">x</p><p id="a">y</p>', 'no-dup-id'],
    ['an image without alt', '<img src="/a.jpg">', 'wcag/h37'],
    ['a button without type', '<button>Gửi</button>', 'no-implicit-button-type'],
    ['an element inside the wrong parent', '<ul><p>x</p></ul>', 'element-permitted-content'],
    ['a deprecated element', '<center>x</center>', 'deprecated'],
    ['an inline style', '<p style="color:red">x</p>', 'no-inline-style'],
    ['rel on a link without href', '<a rel="next">Trang sau</a>', 'attribute-misuse'],
  ])('reports %s', async (_name, body, rule) => {
    const problems = await validateHtml(page(body));
    expect(problems.map((p) => p.rule)).toContain(rule);
  });
});

describe('the built site', () => {
  const pages = readPages(testDist);

  it('is valid HTML on every page', async () => {
    expect(pages.length).toBeGreaterThan(50);
    const problems = (await Promise.all(pages.map(validateHtml))).flat();
    expect(problems.map((p) => `${p.page}:${p.line} ${p.rule}: ${p.message}`)).toEqual([]);
  });
});
