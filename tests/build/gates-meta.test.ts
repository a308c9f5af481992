/**
 * Gate: every reader's page has lang="vi", exactly one non-empty <title> and one non-empty meta
 * description. The web editor shell (/admin/, Sveltia CMS) is not a reader's page: noindex,
 * outside the sitemap, replaced by the editor's own UI as soon as its script runs.
 */
import { describe, expect, it } from 'vitest';
import { testDist } from '../../scripts/lib/paths.ts';
import { checkPageMeta, readPages } from '../support/site-gates.ts';

const head = (inner: string, lang = 'vi') =>
  `<!doctype html><html lang="${lang}"><head>${inner}</head><body><h1>x</h1></body></html>`;
const good = '<title>Tin tức – Công đoàn</title><meta name="description" content="Tin tức của công đoàn.">';

describe('page metadata checker (proven on broken pages)', () => {
  it.each<[string, string, string[]]>([
    ['a good page', head(good), []],
    ['no lang', head(good).replace(' lang="vi"', ''), ['<html> has no lang="vi"']],
    ['lang="en"', head(good, 'en'), ['<html> has no lang="vi"']],
    ['no title', head('<meta name="description" content="x">'), ['0 <title> elements (expected exactly one)']],
    ['an empty title', head('<title> </title><meta name="description" content="x">'), ['empty <title>']],
    ['two titles', head(`${good}<title>y</title>`), ['2 <title> elements (expected exactly one)']],
    ['no description', head('<title>x</title>'), ['0 meta descriptions (expected exactly one)']],
    ['an empty description', head('<title>x</title><meta name="description" content="">'), ['empty meta description']],
  ])('%s', (_name, html, expected) => {
    expect(checkPageMeta({ path: '/x/', html }).map((p) => p.problem)).toEqual(expected);
  });
});

describe('the built site', () => {
  const pages = readPages(testDist).filter((p) => !p.path.startsWith('/admin/'));

  it("checks every reader's page", () => {
    expect(pages.length).toBeGreaterThan(50);
    expect(pages.map((p) => p.path)).toEqual(
      expect.arrayContaining(['/', '/404.html', '/tim-kiem/', '/tin-tuc/', '/don-vi/', '/khen-thuong/']),
    );
  });

  it('gives every page lang="vi", a title and a description', () => {
    expect(pages.flatMap((p) => checkPageMeta(p)).map((p) => `${p.page}: ${p.problem}`)).toEqual([]);
  });
});
